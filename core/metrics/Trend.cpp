#include "Trend.h"

#include "store/Database.h"
#include "store/Statement.h"

namespace workbench {

std::vector<TrendMonth> computeMonthlyTrend(Database &db)
{
    std::vector<TrendMonth> trend;
    {
        Statement range(db, "SELECT min(created_at), max(created_at) FROM conversations");
        if (!range.step() || range.columnIsNull(0))
            return trend;
        Period month = Period::monthContaining(range.columnInt64(0));
        const Period last = Period::monthContaining(range.columnInt64(1));
        while (true) {
            trend.push_back({month, {}});
            trend.back().figures.name = month.key();
            if (month == last)
                break;
            month = month.next();
        }
    }
    // In time order, so a month's bucket is found by walking forward, not by a calendar lookup per row.
    Statement scan(db, "SELECT created_at, escalated FROM conversations ORDER BY created_at");
    size_t at = 0;
    while (scan.step()) {
        const qint64 created = scan.columnInt64(0);
        while (at < trend.size() && created >= trend[at].month.endMsecs())
            ++at;
        if (at == trend.size())
            break; // written by another program since the range was read
        GroupFigures &figures = trend[at].figures;
        ++figures.conversations;
        figures.escalated += scan.columnInt64(1) != 0 ? 1 : 0;
    }
    // Random-sample reviews only, by the month of their conversation.
    const QByteArray reviewsSql = QByteArray("SELECT c.created_at, c.escalated, v.verdict FROM verdicts AS v"
                                             " JOIN conversations c ON c.id = v.conversation_ref WHERE ") +
                                  kInRandomSampleSql;
    Statement reviews(db, reviewsSql.constData());
    const Period first = trend.front().month;
    while (reviews.step()) {
        const Period month = Period::monthContaining(reviews.columnInt64(0));
        const int index = (month.year() - first.year()) * 12 + month.number() - first.number();
        if (index < 0 || size_t(index) >= trend.size())
            continue; // written by another program since the range was read
        trend[size_t(index)].figures.reviews.add(reviews.columnInt64(1) != 0, reviews.columnText(2));
    }
    return trend;
}

} // namespace workbench
