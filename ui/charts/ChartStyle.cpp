#include "ChartStyle.h"

#include "display/Colors.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>

namespace workbench::ui::chartstyle {

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
