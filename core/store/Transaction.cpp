#include "Transaction.h"

#include "Database.h"
#include "Sql.h"

namespace workbench {

Transaction::Transaction(Database &db, const QString &action) : m_db(db)
{
    m_db.requireWritable(action);
    sql::run(m_db.sql(), QStringLiteral("BEGIN IMMEDIATE"));
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
}

} // namespace workbench
