#include "ChartStyle.h"

#include "display/Colors.h"

#include <QAbstractAxis>
#include <QChart>
#include <QCursor>
#include <QLegend>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace workbench::ui::chartstyle {

double niceCeiling(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (value <= step * magnitude)
            return step * magnitude;
    }
    return 10 * magnitude;
}

QValueAxis *percentAxis(double max, const QString &title)
{
    auto *axis = new QValueAxis;
    axis->setRange(0, std::min(100.0, niceCeiling(std::max(max, 1.0))));
    axis->setLabelFormat(QStringLiteral("%.0f %%"));
    axis->setTickCount(6);
    if (!title.isEmpty())
        axis->setTitleText(title);
    return axis;
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

QString label(const QString &importedText)
{
    return importedText.toHtmlEscaped();
}

void showTooltip(const QString &plainText)
{
    // Rich text made of escaped text only: nothing in it is markup, and line breaks stay.
    QString html = plainText.toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    QToolTip::showText(QCursor::pos(), QStringLiteral("<qt>") + html + QStringLiteral("</qt>"));
}

} // namespace workbench::ui::chartstyle
