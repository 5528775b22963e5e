#pragma once

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

    const std::vector<GroupFigures> &groups(Breakdown breakdown) const;
};

/// Computes the figures of `period` in one scan of its conversations. `csatGapPoints` is the setting of the
/// same name (default 10).
PeriodFigures computePeriodFigures(Database &db, const Period &period, double csatGapPoints = 10);

/// The name of the group of conversations without a channel, team or agent.
inline QString noneGroupName()
{
    return QStringLiteral("(none)");
}

} // namespace workbench
