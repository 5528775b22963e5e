#include "DrillDown.h"

#include "model/Conversation.h"
#include "store/Database.h"
#include "store/Sql.h"

namespace workbench {
namespace {

/// The conversations column of a breakdown: a fixed name from this table, never from input.
QString breakdownColumn(Breakdown breakdown)
{
    switch (breakdown) {
    case Breakdown::Category:
        return QStringLiteral("category_id");
    case Breakdown::Channel:
        return QStringLiteral("channel_id");
    case Breakdown::Team:
        return QStringLiteral("team_id");
    case Breakdown::Agent:
        return QStringLiteral("agent_id");
    }
    return QStringLiteral("category_id");
}

DimensionKind kindOf(Breakdown breakdown)
{
    switch (breakdown) {
    case Breakdown::Category:
        return DimensionKind::Category;
    case Breakdown::Channel:
        return DimensionKind::Channel;
    case Breakdown::Team:
        return DimensionKind::Team;
    case Breakdown::Agent:
        return DimensionKind::Agent;
    }
    return DimensionKind::Category;
}

} // namespace

QString breakdownName(Breakdown breakdown)
{
    switch (breakdown) {
    case Breakdown::Category:
        return QStringLiteral("category");
    case Breakdown::Channel:
        return QStringLiteral("channel");
    case Breakdown::Team:
        return QStringLiteral("team");
    case Breakdown::Agent:
        return QStringLiteral("agent");
    }
    return {};
}

DrillDown drillDown(Database &db, const DrillDownRequest &request)
{
    QString where = QStringLiteral(" WHERE c.created_at >= :start AND c.created_at < :end");
    if (request.breakdown) {
        const QString column = QStringLiteral("c.") + breakdownColumn(*request.breakdown);
        where += request.group == noneGroupName()
                     ? QStringLiteral(" AND %1 IS NULL").arg(column)
                     : QStringLiteral(" AND %1 = (SELECT id FROM dimensions WHERE kind = :kind AND name = :group)")
                           .arg(column);
    }
    if (request.escalated)
        where += QStringLiteral(" AND c.escalated = :escalated");
    if (request.reviewedOnly)
        where += request.verdict.isEmpty() ? QStringLiteral(" AND v.verdict IS NOT NULL")
                                           : QStringLiteral(" AND v.verdict = :verdict");
    const QString from = QStringLiteral(" FROM conversations c LEFT JOIN verdicts v ON v.conversation_ref = c.id");
    auto bind = [&](QSqlQuery &query) {
        query.bindValue(QStringLiteral(":start"), request.period.startMsecs());
        query.bindValue(QStringLiteral(":end"), request.period.endMsecs());
        if (request.breakdown && request.group != noneGroupName()) {
            query.bindValue(QStringLiteral(":kind"), int(kindOf(*request.breakdown)));
            query.bindValue(QStringLiteral(":group"), request.group);
        }
        if (request.escalated)
            query.bindValue(QStringLiteral(":escalated"), *request.escalated ? 1 : 0);
        if (request.reviewedOnly && !request.verdict.isEmpty())
            query.bindValue(QStringLiteral(":verdict"), request.verdict);
    };
    DrillDown result;
    {
        QSqlQuery count = sql::prepare(db.sql(), QStringLiteral("SELECT count(*)") + from + where);
        bind(count);
        sql::exec(count);
        result.total = count.next() ? count.value(0).toLongLong() : 0;
    }
    QSqlQuery rows = sql::prepare(db.sql(), QStringLiteral("SELECT c.conversation_id, c.created_at, d.name,"
                                                           " c.escalated, c.csat, c.ai_confidence, v.verdict") +
                                                from + QStringLiteral(" JOIN dimensions d ON d.id = c.category_id") +
                                                where + QStringLiteral(" ORDER BY c.created_at, c.id LIMIT :limit"));
    bind(rows);
    rows.bindValue(QStringLiteral(":limit"), request.limit);
    sql::exec(rows);
    while (rows.next()) {
        DrillDownRow row;
        row.conversationId = rows.value(0).toString();
        row.createdAtMsecs = rows.value(1).toLongLong();
        row.category = rows.value(2).toString();
        row.escalated = rows.value(3).toInt() != 0;
        if (!rows.value(4).isNull())
            row.csat = rows.value(4).toInt();
        if (!rows.value(5).isNull())
            row.aiConfidence = rows.value(5).toDouble();
        row.verdict = rows.value(6).toString();
        result.rows.push_back(std::move(row));
    }
    return result;
}

} // namespace workbench
