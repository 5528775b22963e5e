#include "MetricsCharts.h"

#include "ChartPanel.h"
#include "ChartStyle.h"
#include "RateBars.h"
#include "display/Colors.h"
#include "display/Format.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace workbench::ui {
namespace {

/// The conversations behind one group's bar or point.
DrillDownRequest groupRequest(const Period &period, Breakdown breakdown, const QString &group, bool escalated,
                              bool reviewedOnly = false)
{
    DrillDownRequest request;
    request.period = period;
    request.breakdown = breakdown;
    request.group = group;
    request.escalated = escalated;
    request.reviewedOnly = reviewedOnly;
    return request;
}

double percent(double fraction)
{
    return fraction * 100.0;
}

/// Month labels on a value axis, one per index (every other when there are many).
QCategoryAxis *monthAxis(const std::vector<TrendMonth> &trend)
{
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const int step = trend.size() > 14 ? 2 : 1;
    for (size_t i = 0; i < trend.size(); i += size_t(step))
        axis->append(formatMonthShort(trend[i].month.year(), trend[i].month.number()), double(i));
    axis->setRange(-0.5, double(trend.size()) - 0.5);
    axis->setGridLineVisible(false);
    return axis;
}

void finish(ChartPanel &panel)
{
    for (QAbstractAxis *axis : panel.chart()->axes())
        chartstyle::styleAxis(*axis, panel.palette());
}

void attach(QChart *chart, QAbstractSeries *series, QAbstractAxis *x, QAbstractAxis *y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

void hideFromLegend(QChart *chart, QAbstractSeries *series)
{
    for (QLegendMarker *marker : chart->legend()->markers(series))
        marker->setVisible(false);
}

QString estimateText(const stats::Estimate &estimate)
{
    if (!estimate.value)
        return QObject::tr("not reviewed");
    return QObject::tr("%1 (95 %: %2 – %3)")
        .arg(formatPercent(estimate.value), formatPercent(estimate.lo), formatPercent(estimate.hi));
}

/// The groups of a breakdown in display order for horizontal bars: the first listed ends up on top.
// Copies, never pointers: the hover and click handlers outlive the builder's locals (a pointer into a vector
// that died with the builder was read on every hover of the CSAT chart).
std::vector<GroupFigures> topDown(const std::vector<GroupFigures> &groups, size_t limit,
                                  const std::function<double(const GroupFigures &)> &key)
{
    std::vector<GroupFigures> sorted = groups;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [&key](const GroupFigures &a, const GroupFigures &b) { return key(a) > key(b); });
    if (sorted.size() > limit)
        sorted.resize(limit);
    std::reverse(sorted.begin(), sorted.end()); // horizontal bars draw the first at the bottom
    return sorted;
}

constexpr size_t kMaxBars = 15; ///< more groups than this (agents) show the largest only

} // namespace

QString breakdownLabel(Breakdown breakdown)
{
    switch (breakdown) {
    case Breakdown::Category:
        return QObject::tr("Category");
    case Breakdown::Channel:
        return QObject::tr("Channel");
    case Breakdown::Team:
        return QObject::tr("Team");
    case Breakdown::Agent:
        return QObject::tr("Agent");
    }
    return {};
}

void showEscalationTrend(ChartPanel &panel, const std::vector<TrendMonth> &trend, const BenchmarkBand &band,
                         const std::vector<WorkspaceEvent> &events, const Period &selected, DrillHandler drill)
{
    panel.setBuilder([trend, band, events, selected, drill](ChartPanel &target) {
        target.reset(QObject::tr("Escalation rate by month"));
        if (trend.empty()) {
            target.setEmptyMessage(QObject::tr("No conversations yet: import some on the Data page."));
            return;
        }
        QChart *chart = target.chart();
        const QPalette palette = target.palette();
        auto *x = monthAxis(trend);
        double maxRate = percent(band.high);
        auto *rate = new QLineSeries;
        rate->setName(QObject::tr("Escalation rate"));
        auto *points = new QScatterSeries;
        auto *chosen = new QScatterSeries;
        chosen->setName(chartstyle::label(selected.key()));
        for (size_t i = 0; i < trend.size(); ++i) {
            if (const auto value = trend[i].figures.escalationRate()) {
                rate->append(double(i), percent(*value));
                points->append(double(i), percent(*value));
                if (trend[i].month == selected)
                    chosen->append(double(i), percent(*value));
                maxRate = std::max(maxRate, percent(*value));
            }
        }
        auto *y = chartstyle::percentAxis(maxRate * 1.15, QObject::tr("Escalated"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);

        // The benchmark band behind everything.
        auto *upper = new QLineSeries(chart);
        auto *lower = new QLineSeries(chart);
        upper->append(-0.5, percent(band.high));
        upper->append(double(trend.size()) - 0.5, percent(band.high));
        lower->append(-0.5, percent(band.low));
        lower->append(double(trend.size()) - 0.5, percent(band.low));
        auto *bandArea = new QAreaSeries(upper, lower);
        bandArea->setName(QObject::tr("Benchmark %1–%2").arg(formatPercent(band.low, 0), formatPercent(band.high, 0)));
        QColor fill = colors::success(palette);
        fill.setAlpha(45);
        bandArea->setBrush(fill);
        bandArea->setPen(Qt::NoPen);
        attach(chart, bandArea, x, y);

        // Events as dashed vertical markers at their day within the month.
        int eventNumber = 0;
        for (const WorkspaceEvent &event : events) {
            const Period month = Period::month(event.date.year(), event.date.month());
            const auto found =
                std::find_if(trend.begin(), trend.end(), [&month](const TrendMonth &m) { return m.month == month; });
            if (found == trend.end())
                continue;
            const double at =
                double(found - trend.begin()) - 0.5 + double(event.date.day() - 1) / double(event.date.daysInMonth());
            auto *marker = new QLineSeries;
            marker->setName(
                chartstyle::label(QStringLiteral("%1 %2").arg(event.date.toString(Qt::ISODate), event.label)));
            QPen pen(eventNumber++ % 2 ? colors::secondary(palette) : colors::warning(palette), 1.5, Qt::DashLine);
            marker->setPen(pen);
            marker->append(at, 0);
            marker->append(at, y->max());
            attach(chart, marker, x, y);
            hideFromLegend(chart, marker);
            // The label at the top of the marker: a point whose label is the event's text.
            auto *label = new QScatterSeries;
            label->setMarkerSize(6);
            label->setColor(pen.color());
            label->setBorderColor(pen.color());
            label->append(at, y->max() * (eventNumber % 2 ? 0.93 : 0.84));
            QString text = event.label;
            if (text.size() > 28)
                text = text.left(27) + QChar(0x2026);
            label->setPointLabelsFormat(text); // no @ placeholder: the text itself
            label->setPointLabelsVisible(true);
            label->setPointLabelsClipping(false);
            label->setPointLabelsColor(palette.color(QPalette::Text));
            attach(chart, label, x, y);
            hideFromLegend(chart, label);
            QObject::connect(marker, &QLineSeries::hovered, marker, [event](const QPointF &, bool on) {
                if (on)
                    chartstyle::showTooltip(
                        QObject::tr("%1 · %2\n%3").arg(event.date.toString(Qt::ISODate), event.kind, event.label));
                else
                    QToolTip::hideText();
            });
        }

        rate->setPen(QPen(colors::primary(palette), 2.5));
        attach(chart, rate, x, y);
        points->setColor(colors::primary(palette));
        points->setBorderColor(colors::primary(palette));
        points->setMarkerSize(8);
        attach(chart, points, x, y);
        hideFromLegend(chart, points);
        chosen->setColor(colors::secondary(palette));
        chosen->setBorderColor(palette.color(QPalette::Base));
        chosen->setMarkerSize(14);
        attach(chart, chosen, x, y);

        auto monthAt = [trend](const QPointF &point) -> const TrendMonth * {
            const long index = std::lround(point.x());
            return index >= 0 && size_t(index) < trend.size() ? &trend[size_t(index)] : nullptr;
        };
        for (QScatterSeries *series : {points, chosen}) {
            QObject::connect(series, &QScatterSeries::hovered, series, [monthAt](const QPointF &point, bool on) {
                const TrendMonth *month = on ? monthAt(point) : nullptr;
                if (!month) {
                    QToolTip::hideText();
                    return;
                }
                chartstyle::showTooltip(QObject::tr("%1\n%2 of %3 conversations escalated (%4)\nClick to list them")
                                            .arg(formatMonthLong(month->month.year(), month->month.number()),
                                                 formatCount(month->figures.escalated),
                                                 formatCount(month->figures.conversations),
                                                 formatPercent(month->figures.escalationRate())));
            });
            QObject::connect(series, &QScatterSeries::clicked, series, [monthAt, drill](const QPointF &point) {
                const TrendMonth *month = monthAt(point);
                if (!month || !drill)
                    return;
                DrillDownRequest request;
                request.period = month->month;
                request.escalated = true;
                drill(request, QObject::tr("Escalated conversations of %1").arg(month->month.key()));
            });
        }
        finish(target);
    });
}

void showGroupEscalationRates(ChartPanel &panel, const PeriodFigures &figures, Breakdown breakdown, DrillHandler drill)
{
    const std::vector<GroupFigures> groups = figures.groups(breakdown);
    const Period period = figures.period;
    panel.setBuilder([groups, period, breakdown, drill](ChartPanel &target) {
        target.reset(QObject::tr("Escalation rate by %1, %2").arg(breakdownLabel(breakdown).toLower(), period.key()));
        if (groups.empty()) {
            target.setEmptyMessage(QObject::tr("No conversations in %1.").arg(period.key()));
            return;
        }
        const auto shown =
            topDown(groups, kMaxBars, [](const GroupFigures &g) { return g.escalationRate().value_or(0); });
        std::vector<RateBar> bars;
        for (const GroupFigures &group : shown)
            bars.push_back({group.name, group.escalated, group.conversations, group.escalationRate()});
        QBarSet *set =
            addEscalationRateBars(*target.chart(), target.palette(), bars, QObject::tr("Click to list them"));
        QObject::connect(set, &QBarSet::clicked, set, [shown, period, breakdown, drill](int index) {
            if (index < 0 || size_t(index) >= shown.size() || !drill)
                return;
            const DrillDownRequest request = groupRequest(period, breakdown, shown[size_t(index)].name, true);
            drill(request, QObject::tr("Escalated conversations of %1, %2").arg(request.group, period.key()));
        });
        finish(target);
    });
}

void showCsatGap(ChartPanel &panel, const PeriodFigures &figures, Breakdown breakdown, double gapPoints,
                 DrillHandler drill)
{
    const std::vector<GroupFigures> groups = figures.groups(breakdown);
    const Period period = figures.period;
    panel.setBuilder([groups, period, breakdown, gapPoints, drill](ChartPanel &target) {
        target.reset(QObject::tr("CSAT (satisfied per 100 rated), AI vs agents, %1").arg(period.key()));
        std::vector<GroupFigures> rated;
        for (const GroupFigures &group : groups) {
            if (group.ai.rated > 0 || group.agent.rated > 0)
                rated.push_back(group);
        }
        if (rated.empty()) {
            target.setEmptyMessage(QObject::tr("No rated conversations in %1.").arg(period.key()));
            return;
        }
        QChart *chart = target.chart();
        const QPalette palette = target.palette();
        // Worst gap on top: where the AI should hand off more. Two bars a group: fewer groups fit legibly.
        const auto shown = topDown(rated, kMaxBars / 2, [](const GroupFigures &g) { return -g.csatGap().value_or(0); });
        auto *ai = new QBarSet(QObject::tr("AI-handled"));
        auto *agent = new QBarSet(QObject::tr("Agent-handled"));
        ai->setColor(colors::primary(palette));
        ai->setBorderColor(colors::primary(palette));
        ai->setSelectedColor(colors::warning(palette));
        agent->setColor(colors::secondary(palette));
        agent->setBorderColor(colors::secondary(palette));
        QStringList labels;
        for (size_t i = 0; i < shown.size(); ++i) {
            const GroupFigures &group = shown[i];
            labels << chartstyle::label(group.csatFlag ? QObject::tr("%1 (flagged)").arg(group.name) : group.name);
            ai->append(group.ai.csat().value_or(0));
            agent->append(group.agent.csat().value_or(0));
            if (group.csatFlag)
                ai->selectBar(int(i)); // flagged: the AI's bar in the warning colour
        }
        auto tooltip = [shown, gapPoints](int index) {
            const GroupFigures &group = shown[size_t(index)];
            auto csat = [](const CsatCounts &counts) {
                return counts.csat() ? QObject::tr("%1 (%2 rated)")
                                           .arg(QString::number(*counts.csat(), 'f', 1), formatCount(counts.rated))
                                     : QObject::tr("— (none rated)");
            };
            QString text = QObject::tr("%1\nAI-handled CSAT %2\nAgent-handled CSAT %3\nGap %4 points")
                               .arg(group.name, csat(group.ai), csat(group.agent),
                                    group.csatGap() ? QString::number(*group.csatGap(), 'f', 1) : QStringLiteral("—"));
            if (group.csatFlag)
                text += QObject::tr("\nFlagged: the AI does %1+ points worse, significantly").arg(gapPoints);
            return text;
        };
        for (QBarSet *set : {ai, agent}) {
            const bool escalated = set == agent;
            QObject::connect(set, &QBarSet::hovered, set, [shown, tooltip](bool on, int index) {
                if (on && index >= 0 && size_t(index) < shown.size())
                    chartstyle::showTooltip(tooltip(index));
                else
                    QToolTip::hideText();
            });
            QObject::connect(set, &QBarSet::clicked, set, [shown, period, breakdown, escalated, drill](int index) {
                if (index < 0 || size_t(index) >= shown.size() || !drill)
                    return;
                const DrillDownRequest request = groupRequest(period, breakdown, shown[size_t(index)].name, escalated);
                drill(request, QObject::tr("%1 conversations of %2, %3")
                                   .arg(escalated ? QObject::tr("Agent-handled") : QObject::tr("AI-handled"),
                                        request.group, period.key()));
            });
        }
        auto *series = new QHorizontalBarSeries;
        series->append(ai);
        series->append(agent);
        series->setBarWidth(0.75);
        auto *y = new QBarCategoryAxis;
        y->append(labels);
        y->setGridLineVisible(false);
        auto *x = new QValueAxis;
        x->setRange(0, 100);
        x->setLabelFormat(QStringLiteral("%.0f"));
        chart->addAxis(y, Qt::AlignLeft);
        chart->addAxis(x, Qt::AlignBottom);
        attach(chart, series, x, y);
        finish(target);
    });
}

void showReviewEstimates(ChartPanel &panel, const PeriodFigures &figures, Breakdown breakdown, DrillHandler drill)
{
    const std::vector<GroupFigures> groups = figures.groups(breakdown);
    const Period period = figures.period;
    panel.setBuilder([groups, period, breakdown, drill](ChartPanel &target) {
        target.reset(QObject::tr("False and missed escalations (random samples, 95 %), %1").arg(period.key()));
        std::vector<GroupFigures> reviewed;
        for (const GroupFigures &group : groups) {
            if (group.reviews.reviewedEscalated + group.reviews.reviewedContained > 0)
                reviewed.push_back(group);
        }
        if (reviewed.empty()) {
            target.setEmptyMessage(
                QObject::tr("No reviews in %1 yet: draw a sample on the Review page.").arg(period.key()));
            return;
        }
        if (reviewed.size() > kMaxBars)
            reviewed.resize(kMaxBars);
        QChart *chart = target.chart();
        const QPalette palette = target.palette();
        // Groups down the side (the first on top), rates across: long names stay readable.
        const auto row = [&reviewed](size_t i) { return double(reviewed.size() - 1 - i); };
        auto *groupAxis = new QCategoryAxis;
        groupAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        for (size_t i = reviewed.size(); i-- > 0;)
            groupAxis->append(chartstyle::label(reviewed[i].name), row(i));
        groupAxis->setRange(-0.5, double(reviewed.size()) - 0.5);
        groupAxis->setGridLineVisible(false);
        double max = 10;
        for (const GroupFigures &group : reviewed) {
            for (const auto &estimate : {group.reviews.falseRate(), group.reviews.missedRate()})
                max = std::max(max, percent(estimate.hi.value_or(0)));
        }
        auto *rateAxis = chartstyle::percentAxis(max * 1.1);
        chart->addAxis(rateAxis, Qt::AlignBottom);
        chart->addAxis(groupAxis, Qt::AlignLeft);

        struct Kind {
            QString name;
            QColor color;
            double offset;
            bool escalated;
        };
        const Kind kinds[] = {{QObject::tr("False escalation rate"), colors::warning(palette), -0.12, true},
                              {QObject::tr("Missed escalation rate"), colors::secondary(palette), 0.12, false}};
        for (const Kind &kind : kinds) {
            auto *points = new QScatterSeries;
            points->setName(kind.name);
            points->setColor(kind.color);
            points->setBorderColor(kind.color);
            points->setMarkerSize(10);
            std::vector<GroupFigures> atPoint;
            for (size_t i = 0; i < reviewed.size(); ++i) {
                const GroupFigures &group = reviewed[i];
                const stats::Estimate estimate =
                    kind.escalated ? group.reviews.falseRate() : group.reviews.missedRate();
                if (!estimate.value)
                    continue;
                const double at = row(i) - kind.offset;
                points->append(percent(*estimate.value), at);
                atPoint.push_back(group);
                auto *whisker = new QLineSeries;
                whisker->setPen(QPen(kind.color, 2));
                whisker->append(percent(estimate.lo.value_or(0)), at);
                whisker->append(percent(estimate.hi.value_or(0)), at);
                attach(chart, whisker, rateAxis, groupAxis);
                hideFromLegend(chart, whisker);
            }
            attach(chart, points, rateAxis, groupAxis);
            const bool escalated = kind.escalated;
            QObject::connect(
                points, &QScatterSeries::hovered, points, [atPoint, escalated, points](const QPointF &point, bool on) {
                    if (!on) {
                        QToolTip::hideText();
                        return;
                    }
                    const qsizetype index = points->points().indexOf(point);
                    if (index < 0 || size_t(index) >= atPoint.size())
                        return;
                    const GroupFigures &group = atPoint[size_t(index)];
                    const ReviewCounts &r = group.reviews;
                    chartstyle::showTooltip(
                        escalated ? QObject::tr("%1\nFalse escalations %2\n%3 of %4 reviewed escalated")
                                        .arg(group.name, estimateText(r.falseRate()), formatCount(r.falseEscalations),
                                             formatCount(r.reviewedEscalated))
                                  : QObject::tr("%1\nMissed escalations %2\n%3 of %4 reviewed kept")
                                        .arg(group.name, estimateText(r.missedRate()), formatCount(r.missedEscalations),
                                             formatCount(r.reviewedContained)));
                });
            QObject::connect(points, &QScatterSeries::clicked, points,
                             [atPoint, escalated, points, period, breakdown, drill](const QPointF &point) {
                                 const qsizetype index = points->points().indexOf(point);
                                 if (index < 0 || size_t(index) >= atPoint.size() || !drill)
                                     return;
                                 const DrillDownRequest request =
                                     groupRequest(period, breakdown, atPoint[size_t(index)].name, escalated, true);
                                 drill(request, QObject::tr("Reviewed %1 conversations of %2, %3")
                                                    .arg(escalated ? QObject::tr("escalated") : QObject::tr("kept"),
                                                         request.group, period.key()));
                             });
        }
        finish(target);
    });
}

void showPrecisionRecallTrend(ChartPanel &panel, const std::vector<TrendMonth> &trend, DrillHandler drill)
{
    panel.setBuilder([trend, drill](ChartPanel &target) {
        target.reset(QObject::tr("Escalation precision and recall by month (95 %)"));
        const bool anyReviews = std::any_of(
            trend.begin(), trend.end(), [](const TrendMonth &m) { return m.figures.reviews.reviewedEscalated > 0; });
        if (!anyReviews) {
            target.setEmptyMessage(QObject::tr("No random-sample reviews yet: draw a sample on the Review page."));
            return;
        }
        QChart *chart = target.chart();
        const QPalette palette = target.palette();
        auto *x = monthAxis(trend);
        auto *y = new QValueAxis;
        y->setRange(0, 100);
        y->setLabelFormat(QStringLiteral("%.0f %%"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        struct Line {
            QString name;
            QColor color;
            std::function<stats::Estimate(const GroupFigures &)> estimate;
        };
        const Line lines[] = {
            {QObject::tr("Precision"), colors::primary(palette), [](const GroupFigures &g) { return g.precision(); }},
            {QObject::tr("Recall"), colors::secondary(palette), [](const GroupFigures &g) { return g.recall(); }}};
        for (const Line &line : lines) {
            auto *value = new QLineSeries;
            value->setName(line.name);
            value->setPen(QPen(line.color, 2.5));
            value->setPointsVisible(true);
            auto *upper = new QLineSeries(chart);
            auto *lower = new QLineSeries(chart);
            for (size_t i = 0; i < trend.size(); ++i) {
                const stats::Estimate estimate = line.estimate(trend[i].figures);
                if (!estimate.value)
                    continue;
                value->append(double(i), percent(*estimate.value));
                upper->append(double(i), percent(estimate.hi.value_or(*estimate.value)));
                lower->append(double(i), percent(estimate.lo.value_or(*estimate.value)));
            }
            auto *band = new QAreaSeries(upper, lower);
            QColor fill = line.color;
            fill.setAlpha(40);
            band->setBrush(fill);
            band->setPen(Qt::NoPen);
            attach(chart, band, x, y);
            hideFromLegend(chart, band);
            attach(chart, value, x, y);
            const QString name = line.name;
            const auto estimateOf = line.estimate;
            QObject::connect(
                value, &QLineSeries::hovered, value, [trend, name, estimateOf](const QPointF &point, bool on) {
                    const long index = std::lround(point.x());
                    if (!on || index < 0 || size_t(index) >= trend.size()) {
                        QToolTip::hideText();
                        return;
                    }
                    const TrendMonth &month = trend[size_t(index)];
                    chartstyle::showTooltip(QObject::tr("%1, %2\n%3\n%4 escalated and %5 kept reviewed")
                                                .arg(name, month.month.key(), estimateText(estimateOf(month.figures)),
                                                     formatCount(month.figures.reviews.reviewedEscalated),
                                                     formatCount(month.figures.reviews.reviewedContained)));
                });
            QObject::connect(value, &QLineSeries::clicked, value, [trend, drill](const QPointF &point) {
                const long index = std::lround(point.x());
                if (index < 0 || size_t(index) >= trend.size() || !drill)
                    return;
                DrillDownRequest request;
                request.period = trend[size_t(index)].month;
                request.reviewedOnly = true;
                drill(request, QObject::tr("Reviewed conversations of %1").arg(request.period.key()));
            });
        }
        finish(target);
    });
}

void showThresholdCurve(ChartPanel &panel, const MetricsReport &report, DrillHandler drill)
{
    const std::optional<std::vector<ThresholdPoint>> curve = report.thresholdCurve;
    const Headline headline = report.headline;
    panel.setBuilder([curve, headline, drill](ChartPanel &target) {
        target.reset(QObject::tr("Threshold simulator: escalate below a confidence, %1").arg(headline.period.key()));
        if (!curve) {
            target.setEmptyMessage(
                QObject::tr("No reviewed conversation of %1 carries an AI confidence yet.").arg(headline.period.key()));
            return;
        }
        QChart *chart = target.chart();
        const QPalette palette = target.palette();
        auto *x = new QValueAxis;
        x->setRange(0, 100);
        x->setLabelFormat(QStringLiteral("%.0f %%"));
        x->setTitleText(QObject::tr("Recall (needed a person and got one)"));
        auto *y = new QValueAxis;
        y->setRange(0, 100);
        y->setLabelFormat(QStringLiteral("%.0f %%"));
        y->setTitleText(QObject::tr("Precision"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        auto *line = new QLineSeries;
        line->setName(QObject::tr("Escalate when confidence < t"));
        line->setPen(QPen(colors::primary(palette), 2.5));
        auto *marks = new QScatterSeries; // every 0.1 of t, to read the curve by
        marks->setColor(colors::primary(palette));
        marks->setBorderColor(colors::primary(palette));
        marks->setMarkerSize(7);
        std::vector<double> thresholds;
        for (const ThresholdPoint &point : *curve) {
            if (!point.precision || !point.recall)
                continue;
            line->append(percent(*point.recall), percent(*point.precision));
            const long hundredths = std::lround(point.threshold * 100);
            if (hundredths % 10 == 0) {
                marks->append(percent(*point.recall), percent(*point.precision));
                thresholds.push_back(point.threshold);
            }
        }
        attach(chart, line, x, y);
        attach(chart, marks, x, y);
        hideFromLegend(chart, marks);
        auto *current = new QScatterSeries;
        current->setName(QObject::tr("The AI today"));
        current->setColor(colors::warning(palette));
        current->setBorderColor(palette.color(QPalette::Base));
        current->setMarkerSize(15);
        if (headline.precision.value && headline.recall.value)
            current->append(percent(*headline.recall.value), percent(*headline.precision.value));
        attach(chart, current, x, y);
        QObject::connect(marks, &QScatterSeries::hovered, marks, [marks, thresholds](const QPointF &point, bool on) {
            const qsizetype index = marks->points().indexOf(point);
            if (!on || index < 0 || size_t(index) >= thresholds.size()) {
                QToolTip::hideText();
                return;
            }
            chartstyle::showTooltip(QObject::tr("t = %1\nprecision %2 %\nrecall %3 %")
                                        .arg(QString::number(thresholds[size_t(index)], 'f', 2),
                                             QString::number(point.y(), 'f', 1), QString::number(point.x(), 'f', 1)));
        });
        QObject::connect(current, &QScatterSeries::hovered, current, [headline](const QPointF &, bool on) {
            if (on)
                chartstyle::showTooltip(QObject::tr("The AI today\nprecision %1\nrecall %2")
                                            .arg(estimateText(headline.precision), estimateText(headline.recall)));
            else
                QToolTip::hideText();
        });
        QObject::connect(current, &QScatterSeries::clicked, current, [headline, drill](const QPointF &) {
            if (!drill)
                return;
            DrillDownRequest request;
            request.period = headline.period;
            request.reviewedOnly = true;
            drill(request, QObject::tr("Reviewed conversations of %1").arg(headline.period.key()));
        });
        finish(target);
    });
}

} // namespace workbench::ui
