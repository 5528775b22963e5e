#include "Transaction.h"

#include "Database.h"
#include "Sql.h"
#include "common/WorkbenchError.h"

#include <QSqlError>
#include <QSqlQuery>

namespace workbench {

Transaction::Transaction(Database &db, const QString &action) : m_db(db)
{
    m_db.requireWritable(action);
    QSqlQuery begin(m_db.sql());
    // SQLite: take the write lock now, so two writers queue on the busy timeout instead of failing mid-way.
    // PostgreSQL locks rows as they are written; a plain BEGIN.
    const QString statement =
        m_db.kind() == StoreKind::Postgres ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE");
    if (!begin.exec(statement)) {
        // SQLITE_BUSY (5): another writer held the lock for longer than this connection waits.
        if (begin.lastError().nativeErrorCode() == QLatin1String("5"))
            throw WorkbenchError(QStringLiteral("%1 is not possible right now: another program is writing to the "
                                                "workspace (an import publishing its rows, most likely). Nothing "
                                                "was changed; try again in a moment.")
                                     .arg(action));
        throw WorkbenchError(QStringLiteral("Database error: %1 (in: %2)").arg(begin.lastError().text(), statement));
    }
    m_open = true;
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    QSqlQuery rollback(m_db.sql());
    rollback.exec(QStringLiteral("ROLLBACK")); // best effort: a destructor must not throw
}

void Transaction::commit()
{
    sql::run(m_db.sql(), QStringLiteral("COMMIT"));
    m_open = false;
    // A commit may have checkpointed into the file: it is still the file that passed its check, so the next
    // connection (a worker's) need not read every page again.
    m_db.rememberChecked();
}

} // namespace workbench
