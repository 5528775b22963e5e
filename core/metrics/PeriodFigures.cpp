#include "PeriodFigures.h"

#include "Ratio.h"
#include "Statistics.h"
#include "model/Conversation.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QHash>

#include <algorithm>
#include <array>

namespace workbench {
namespace {

constexpr qint64 kMinimumRatedForFlag = 10;

// `csat` is 1..5, or 0 for a conversation nobody rated.
void count(GroupFigures &group, bool escalated, qint64 csat, bool hasFollowup)
{
    ++group.conversations;
    group.escalated += escalated ? 1 : 0;
    if (!escalated && hasFollowup)
        ++group.containedWithFollowup;
    if (csat == 0)
        return;
    const bool satisfied = csat >= 4;
    for (CsatCounts *counts : {&group.overall, escalated ? &group.agent : &group.ai}) {
        ++counts->rated;
        counts->satisfied += satisfied ? 1 : 0;
    }
}

void flag(GroupFigures &group, double gapPoints)
{
    const auto gap = group.csatGap();
    group.csatFlag =
        gap && group.ai.rated >= kMinimumRatedForFlag && group.agent.rated >= kMinimumRatedForFlag &&
        *gap <= -gapPoints &&
        stats::twoProportionPValue(group.ai.satisfied, group.ai.rated, group.agent.satisfied, group.agent.rated) < 0.05;
}

// Conversations descending, then name in code point order (UTF-8 byte order is code point order).
std::vector<GroupFigures> sorted(QHash<qint64, GroupFigures> &groups, double gapPoints)
{
    std::vector<GroupFigures> list;
    list.reserve(size_t(groups.size()));
    for (GroupFigures &group : groups) {
        flag(group, gapPoints);
        list.push_back(std::move(group));
    }
    std::sort(list.begin(), list.end(), [](const GroupFigures &a, const GroupFigures &b) {
        if (a.conversations != b.conversations)
            return a.conversations > b.conversations;
        return a.name.toUtf8() < b.name.toUtf8();
    });
    return list;
}

} // namespace

std::optional<double> CsatCounts::csat() const
{
    const auto share = ratio(satisfied, rated);
    return share ? std::optional<double>(*share * 100.0) : std::nullopt;
}

std::optional<double> GroupFigures::escalationRate() const
{
    return ratio(escalated, conversations);
}

std::optional<double> GroupFigures::csatGap() const
{
    const auto aiCsat = ai.csat();
    const auto agentCsat = agent.csat();
    if (!aiCsat || !agentCsat)
        return std::nullopt;
    return *aiCsat - *agentCsat;
}

std::optional<double> GroupFigures::followupRateAi() const
{
    return ratio(containedWithFollowup, contained());
}

const std::vector<GroupFigures> &PeriodFigures::groups(Breakdown breakdown) const
{
    switch (breakdown) {
    case Breakdown::Category:
        return byCategory;
    case Breakdown::Channel:
        return byChannel;
    case Breakdown::Team:
        return byTeam;
    case Breakdown::Agent:
        return byAgent;
    }
    return byCategory;
}

void ReviewCounts::add(bool escalated, const QString &verdict)
{
    if (escalated) {
        ++reviewedEscalated;
        falseEscalations += verdict == QLatin1String("false_escalation") ? 1 : 0;
    } else {
        ++reviewedContained;
        missedEscalations += verdict == QLatin1String("missed_escalation") ? 1 : 0;
    }
}

PeriodFigures computePeriodFigures(Database &db, const Period &period, double csatGapPoints)
{
    PeriodFigures figures;
    figures.period = period;
    figures.total.name = period.key();

    QHash<qint64, QString> names;
    {
        Statement dimensions(db, "SELECT id, name FROM dimensions");
        while (dimensions.step())
            names.insert(dimensions.columnInt64(0), dimensions.columnText(1));
    }
    // Group 0 of a breakdown collects the conversations without a value ("(none)").
    std::array<QHash<qint64, GroupFigures>, 4> breakdowns;
    auto group = [&](size_t breakdown, qint64 id) -> GroupFigures & {
        auto found = breakdowns[breakdown].find(id);
        if (found == breakdowns[breakdown].end()) {
            found = breakdowns[breakdown].insert(id, GroupFigures{});
            found->name = id == 0 ? noneGroupName() : names.value(id);
        }
        return *found;
    };

    Statement scan(db, "SELECT escalated, csat, has_followup, category_id, channel_id, team_id, agent_id"
                                      " FROM conversations WHERE created_at >= ?1 AND created_at < ?2");
    scan.bind(1, period.startMsecs());
    scan.bind(2, period.endMsecs());
    while (scan.step()) {
        const bool escalated = scan.columnInt64(0) != 0;
        const qint64 csat = scan.columnIsNull(1) ? 0 : scan.columnInt64(1);
        const bool hasFollowup = scan.columnInt64(2) != 0;
        count(figures.total, escalated, csat, hasFollowup);
        for (size_t breakdown = 0; breakdown < breakdowns.size(); ++breakdown) {
            const int column = 3 + int(breakdown);
            count(group(breakdown, scan.columnIsNull(column) ? 0 : scan.columnInt64(column)), escalated, csat,
                  hasFollowup);
        }
    }
    // The reviewed conversations of the period, with their verdicts (the view holds the rule).
    const QByteArray reviewsSql =
        QByteArray("SELECT c.id, c.conversation_id, c.escalated, c.category_id, c.channel_id, c.team_id, c.agent_id,"
                   " c.ai_confidence, v.verdict, ") +
        kInRandomSampleSql +
        " FROM verdicts AS v JOIN conversations c ON c.id = v.conversation_ref"
        " WHERE c.created_at >= ?1 AND c.created_at < ?2";
    Statement reviews(db, reviewsSql.constData());
    reviews.bind(1, period.startMsecs());
    reviews.bind(2, period.endMsecs());
    while (reviews.step()) {
        ReviewedConversation reviewed;
        reviewed.rowId = reviews.columnInt64(0);
        reviewed.conversationId = reviews.columnText(1);
        reviewed.escalated = reviews.columnInt64(2) != 0;
        if (!reviews.columnIsNull(7))
            reviewed.aiConfidence = reviews.columnDouble(7);
        reviewed.verdict = reviews.columnText(8);
        reviewed.inRandomSample = reviews.columnInt64(9) != 0;
        if (reviewed.inRandomSample) {
            figures.total.reviews.add(reviewed.escalated, reviewed.verdict);
            for (size_t breakdown = 0; breakdown < breakdowns.size(); ++breakdown) {
                const int column = 3 + int(breakdown);
                group(breakdown, reviews.columnIsNull(column) ? 0 : reviews.columnInt64(column))
                    .reviews.add(reviewed.escalated, reviewed.verdict);
            }
        }
        figures.reviewed.push_back(std::move(reviewed));
    }
    std::sort(figures.reviewed.begin(), figures.reviewed.end(),
              [](const ReviewedConversation &a, const ReviewedConversation &b) {
                  return a.conversationId.toUtf8() < b.conversationId.toUtf8();
              });

    flag(figures.total, csatGapPoints);
    figures.byCategory = sorted(breakdowns[0], csatGapPoints);
    figures.byChannel = sorted(breakdowns[1], csatGapPoints);
    figures.byTeam = sorted(breakdowns[2], csatGapPoints);
    figures.byAgent = sorted(breakdowns[3], csatGapPoints);
    return figures;
}

} // namespace workbench
