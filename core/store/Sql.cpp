#include "Sql.h"

#include "common/WorkbenchError.h"

#include <QSqlError>

namespace workbench::sql {
namespace {

[[noreturn]] void fail(const QSqlQuery &query, const QString &statement)
{
    throw WorkbenchError(
        QStringLiteral("Database error: %1 (in: %2)").arg(query.lastError().text(), statement.simplified().left(160)));
}

} // namespace

QSqlQuery prepare(const QSqlDatabase &db, const QString &statement)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
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
