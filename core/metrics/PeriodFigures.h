#pragma once

#include "Statistics.h"
#include "common/Period.h"

#include <QString>

#include <optional>
#include <vector>

namespace workbench {

class Database;

/// Ratings of a set of conversations: CSAT = satisfied (csat >= 4) / rated x 100 (METRICS.md).
struct CsatCounts {
    qint64 rated = 0;
    qint64 satisfied = 0;
    /// In points 0..100; null when nothing is rated.
    std::optional<double> csat() const;
};

/// The SQL test of that rule's first half, for statements that alias conversations as `c`: the conversation
/// is in at least one random sample. One text, so the period figures and the trend cannot drift apart.
inline constexpr char kInRandomSampleSql[] = "EXISTS (SELECT 1 FROM sample_items i JOIN samples s ON s.id = i.sample_id"
                                             " WHERE i.conversation_ref = c.id AND s.method = 'random')";

/// Random-sample reviews of a group (METRICS.md "Samples and estimates"): a conversation counts when it is
/// in at least one random sample and has a verdict (its latest tag).
struct ReviewCounts {
    qint64 reviewedEscalated = 0;
    qint64 reviewedContained = 0;
    qint64 falseEscalations = 0;  ///< of the reviewed escalated
    qint64 missedEscalations = 0; ///< of the reviewed contained
    stats::Estimate falseRate() const { return stats::wilson(falseEscalations, reviewedEscalated); }
    stats::Estimate missedRate() const { return stats::wilson(missedEscalations, reviewedContained); }
    /// Counts one random-sample review with its verdict (the latest tag's name).
    void add(bool escalated, const QString &verdict);
};

/// The volume, CSAT and follow-up figures of one group of a period (the whole period, or one category,
/// channel, team or agent).
struct GroupFigures {
    QString name;
    qint64 conversations = 0;
    qint64 escalated = 0;
    qint64 contained() const { return conversations - escalated; }
    std::optional<double> escalationRate() const;

    CsatCounts overall;
    CsatCounts ai;    ///< contained conversations
    CsatCounts agent; ///< escalated conversations
    /// ai_csat - agent_csat in points; null when either is.
    std::optional<double> csatGap() const;
    /// Flagged for missed escalations: gap <= -gapPoints and a pooled two-proportion z-test p < 0.05, with at
    /// least 10 rated on each side (set by computePeriodFigures).
    bool csatFlag = false;

    qint64 containedWithFollowup = 0;
    /// Share of contained conversations with a follow-up within 48 h; null without contained ones.
    std::optional<double> followupRateAi() const;

    ReviewCounts reviews;
    /// Escalation precision 1 - f, with its interval (METRICS.md).
    stats::Estimate precision() const { return stats::complement(reviews.falseRate()); }
    /// Escalation recall E(1-f) / (E(1-f) + C*m), with its interval (METRICS.md).
    stats::Estimate recall() const
    {
        return stats::escalationRecall(escalated, contained(), reviews.falseRate(), reviews.missedRate());
    }
};

/// One reviewed conversation of the period, as the estimates and the threshold simulator see it.
struct ReviewedConversation {
    qint64 rowId = 0;
    QString conversationId;
    bool escalated = false;
    QString verdict; ///< the latest tag's
    bool inRandomSample = false;
    std::optional<double> aiConfidence;
};

/// The four breakdowns of METRICS.md.
enum class Breakdown { Category, Channel, Team, Agent };

struct PeriodFigures {
    Period period = Period::month(1970, 1);
    GroupFigures total;
    /// Per breakdown: only groups with conversations in the period, by conversations descending, then name
    /// (Unicode code point order). A missing channel, team or agent forms the group "(none)".
    std::vector<GroupFigures> byCategory;
    std::vector<GroupFigures> byChannel;
    std::vector<GroupFigures> byTeam;
    std::vector<GroupFigures> byAgent;
    /// Every conversation of the period with a verdict, random-sample or not, by conversation id.
    std::vector<ReviewedConversation> reviewed;

    const std::vector<GroupFigures> &groups(Breakdown breakdown) const;
};

/// Computes the figures of `period` in one scan of its conversations, then one of its reviewed ones. `csatGapPoints` is
/// the setting of the same name (default 10).
PeriodFigures computePeriodFigures(Database &db, const Period &period, double csatGapPoints = 10);

/// The name of the group of conversations without a channel, team or agent.
inline QString noneGroupName()
{
    return QStringLiteral("(none)");
}

} // namespace workbench
