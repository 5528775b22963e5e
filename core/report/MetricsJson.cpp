#include "MetricsJson.h"

#include "metrics/MetricsReport.h"

#include <QJsonArray>

namespace workbench {
namespace {

QJsonValue number(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonObject estimate(const stats::Estimate &e)
{
    return {{QStringLiteral("value"), number(e.value)},
            {QStringLiteral("lo"), number(e.lo)},
            {QStringLiteral("hi"), number(e.hi)}};
}

QJsonObject group(const GroupFigures &g)
{
    return {
        {QStringLiteral("name"), g.name},
        {QStringLiteral("conversations"), double(g.conversations)},
        {QStringLiteral("escalated"), double(g.escalated)},
        {QStringLiteral("escalation_rate"), number(g.escalationRate())},
        {QStringLiteral("ai_csat"), number(g.ai.csat())},
        {QStringLiteral("agent_csat"), number(g.agent.csat())},
        {QStringLiteral("csat_gap"), number(g.csatGap())},
        {QStringLiteral("csat_flag"), g.csatFlag},
        {QStringLiteral("followup_rate_ai"), number(g.followupRateAi())},
        {QStringLiteral("reviewed_escalated"), double(g.reviews.reviewedEscalated)},
        {QStringLiteral("reviewed_contained"), double(g.reviews.reviewedContained)},
        {QStringLiteral("false_escalations_reviewed"), double(g.reviews.falseEscalations)},
        {QStringLiteral("missed_escalations_reviewed"), double(g.reviews.missedEscalations)},
        {QStringLiteral("false_escalation_rate"), estimate(g.reviews.falseRate())},
        {QStringLiteral("missed_escalation_rate"), estimate(g.reviews.missedRate())},
    };
}

QJsonArray groups(const std::vector<GroupFigures> &list)
{
    QJsonArray array;
    for (const GroupFigures &g : list)
        array.append(group(g));
    return array;
}

QJsonObject headline(const Headline &h)
{
    const GroupFigures &t = h.total;
    return {
        {QStringLiteral("period"), h.period.key()},
        {QStringLiteral("conversations"), double(t.conversations)},
        {QStringLiteral("escalated"), double(t.escalated)},
        {QStringLiteral("contained"), double(t.contained())},
        {QStringLiteral("escalation_rate"), number(t.escalationRate())},
        {QStringLiteral("overall_csat"), number(t.overall.csat())},
        {QStringLiteral("ai_csat"), number(t.ai.csat())},
        {QStringLiteral("agent_csat"), number(t.agent.csat())},
        {QStringLiteral("csat_gap"), number(t.csatGap())},
        {QStringLiteral("followup_rate_ai"), number(t.followupRateAi())},
        {QStringLiteral("reviewed_escalated"), double(t.reviews.reviewedEscalated)},
        {QStringLiteral("reviewed_contained"), double(t.reviews.reviewedContained)},
        {QStringLiteral("false_escalations_reviewed"), double(t.reviews.falseEscalations)},
        {QStringLiteral("missed_escalations_reviewed"), double(t.reviews.missedEscalations)},
        {QStringLiteral("targeted_reviewed"), double(h.targetedReviewed)},
        {QStringLiteral("targeted_missed"), double(h.targetedMissed)},
        {QStringLiteral("false_escalation_rate"), estimate(h.falseRate)},
        {QStringLiteral("missed_escalation_rate"), estimate(h.missedRate)},
        {QStringLiteral("precision"), estimate(h.precision)},
        {QStringLiteral("recall"), estimate(h.recall)},
        {QStringLiteral("false_escalations_est"), number(h.falseEscalationsEstimate)},
        {QStringLiteral("missed_escalations_est"), number(h.missedEscalationsEstimate)},
        {QStringLiteral("cost"),
         QJsonObject{{QStringLiteral("agent_cost"), h.agentCost},
                     {QStringLiteral("ai_cost"), h.aiCost},
                     {QStringLiteral("currency"), h.currency},
                     {QStringLiteral("false_escalation_cost"), number(h.cost.falseEscalationCost)},
                     {QStringLiteral("false_escalation_net_cost"), number(h.cost.falseEscalationNetCost)}}},
        {QStringLiteral("whatif"), QJsonObject{{QStringLiteral("cut_points"), h.cost.cutPoints},
                                               {QStringLiteral("monthly"), h.cost.monthly},
                                               {QStringLiteral("yearly"), h.cost.yearly},
                                               {QStringLiteral("monthly_net"), h.cost.monthlyNet},
                                               {QStringLiteral("yearly_net"), h.cost.yearlyNet}}},
        {QStringLiteral("margin_planner"),
         QJsonObject{{QStringLiteral("target_margin"), h.targetMargin},
                     {QStringLiteral("reviews_needed_escalated"), double(h.reviewsNeededEscalated)},
                     {QStringLiteral("reviews_needed_contained"), double(h.reviewsNeededContained)}}},
        {QStringLiteral("benchmark"),
         QJsonObject{{QStringLiteral("name"), h.benchmark.name},
                     {QStringLiteral("low"), h.benchmark.low},
                     {QStringLiteral("high"), h.benchmark.high},
                     {QStringLiteral("position"),
                      h.benchmarkPosition.isEmpty() ? QJsonValue() : QJsonValue(h.benchmarkPosition)}}},
    };
}

} // namespace

QJsonObject metricsJson(const MetricsReport &report)
{
    QJsonObject root = headline(report.headline);
    root.insert(QStringLiteral("by_category"), groups(report.figures.byCategory));
    root.insert(QStringLiteral("by_channel"), groups(report.figures.byChannel));
    root.insert(QStringLiteral("by_team"), groups(report.figures.byTeam));
    root.insert(QStringLiteral("by_agent"), groups(report.figures.byAgent));
    root.insert(QStringLiteral("top_false_categories"), QJsonArray::fromStringList(report.topFalseCategories));
    QJsonArray recommendations;
    for (const Recommendation &r : report.recommendations)
        recommendations.append(QJsonObject{{QStringLiteral("category"), r.category},
                                           {QStringLiteral("action"), r.action},
                                           {QStringLiteral("why"), r.why}});
    root.insert(QStringLiteral("recommendations"), recommendations);
    root.insert(QStringLiteral("baseline"), report.baseline ? QJsonValue(headline(*report.baseline)) : QJsonValue());
    QJsonArray agreement;
    for (const ReviewerAgreement &pair : report.agreement)
        agreement.append(
            QJsonObject{{QStringLiteral("reviewers"), QJsonArray{pair.first, pair.second}},
                        {QStringLiteral("common"), double(pair.common)},
                        {QStringLiteral("kappa"), number(pair.kappa)},
                        {QStringLiteral("disagreements"), QJsonArray::fromStringList(pair.disagreements)}});
    root.insert(QStringLiteral("agreement"), agreement);
    root.insert(QStringLiteral("disagreement_rate"), number(report.disagreements.rate()));
    root.insert(QStringLiteral("adjudication_pending"), double(report.disagreements.pending.size()));
    root.insert(QStringLiteral("adjudication_queue"), QJsonArray::fromStringList(report.disagreements.pending));
    if (report.thresholdCurve) {
        QJsonArray curve;
        for (const ThresholdPoint &point : *report.thresholdCurve)
            curve.append(QJsonObject{{QStringLiteral("t"), point.threshold},
                                     {QStringLiteral("precision"), number(point.precision)},
                                     {QStringLiteral("recall"), number(point.recall)}});
        root.insert(QStringLiteral("threshold_curve"), curve);
    } else {
        root.insert(QStringLiteral("threshold_curve"), QJsonValue());
    }
    // Extra keys (allowed): the quarter's targets beside their figures.
    QJsonArray targets;
    for (const TargetFigure &target : report.targets)
        targets.append(QJsonObject{{QStringLiteral("key"), target.key},
                                   {QStringLiteral("target"), target.target},
                                   {QStringLiteral("actual"), number(target.actual)}});
    root.insert(QStringLiteral("targets"), targets);
    return root;
}

} // namespace workbench
