#include "VolumeCharts.h"

#include "ChartPanel.h"
#include "ChartStyle.h"
#include "RateBars.h"
#include "display/Colors.h"
#include "display/Format.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace workbench::ui {
namespace {

void buildMonthlyVolume(ChartPanel &panel, const std::vector<MonthVolume> &months)
{
    panel.reset(QObject::tr("Conversations and escalation rate by month"));
    if (months.empty())
        return;
    QChart *chart = panel.chart();
    const QPalette palette = panel.palette();

    auto *volumeSet = new QBarSet(QObject::tr("Conversations"));
    volumeSet->setColor(colors::primary(palette));
    volumeSet->setBorderColor(colors::primary(palette));
    auto *rateLine = new QLineSeries;
    rateLine->setName(QObject::tr("Escalation rate"));
    auto *ratePoints = new QScatterSeries;
    QStringList labels;
    double maxVolume = 0;
    double maxRate = 0;
    for (size_t i = 0; i < months.size(); ++i) {
        const MonthVolume &month = months[i];
        labels << formatMonthShort(month.month.year(), month.month.number());
        volumeSet->append(double(month.volume.conversations));
        maxVolume = std::max(maxVolume, double(month.volume.conversations));
        if (const auto rate = month.volume.escalationRate()) {
            rateLine->append(double(i), *rate * 100.0);
            ratePoints->append(double(i), *rate * 100.0);
            maxRate = std::max(maxRate, *rate * 100.0);
        }
    }
    QObject::connect(volumeSet, &QBarSet::hovered, volumeSet, [months](bool on, int index) {
        if (!on || index < 0 || size_t(index) >= months.size()) {
            QToolTip::hideText();
            return;
        }
        const MonthVolume &month = months[size_t(index)];
        chartstyle::showTooltip(QObject::tr("%1\n%2 conversations\n%3 escalated (%4)")
                                    .arg(formatMonthLong(month.month.year(), month.month.number()),
                                         formatCount(month.volume.conversations), formatCount(month.volume.escalated),
                                         formatPercent(month.volume.escalationRate())));
    });

    auto *bars = new QBarSeries;
    bars->append(volumeSet);
    bars->setBarWidth(0.6);
    chart->addSeries(bars);
    QPen ratePen(colors::secondary(palette), 2.5);
    rateLine->setPen(ratePen);
    chart->addSeries(rateLine);
    ratePoints->setColor(colors::secondary(palette));
    ratePoints->setBorderColor(colors::secondary(palette));
    ratePoints->setMarkerSize(7);
    chart->addSeries(ratePoints);
    chart->legend()->markers(ratePoints).first()->setVisible(false);

    auto *monthAxis = new QBarCategoryAxis;
    monthAxis->append(labels);
    auto *volumeAxis = new QValueAxis;
    volumeAxis->setRange(0, maxVolume * 1.1);
    volumeAxis->applyNiceNumbers();
    volumeAxis->setLabelFormat(QStringLiteral("%.0f"));
    volumeAxis->setTitleText(QObject::tr("Conversations"));
    auto *rateAxis = new QValueAxis;
    rateAxis->setRange(0, std::max(maxRate * 1.25, 5.0));
    rateAxis->applyNiceNumbers();
    rateAxis->setLabelFormat(QStringLiteral("%.0f %%"));
    rateAxis->setTitleText(QObject::tr("Escalation rate"));
    rateAxis->setGridLineVisible(false);
    chart->addAxis(monthAxis, Qt::AlignBottom);
    chart->addAxis(volumeAxis, Qt::AlignLeft);
    chart->addAxis(rateAxis, Qt::AlignRight);
    bars->attachAxis(monthAxis);
    bars->attachAxis(volumeAxis);
    for (QXYSeries *series : {static_cast<QXYSeries *>(rateLine), static_cast<QXYSeries *>(ratePoints)}) {
        series->attachAxis(monthAxis);
        series->attachAxis(rateAxis);
    }
    for (QAbstractAxis *axis : chart->axes())
        chartstyle::styleAxis(*axis, palette);
}

void buildCategoryEscalationRates(ChartPanel &panel, const std::vector<CategoryVolume> &categories)
{
    panel.reset(QObject::tr("Escalation rate by category"));
    if (categories.empty())
        return;
    std::vector<CategoryVolume> sorted = categories;
    // Horizontal bars draw the first category at the bottom: ascending puts the highest rate on top.
    std::stable_sort(sorted.begin(), sorted.end(), [](const CategoryVolume &a, const CategoryVolume &b) {
        return a.volume.escalationRate().value_or(0) < b.volume.escalationRate().value_or(0);
    });
    std::vector<RateBar> bars;
    for (const CategoryVolume &category : sorted)
        bars.push_back({category.name, category.volume.escalated, category.volume.conversations,
                        category.volume.escalationRate()});
    addEscalationRateBars(*panel.chart(), panel.palette(), bars);
    for (QAbstractAxis *axis : panel.chart()->axes())
        chartstyle::styleAxis(*axis, panel.palette());
}

} // namespace

void showMonthlyVolume(ChartPanel &panel, const std::vector<MonthVolume> &months)
{
    panel.setBuilder([months](ChartPanel &target) { buildMonthlyVolume(target, months); });
}

void showCategoryEscalationRates(ChartPanel &panel, const std::vector<CategoryVolume> &categories)
{
    panel.setBuilder([categories](ChartPanel &target) { buildCategoryEscalationRates(target, categories); });
}

} // namespace workbench::ui
