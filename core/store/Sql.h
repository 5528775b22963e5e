#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <utility>

namespace workbench::sql {

/// Prepares `statement` on `db`; throws WorkbenchError naming the statement when SQLite refuses it.
QSqlQuery prepare(const QSqlDatabase &db, const QString &statement);

/// Executes a prepared query; throws WorkbenchError with the driver's message on failure.
void exec(QSqlQuery &query);

/// Prepares, binds the named values in order and executes.
QSqlQuery run(const QSqlDatabase &db, const QString &statement,
              std::initializer_list<std::pair<const char *, QVariant>> bindings = {});

/// Runs a statement expected to return one row and returns its first column (an invalid QVariant when no row).
QVariant scalar(const QSqlDatabase &db, const QString &statement,
                std::initializer_list<std::pair<const char *, QVariant>> bindings = {});

} // namespace workbench::sql
