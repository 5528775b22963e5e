#include "Sql.h"

#include "PostgresConnection.h"
#include "common/WorkbenchError.h"


#include <QSqlError>

namespace workbench::sql {
namespace {

[[noreturn]] void fail(const QSqlQuery &query, const QString &statement)
{
    const QSqlError error = query.lastError();
    postgres::endAbortedTransaction(postgres::connectionOf(query.driver()));
    // PostgreSQL's SQLSTATE for a refused permission (a grant or a row-level security policy): say who and why.
    if (error.nativeErrorCode() == QLatin1String("42501"))
        throw WorkbenchError(
            QStringLiteral("The server refused it: this role may not do that (%1); a lead (role "
                           "ewb_lead) can.")
                .arg(error.databaseText().section(QLatin1Char('\n'), 0, 0).remove(QStringLiteral("ERROR:")).trimmed()));
    throw WorkbenchError(
        QStringLiteral("Database error: %1 (in: %2)").arg(error.text(), statement.simplified().left(160)));
}

// Forward-only on SQLite (no copy of the rows). QPSQL fetches the whole result instead, so that libpq
// statements (Statement, COPY) may run on the same connection while this query is being read.
QSqlQuery newQuery(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.setForwardOnly(db.driverName() != QLatin1String("QPSQL"));
    return query;
}

} // namespace

QSqlQuery prepare(const QSqlDatabase &db, const QString &statement)
{
    QSqlQuery query = newQuery(db);
    if (!query.prepare(statement))
        fail(query, statement);
    return query;
}

void exec(QSqlQuery &query)
{
    if (!query.exec())
        fail(query, query.lastQuery());
}

QSqlQuery run(const QSqlDatabase &db, const QString &statement,
              std::initializer_list<std::pair<const char *, QVariant>> bindings)
{
    if (bindings.size() == 0) {
        // Nothing to bind: executed directly. PostgreSQL cannot PREPARE schema statements, SET, BEGIN or DO.
        QSqlQuery query = newQuery(db);
        if (!query.exec(statement))
            fail(query, statement);
        return query;
    }
    QSqlQuery query = prepare(db, statement);
    for (const auto &[name, value] : bindings)
        query.bindValue(QString::fromLatin1(name), value);
    exec(query);
    return query;
}

QVariant scalar(const QSqlDatabase &db, const QString &statement,
                std::initializer_list<std::pair<const char *, QVariant>> bindings)
{
    QSqlQuery query = run(db, statement, bindings);
    return query.next() ? query.value(0) : QVariant();
}

} // namespace workbench::sql
