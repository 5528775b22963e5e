#pragma once

#include <QColor>
#include <QPalette>

QT_BEGIN_NAMESPACE
class QChart;
class QAbstractAxis;
QT_END_NAMESPACE

namespace workbench::ui::chartstyle {

/// True for a dark palette (light text on dark windows).
bool isDark(const QPalette &palette);
/// Colours for the series, readable on the palette's base colour.
QColor primary(const QPalette &palette);
QColor secondary(const QPalette &palette);
QColor warning(const QPalette &palette);
/// Background, title, legend and grid colours from the palette.
void apply(QChart &chart, const QPalette &palette);
/// Label and grid colours of one axis from the palette.
void styleAxis(QAbstractAxis &axis, const QPalette &palette);

} // namespace workbench::ui::chartstyle
