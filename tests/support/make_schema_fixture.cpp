// Writes tests/data/workspace-vN.ewb: a workspace as schema version N left it, with a little data in every
// table that version had. Run once when a migration is added, and commit the file; tst_store migrates each.
//   make_schema_fixture N OUTPUT
#include "store/Schema.h"
#include "store/Sql.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QTextStream>

using namespace workbench;

namespace {

void fillVersion1(const QSqlDatabase &db)
{
    const QStringList statements = {
        QStringLiteral(
            "INSERT INTO dimensions (id, kind, name, folded) VALUES (1, 1, 'Order status', 'order status'),"
            " (2, 1, 'Returns', 'returns'), (3, 2, 'chat', 'chat'), (4, 3, 'Logistics Desk', 'logistics desk'),"
            " (5, 4, 'Carlos Mendes', 'carlos mendes')"),
        QStringLiteral("INSERT INTO conversations (id, conversation_id, created_at, escalated, category_id, channel_id,"
                       " team_id, agent_id, customer_id, escalated_at, ai_confidence, csat, has_followup, handoff_seq,"
                       " signals) VALUES"
                       " (1, 'FX-1', 1790812800000, 1, 1, 3, 4, 5, 'CUS-1', 1790813100000, 0.41, 2, 1, 3, 1),"
                       " (2, 'FX-2', 1790899200000, 0, 1, 3, NULL, NULL, 'CUS-1', NULL, 0.83, 5, 0, NULL, 0),"
                       " (3, 'FX-3', 1790985600000, 0, 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 0)"),
        QStringLiteral("INSERT INTO messages (conversation_ref, seq, role, author, text, sent_at) VALUES"
                       " (1, 0, 'customer', 'Emma J.', 'Where is order #1234567?', 1790812800000),"
                       " (1, 1, 'ai', 'Nova (AI)', 'Let me check.', 1790812803000),"
                       " (1, 2, 'customer', 'Emma J.', 'Can I talk to a real person please?', 1790812850000),"
                       " (1, 3, 'agent', 'Carlos Mendes', 'Hi Emma, it ships today.', 1790813100000)"),
        QStringLiteral("INSERT INTO settings (key, value) VALUES ('agent_cost', '12.00')"),
    };
    for (const QString &statement : statements)
        sql::run(db, statement);
}

void fillVersion2(const QSqlDatabase &db)
{
    const QStringList statements = {
        QStringLiteral(
            "INSERT INTO samples (id, period, population, method, seed, requested_size, created_at, created_by)"
            " VALUES (1, '2026-10', 'escalated', 'random', 7, 50, 1791000000000, 'Dana')"),
        QStringLiteral("INSERT INTO sample_items (sample_id, position, conversation_ref) VALUES (1, 0, 1)"),
        QStringLiteral("INSERT INTO tags (id, conversation_ref, reviewer, verdict, reason, note, tagged_at) VALUES"
                       " (1, 1, 'Dana', 'false_escalation', 'tracking data was available', 'AI had the tracking.',"
                       " 1791000100000)"),
        QStringLiteral("INSERT INTO tag_history (conversation_ref, reviewer, changed_at, action, to_verdict, to_reason)"
                       " VALUES (1, 'Dana', 1791000100000, 'set', 'false_escalation', 'tracking data was available')"),
    };
    for (const QString &statement : statements)
        sql::run(db, statement);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = application.arguments();
    if (arguments.size() != 3) {
        QTextStream(stderr) << "usage: make_schema_fixture VERSION OUTPUT\n";
        return 2;
    }
    const int version = arguments[1].toInt();
    const QString output = arguments[2];
    QFile::remove(output);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fixture"));
        db.setDatabaseName(output);
        if (!db.open())
            return 1;
        // The same settings a workspace of that version had: a rollback journal is fine for a fixture.
        sql::run(db, QStringLiteral("PRAGMA application_id = %1").arg(schema::kApplicationId));
        schema::migrate(db, 0, version);
        if (version >= 1)
            fillVersion1(db);
        if (version >= 2)
            fillVersion2(db);
        sql::run(db, QStringLiteral("VACUUM"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fixture"));
    return 0;
}
