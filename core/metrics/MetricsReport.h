#pragma once

#include "PeriodFigures.h"
#include "Statistics.h"
#include "cost/CostModel.h"
#include "store/WorkspaceSettings.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace workbench {

class Database;

/// Every headline figure of a period (the keys of `metrics --json` that are not lists or breakdowns).
struct Headline {
    Period period = Period::month(1970, 1);
    GroupFigures total;
    qint64 targetedReviewed = 0;
    qint64 targetedMissed = 0;
    stats::Estimate falseRate;
    stats::Estimate missedRate;
    stats::Estimate precision;
    stats::Estimate recall;
    std::optional<double> falseEscalationsEstimate;  ///< E * f
    std::optional<double> missedEscalationsEstimate; ///< C * m
    double agentCost = 0;
    double aiCost = 0;
    QString currency;
    CostFigures cost;
    double targetMargin = 0.05;
    qint64 reviewsNeededEscalated = 0;
    qint64 reviewsNeededContained = 0;
    BenchmarkBand benchmark;
    /// "below", "within" or "above" the band; empty when the rate is null.
    QString benchmarkPosition;
};

struct Recommendation {
    QString category;
    QString action; ///< "escalate_less" or "escalate_more"
    QString why;
    /// The action in words: "Escalate less" or "Escalate more".
    QString actionText() const;
};

/// Reviewer agreement needs this many conversations both reviewers tagged (METRICS.md).
inline constexpr qint64 kAgreementMinCommon = 10;

struct ReviewerAgreement {
    QString first; ///< reviewers sorted
    QString second;
    qint64 common = 0;
    std::optional<double> kappa;
    QStringList disagreements; ///< conversation ids, sorted
};

/// METRICS.md, several reviewers: conversations of the period that two or more reviewers reviewed (`review`
/// tags), those whose latest verdicts differ, and those of them no adjudication has settled yet.
struct Disagreements {
    qint64 multiReviewed = 0;
    qint64 disagreeing = 0;
    QStringList pending; ///< the adjudication queue: conversation ids, sorted
    /// disagreeing / multiReviewed; nullopt when no conversation has two reviewers.
    std::optional<double> rate() const
    {
        return multiReviewed > 0 ? std::optional<double>(double(disagreeing) / double(multiReviewed)) : std::nullopt;
    }
};

struct ThresholdPoint {
    double threshold = 0;
    std::optional<double> precision;
    std::optional<double> recall;
};

/// A target of the quarter beside the figure it is for.
struct TargetFigure {
    QString key;
    double target = 0;
    std::optional<double> actual;
};

/// Every figure of METRICS.md for a period: what the dashboard, the monthly review, the PDF and
/// `metrics --json` render. Computed once, by computeMetrics.
struct MetricsReport {
    Headline headline;
    PeriodFigures figures;
    QStringList topFalseCategories;
    std::vector<Recommendation> recommendations;
    /// The baseline period's headline; nullopt when that period has no conversations.
    std::optional<Headline> baseline;
    Period baselinePeriod = Period::month(1970, 1);
    std::vector<ReviewerAgreement> agreement;
    Disagreements disagreements;
    /// 101 points (t = 0.00 .. 1.00); nullopt when no reviewed conversation carries ai_confidence.
    std::optional<std::vector<ThresholdPoint>> thresholdCurve;
    std::vector<TargetFigure> targets;
    /// The csat_gap_points setting the flags were computed with.
    double csatGapPoints = 10;

    /// The period's category called `name`; nullptr when it has none.
    const GroupFigures *category(const QString &name) const;
};

/// Computes the report of `period` against `baseline` (default: the previous period of the same kind).
MetricsReport computeMetrics(Database &db, const Period &period, std::optional<Period> baseline = std::nullopt);

} // namespace workbench
