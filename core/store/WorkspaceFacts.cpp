#include "WorkspaceFacts.h"

#include "Database.h"
#include "Sql.h"
#include "common/WorkbenchError.h"
#include "metrics/Ratio.h"
#include "model/Conversation.h"

#include <algorithm>

namespace workbench {

std::optional<double> VolumeFacts::escalationRate() const
{
    return ratio(escalated, conversations);
}

qint64 conversationCount(Database &db)
{
    return sql::scalar(db.sql(), QStringLiteral("SELECT count(*) FROM conversations")).toLongLong();
}

bool hasConversations(Database &db)
{
    return sql::scalar(db.sql(), QStringLiteral("SELECT EXISTS (SELECT 1 FROM conversations)")).toBool();
}

std::vector<WorkspaceEvent> listEvents(Database &db)
{
    std::vector<WorkspaceEvent> events;
    QSqlQuery query =
        sql::run(db.sql(), QStringLiteral("SELECT id, occurred_on, kind, label FROM events ORDER BY occurred_on, id"));
    while (query.next())
        events.push_back({query.value(0).toLongLong(), QDate::fromString(query.value(1).toString(), Qt::ISODate),
                          query.value(2).toString(), query.value(3).toString()});
    return events;
}

qint64 addEvent(Database &db, const QDate &date, const QString &kind, const QString &label)
{
    db.requireWritable(QStringLiteral("Adding an event"));
    if (!date.isValid())
        throw WorkbenchError(QStringLiteral("An event needs a valid date (YYYY-MM-DD)."));
    if (label.trimmed().isEmpty())
        throw WorkbenchError(QStringLiteral("An event needs a label, e.g. \"Returns policy v2\"."));
    QSqlQuery insert = sql::run(db.sql(),
                                QStringLiteral("INSERT INTO events (occurred_on, kind, label) VALUES (:date, :kind,"
                                               " :label) RETURNING id"),
                                {{":date", date.toString(Qt::ISODate)},
                                 {":kind", kind.trimmed().isEmpty() ? QStringLiteral("other") : kind.trimmed()},
                                 {":label", label.trimmed()}});
    return insert.next() ? insert.value(0).toLongLong() : 0;
}

void removeEvent(Database &db, qint64 id)
{
    db.requireWritable(QStringLiteral("Removing an event"));
    sql::run(db.sql(), QStringLiteral("DELETE FROM events WHERE id = :id"), {{":id", id}});
}

QStringList categoryNames(Database &db)
{
    QSqlQuery query = sql::run(db.sql(), QStringLiteral("SELECT name FROM dimensions WHERE kind = :kind"),
                               {{":kind", int(DimensionKind::Category)}});
    QStringList names;
    while (query.next())
        names << query.value(0).toString();
    // Code point order, the order every figure lists categories in.
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) { return a.compare(b) < 0; });
    return names;
}

WorkspaceFacts loadWorkspaceFacts(Database &db)
{
    const QSqlDatabase &connection = db.sql();
    WorkspaceFacts facts;
    {
        QSqlQuery query =
            sql::run(connection, QStringLiteral("SELECT count(*), coalesce(sum(escalated), 0), min(created_at),"
                                                " max(created_at), coalesce(sum(has_followup), 0),"
                                                " count(csat) FROM conversations"));
        query.next();
        facts.total.conversations = query.value(0).toLongLong();
        facts.total.escalated = qint64(query.value(1).toDouble());
        if (!query.isNull(2)) {
            facts.firstCreatedMsecs = query.value(2).toLongLong();
            facts.lastCreatedMsecs = query.value(3).toLongLong();
        }
        facts.withFollowup = qint64(query.value(4).toDouble());
        facts.rated = query.value(5).toLongLong();
    }
    facts.customers = sql::scalar(connection, QStringLiteral("SELECT count(DISTINCT customer_id) FROM conversations"
                                                             " WHERE customer_id IS NOT NULL"))
                          .toLongLong();
    {
        // What the conversations use, not every name ever stored (re-imports can leave names behind).
        QSqlQuery query =
            sql::run(connection, QStringLiteral("SELECT count(DISTINCT channel_id), count(DISTINCT team_id),"
                                                " count(DISTINCT agent_id) FROM conversations"));
        query.next();
        facts.channels = query.value(0).toLongLong();
        facts.teams = query.value(1).toLongLong();
        facts.agents = query.value(2).toLongLong();
    }
    if (facts.firstCreatedMsecs) {
        QSqlQuery monthQuery =
            sql::prepare(connection, QStringLiteral("SELECT count(*), coalesce(sum(escalated), 0) FROM conversations"
                                                    " WHERE created_at >= :start AND created_at < :end"));
        const Period last = Period::monthContaining(*facts.lastCreatedMsecs);
        for (Period month = Period::monthContaining(*facts.firstCreatedMsecs);; month = month.next()) {
            monthQuery.bindValue(QStringLiteral(":start"), month.startMsecs());
            monthQuery.bindValue(QStringLiteral(":end"), month.endMsecs());
            sql::exec(monthQuery);
            monthQuery.next();
            facts.months.push_back({month, {monthQuery.value(0).toLongLong(), qint64(monthQuery.value(1).toDouble())}});
            monthQuery.finish();
            if (month == last)
                break;
        }
    }
    {
        QSqlQuery query =
            sql::run(connection, QStringLiteral("SELECT d.name, c.n, c.e FROM ("
                                                "  SELECT category_id, count(*) AS n, coalesce(sum(escalated), 0) AS e"
                                                "  FROM conversations GROUP BY category_id) AS c"
                                                " JOIN dimensions AS d ON d.id = c.category_id"
                                                " ORDER BY c.n DESC, d.name"));
        while (query.next())
            facts.categories.push_back(
                {query.value(0).toString(), {query.value(1).toLongLong(), qint64(query.value(2).toDouble())}});
    }
    facts.events = listEvents(db);
    return facts;
}

} // namespace workbench
