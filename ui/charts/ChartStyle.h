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

} // namespace workbench::ui::chartstyle
