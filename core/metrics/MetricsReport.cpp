#include "MetricsReport.h"

#include "common/NumberText.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <map>
#include <set>

namespace workbench {
namespace {

bool codePointLess(const QString &a, const QString &b)
{
    return a.toUtf8() < b.toUtf8();
}

Headline headlineOf(const PeriodFigures &figures, const WorkspaceSettings &settings)
{
    Headline h;
    h.period = figures.period;
    h.total = figures.total;
    for (const ReviewedConversation &reviewed : figures.reviewed) {
        if (reviewed.inRandomSample)
            continue;
        ++h.targetedReviewed;
        h.targetedMissed += reviewed.verdict == QLatin1String("missed_escalation") ? 1 : 0;
    }
    const ReviewCounts &reviews = figures.total.reviews;
    h.falseRate = reviews.falseRate();
    h.missedRate = reviews.missedRate();
    h.precision = h.total.precision();
    h.recall = h.total.recall();
    if (h.falseRate.value)
        h.falseEscalationsEstimate = double(h.total.escalated) * *h.falseRate.value;
    if (h.missedRate.value)
        h.missedEscalationsEstimate = double(h.total.contained()) * *h.missedRate.value;

    h.agentCost = settings.number(QStringLiteral("agent_cost")).value_or(12.0);
    h.aiCost = settings.number(QStringLiteral("ai_cost")).value_or(1.84);
    h.currency = settings.value(QStringLiteral("currency"));
    CostInputs inputs;
    inputs.escalated = h.total.escalated;
    inputs.falseRate = h.falseRate.value;
    inputs.agentCost = h.agentCost;
    inputs.aiCost = h.aiCost;
    inputs.cutPoints = settings.number(QStringLiteral("whatif_cut_points")).value_or(5);
    inputs.periodKind = figures.period.kind();
    h.cost = costModel(inputs);

    h.targetMargin = settings.number(QStringLiteral("target_margin")).value_or(0.05);
    h.reviewsNeededEscalated = stats::reviewsNeeded(h.falseRate.value.value_or(0.5), h.targetMargin);
    h.reviewsNeededContained = stats::reviewsNeeded(h.missedRate.value.value_or(0.5), h.targetMargin);

    h.benchmark = benchmarkBand(settings.value(QStringLiteral("benchmark"))).value_or(defaultBenchmarkBand());
    if (const auto rate = h.total.escalationRate()) {
        h.benchmarkPosition = *rate < h.benchmark.low    ? QStringLiteral("below")
                              : *rate > h.benchmark.high ? QStringLiteral("above")
                                                         : QStringLiteral("within");
    }
    return h;
}

QStringList topFalseCategories(const PeriodFigures &figures, qint64 minimumReviewed)
{
    std::vector<const GroupFigures *> candidates;
    for (const GroupFigures &category : figures.byCategory) {
        if (category.reviews.reviewedEscalated >= minimumReviewed && category.reviews.falseEscalations >= 1)
            candidates.push_back(&category);
    }
    // f descending, then false count descending, then name (code point order).
    std::sort(candidates.begin(), candidates.end(), [](const GroupFigures *a, const GroupFigures *b) {
        const double fa = *a->reviews.falseRate().value;
        const double fb = *b->reviews.falseRate().value;
        if (fa != fb)
            return fa > fb;
        if (a->reviews.falseEscalations != b->reviews.falseEscalations)
            return a->reviews.falseEscalations > b->reviews.falseEscalations;
        return codePointLess(a->name, b->name);
    });
    QStringList names;
    for (size_t i = 0; i < candidates.size() && i < 3; ++i)
        names << candidates[i]->name;
    return names;
}

std::vector<Recommendation> recommendationsFor(const PeriodFigures &figures, const QStringList &topFalse)
{
    std::vector<const GroupFigures *> flagged;
    for (const GroupFigures &category : figures.byCategory) {
        if (category.csatFlag)
            flagged.push_back(&category);
    }
    std::sort(flagged.begin(), flagged.end(), [](const GroupFigures *a, const GroupFigures *b) {
        if (*a->csatGap() != *b->csatGap())
            return *a->csatGap() < *b->csatGap();
        return codePointLess(a->name, b->name);
    });
    auto find = [&](const QString &name) -> const GroupFigures * {
        for (const GroupFigures &category : figures.byCategory) {
            if (category.name == name)
                return &category;
        }
        return nullptr;
    };
    auto isFlagged = [&](const QString &name) {
        return std::any_of(flagged.begin(), flagged.end(), [&](const GroupFigures *g) { return g->name == name; });
    };
    const QString both =
        QStringLiteral(" Many false escalations and a poor AI CSAT together say the AI misjudges which "
                       "contacts need a person.");
    std::vector<Recommendation> result;
    for (const QString &name : topFalse) {
        const GroupFigures *category = find(name);
        const ReviewCounts &reviews = category->reviews;
        QString why = QStringLiteral("%1 of %2 reviewed escalations were false (%3): tighten the hand-off, expand the "
                                     "knowledge base.")
                          .arg(reviews.falseEscalations)
                          .arg(reviews.reviewedEscalated)
                          .arg(percentText(reviews.falseRate().value));
        if (isFlagged(name))
            why += both;
        result.push_back({name, QStringLiteral("escalate_less"), why});
    }
    for (const GroupFigures *category : flagged) {
        QString why =
            QStringLiteral("AI-handled CSAT %1 against %2 for people (%3 points): route more of these to people.")
                .arg(decimalText(category->ai.csat(), 1), decimalText(category->agent.csat(), 1),
                     decimalText(category->csatGap(), 1));
        if (topFalse.contains(category->name))
            why += both;
        result.push_back({category->name, QStringLiteral("escalate_more"), why});
    }
    return result;
}

using VerdictsByReviewer = std::map<QString, std::map<QString, QString>>; // reviewer -> conversation -> verdict

Disagreements disagreementsOf(const VerdictsByReviewer &byReviewer, const std::set<QString> &adjudicated)
{
    std::map<QString, std::set<QString>> verdictsOf; // conversation -> the reviewers' distinct latest verdicts
    std::map<QString, int> reviewersOf;
    for (const auto &[reviewer, verdicts] : byReviewer) {
        for (const auto &[conversation, verdict] : verdicts) {
            verdictsOf[conversation].insert(verdict);
            ++reviewersOf[conversation];
        }
    }
    Disagreements result;
    for (const auto &[conversation, count] : reviewersOf) {
        if (count < 2)
            continue;
        ++result.multiReviewed;
        if (verdictsOf[conversation].size() > 1) {
            ++result.disagreeing;
            if (!adjudicated.count(conversation))
                result.pending << conversation;
        }
    }
    std::sort(result.pending.begin(), result.pending.end(), codePointLess);
    return result;
}

std::vector<ReviewerAgreement> agreementFor(Database &db, const Period &period, Disagreements &disagreements)
{
    // Each reviewer's latest review tag per conversation of the period; adjudications settle, never agree.
    Statement tags(db, "SELECT t.reviewer, c.conversation_id, t.verdict, t.role FROM tags t"
                       " JOIN conversations c ON c.id = t.conversation_ref"
                       " WHERE c.created_at >= ?1 AND c.created_at < ?2 ORDER BY t.tagged_at, t.id");
    tags.bind(1, period.startMsecs());
    tags.bind(2, period.endMsecs());
    VerdictsByReviewer byReviewer; // latest wins
    std::set<QString> adjudicated;
    while (tags.step()) {
        if (tags.columnBytes(3) == "adjudication")
            adjudicated.insert(tags.columnText(1));
        else
            byReviewer[tags.columnText(0)][tags.columnText(1)] = tags.columnText(2);
    }
    disagreements = disagreementsOf(byReviewer, adjudicated);
    std::vector<QString> reviewers;
    for (const auto &[reviewer, verdicts] : byReviewer)
        reviewers.push_back(reviewer);
    std::sort(reviewers.begin(), reviewers.end(), codePointLess);
    std::vector<ReviewerAgreement> pairs;
    for (size_t i = 0; i < reviewers.size(); ++i) {
        for (size_t j = i + 1; j < reviewers.size(); ++j) {
            const auto &a = byReviewer[reviewers[i]];
            const auto &b = byReviewer[reviewers[j]];
            ReviewerAgreement pair{reviewers[i], reviewers[j], 0, std::nullopt, {}};
            std::vector<QString> first;
            std::vector<QString> second;
            for (const auto &[conversation, verdict] : a) {
                const auto other = b.find(conversation);
                if (other == b.end())
                    continue;
                first.push_back(verdict);
                second.push_back(other->second);
                if (verdict != other->second)
                    pair.disagreements << conversation;
            }
            pair.common = qint64(first.size());
            if (pair.common < kAgreementMinCommon)
                continue;
            pair.kappa = stats::cohensKappa(first, second);
            std::sort(pair.disagreements.begin(), pair.disagreements.end(), codePointLess);
            pairs.push_back(std::move(pair));
        }
    }
    return pairs;
}

std::optional<std::vector<ThresholdPoint>> thresholdCurve(const PeriodFigures &figures)
{
    const ReviewCounts &reviews = figures.total.reviews;
    struct Weighted {
        double confidence;
        bool needed;
        double weight;
    };
    std::vector<Weighted> points;
    for (const ReviewedConversation &reviewed : figures.reviewed) {
        if (!reviewed.inRandomSample || !reviewed.aiConfidence)
            continue;
        // Each stands for E / reviewed escalated (or C / reviewed contained) conversations.
        const double weight = reviewed.escalated
                                  ? double(figures.total.escalated) / double(reviews.reviewedEscalated)
                                  : double(figures.total.contained()) / double(reviews.reviewedContained);
        const bool needed = reviewed.verdict == QLatin1String("correct_escalation") ||
                            reviewed.verdict == QLatin1String("missed_escalation");
        points.push_back({*reviewed.aiConfidence, needed, weight});
    }
    if (points.empty())
        return std::nullopt;
    double neededWeight = 0;
    for (const Weighted &point : points)
        neededWeight += point.needed ? point.weight : 0;
    std::vector<ThresholdPoint> curve;
    for (int k = 0; k <= 100; ++k) {
        const double t = k / 100.0;
        double escalates = 0;
        double neededEscalates = 0;
        for (const Weighted &point : points) {
            if (point.confidence < t) {
                escalates += point.weight;
                neededEscalates += point.needed ? point.weight : 0;
            }
        }
        curve.push_back({t, escalates > 0 ? std::optional<double>(neededEscalates / escalates) : std::nullopt,
                         neededWeight > 0 ? std::optional<double>(neededEscalates / neededWeight) : std::nullopt});
    }
    return curve;
}

} // namespace

MetricsReport computeMetrics(Database &db, const Period &period, std::optional<Period> baseline)
{
    const WorkspaceSettings settings(db);
    const double gapPoints = settings.number(QStringLiteral("csat_gap_points")).value_or(10);
    MetricsReport report;
    report.csatGapPoints = gapPoints;
    report.figures = computePeriodFigures(db, period, gapPoints);
    report.headline = headlineOf(report.figures, settings);
    report.topFalseCategories =
        topFalseCategories(report.figures, qint64(settings.number(QStringLiteral("min_reviewed")).value_or(5)));
    report.recommendations = recommendationsFor(report.figures, report.topFalseCategories);
    report.baselinePeriod = baseline.value_or(period.previous());
    const PeriodFigures baselineFigures = computePeriodFigures(db, report.baselinePeriod, gapPoints);
    if (baselineFigures.total.conversations > 0)
        report.baseline = headlineOf(baselineFigures, settings);
    report.agreement = agreementFor(db, period, report.disagreements);
    report.thresholdCurve = thresholdCurve(report.figures);
    const Headline &h = report.headline;
    const std::pair<const char *, std::optional<double>> targets[] = {
        {"target.escalation_rate", h.total.escalationRate()},
        {"target.false_escalation_rate", h.falseRate.value},
        {"target.missed_escalation_rate", h.missedRate.value},
        {"target.ai_csat", h.total.ai.csat()},
    };
    for (const auto &[key, actual] : targets) {
        if (const auto target = settings.number(QLatin1String(key)))
            report.targets.push_back({QLatin1String(key), *target, actual});
    }
    return report;
}

QString Recommendation::actionText() const
{
    return action == QLatin1String("escalate_less") ? QStringLiteral("Escalate less") : QStringLiteral("Escalate more");
}

const GroupFigures *MetricsReport::category(const QString &name) const
{
    const auto found = std::find_if(figures.byCategory.begin(), figures.byCategory.end(),
                                    [&name](const GroupFigures &group) { return group.name == name; });
    return found == figures.byCategory.end() ? nullptr : &*found;
}

} // namespace workbench
