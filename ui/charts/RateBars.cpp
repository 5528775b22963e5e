#include "RateBars.h"

#include "ChartStyle.h"
#include "display/Colors.h"
#include "display/Format.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace workbench::ui {

QBarSet *addEscalationRateBars(QChart &chart, const QPalette &palette, const std::vector<RateBar> &bars,
                               const QString &hint)
{
    auto *set = new QBarSet(QObject::tr("Escalation rate"));
    set->setColor(colors::primary(palette));
    set->setBorderColor(colors::primary(palette));
    set->setLabelColor(palette.color(QPalette::Text));
    QStringList labels;
    double maxPercent = 0;
    for (const RateBar &bar : bars) {
        labels << chartstyle::label(bar.label);
        const double percent = std::round(bar.rate.value_or(0) * 1000.0) / 10.0; // the label shows a tenth
        set->append(percent);
        maxPercent = std::max(maxPercent, percent);
    }
    QObject::connect(set, &QBarSet::hovered, set, [bars, hint](bool on, int index) {
        if (!on || index < 0 || size_t(index) >= bars.size()) {
            QToolTip::hideText();
            return;
        }
        const RateBar &bar = bars[size_t(index)];
        QString text =
            QObject::tr("%1\n%2 of %3 conversations escalated (%4)")
                .arg(bar.label, formatCount(bar.escalated), formatCount(bar.conversations), formatPercent(bar.rate));
        if (!hint.isEmpty())
            text += QLatin1Char('\n') + hint;
        chartstyle::showTooltip(text);
    });
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.65);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value %"));
    chart.addSeries(series);
    chart.legend()->setVisible(false);
    auto *groupAxis = new QBarCategoryAxis;
    groupAxis->append(labels);
    groupAxis->setGridLineVisible(false);
    QValueAxis *rateAxis = chartstyle::percentAxis(maxPercent * 1.2); // room for the value labels
    chart.addAxis(groupAxis, Qt::AlignLeft);
    chart.addAxis(rateAxis, Qt::AlignBottom);
    series->attachAxis(groupAxis);
    series->attachAxis(rateAxis);
    return set;
}

} // namespace workbench::ui
