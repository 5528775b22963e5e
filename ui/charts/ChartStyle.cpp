#include "ChartStyle.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>

namespace workbench::ui::chartstyle {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor primary(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x6c, 0xa8, 0xf0) : QColor(0x2f, 0x6f, 0xc0);
}

QColor secondary(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf5, 0xa6, 0x5b) : QColor(0xd9, 0x6a, 0x12);
}

QColor warning(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf0, 0x71, 0x71) : QColor(0xc0, 0x39, 0x2b);
}

void apply(QChart &chart, const QPalette &palette)
{
    chart.setBackgroundBrush(palette.base());
    chart.setBackgroundPen(Qt::NoPen);
    chart.setTitleBrush(palette.text());
    QFont titleFont = chart.titleFont();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() > 0 ? std::max(titleFont.pointSizeF(), 10.0) : 10.0);
    chart.setTitleFont(titleFont);
    chart.legend()->setLabelColor(palette.color(QPalette::Text));
    for (QAbstractAxis *axis : chart.axes())
        styleAxis(*axis, palette);
}

void styleAxis(QAbstractAxis &axis, const QPalette &palette)
{
    axis.setLabelsColor(palette.color(QPalette::Text));
    axis.setTitleBrush(palette.text());
    QColor grid = palette.color(QPalette::Text);
    grid.setAlpha(40);
    axis.setGridLineColor(grid);
    QColor line = palette.color(QPalette::Text);
    line.setAlpha(90);
    axis.setLinePenColor(line);
}

} // namespace workbench::ui::chartstyle
