#pragma once

#include <QPalette>
#include <QString>

QT_BEGIN_NAMESPACE
class QChart;
class QAbstractAxis;
class QValueAxis;
QT_END_NAMESPACE

namespace workbench::ui::chartstyle {

/// The smallest of 1, 2, 2.5, 5 times a power of ten at or above `value`: a round axis maximum.
double niceCeiling(double value);
/// A value axis in percent from 0 to a round maximum at or above `max` (never past 100 %).
QValueAxis *percentAxis(double max, const QString &title = {});
/// Background, title, legend and grid colours from the palette.
void apply(QChart &chart, const QPalette &palette);
/// Label and grid colours of one axis from the palette.
void styleAxis(QAbstractAxis &axis, const QPalette &palette);

/// Imported text (a category, channel, team, agent or event name) made safe to be a chart label: Qt Charts
/// lays out axis labels, legend entries and titles as rich text, so `<b>`, `<span style=...>`, `<a>` or
/// `<img src=...>` in a name would be obeyed (and a local file loaded). Escaped, it shows as written.
QString label(const QString &importedText);
/// Shows `plainText` as a tooltip exactly as written (a tooltip that looks like markup is otherwise rendered).
void showTooltip(const QString &plainText);

} // namespace workbench::ui::chartstyle
