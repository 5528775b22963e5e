#include "WorkspaceCopy.h"

#include "Database.h"
#include "PostgresConnection.h"
#include "Sql.h"
#include "Statement.h"
#include "Transaction.h"
#include "common/WorkbenchError.h"

#include <QStringList>

namespace workbench {
namespace {

// Every table of the schema, parents before children (foreign keys), with whether its key is an identity.
struct CopiedTable {
    const char *name;
    bool identity;
};
constexpr CopiedTable kTables[] = {
    {"dimensions", true},     {"conversations", true},   {"messages", false},     {"settings", false},
    {"samples", true},        {"sample_items", false},   {"tags", true},          {"tag_history", true},
    {"review_drafts", false}, {"saved_mappings", false}, {"events", true},        {"targets", false},
    {"imports", true},        {"reason_codes", false},   {"mask_patterns", true},
};

qint64 copyTable(Database &source, Database &destination, const QString &table)
{
    // Table names are this file's constants, never data.
    Statement read(source, QStringLiteral("SELECT * FROM %1").arg(table).toUtf8().constData());
    bool hasRow = read.step();
    QStringList columns;
    for (int column = 0; column < read.columnCount(); ++column)
        columns << read.columnName(column);
    if (columns.isEmpty())
        return 0;
    qint64 rows = 0;
    if (destination.kind() == StoreKind::Postgres) {
        postgres::Copy copy(destination.postgresConnection(), table, columns);
        for (; hasRow; hasRow = read.step()) {
            for (int column = 0; column < columns.size(); ++column)
                copy.addField(read, column);
            copy.endRow();
        }
        return copy.finish();
    }
    QStringList placeholders;
    for (int column = 1; column <= columns.size(); ++column)
        placeholders << QStringLiteral("?%1").arg(column);
    Statement write(destination,
                    QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                        .arg(table, columns.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", ")))
                        .toUtf8()
                        .constData());
    for (; hasRow; hasRow = read.step(), ++rows) {
        for (int column = 0; column < columns.size(); ++column)
            write.bindColumnOf(column + 1, read, column);
        write.step();
        write.reset();
    }
    return rows;
}

} // namespace

QString CopyReport::text() const
{
    QStringList lines;
    for (const Table &table : tables)
        lines << QStringLiteral("  %1: %2").arg(table.name, -15).arg(table.rows);
    return lines.join(QLatin1Char('\n'));
}

CopyReport copyWorkspace(Database &source, Database &destination)
{
    if (source.schemaVersion() != destination.schemaVersion())
        throw WorkbenchError(QStringLiteral("%1 (schema %2) and %3 (schema %4) differ; open both with this version "
                                            "first.")
                                 .arg(source.path())
                                 .arg(source.schemaVersion())
                                 .arg(destination.path())
                                 .arg(destination.schemaVersion()));
    Transaction transaction(destination, QStringLiteral("Copying into %1").arg(destination.path()));
    const qint64 present =
        sql::scalar(destination.sql(), QStringLiteral("SELECT count(*) FROM conversations")).toLongLong();
    if (present > 0)
        throw WorkbenchError(QStringLiteral("%1 already holds %2 conversations; copy into an empty workspace (a new "
                                            "file, or a database after `workspace init`). Nothing was changed.")
                                 .arg(destination.path())
                                 .arg(present));
    // The destination's defaults (reason codes, settings of a fresh workspace) give way to the source's.
    for (auto table = std::rbegin(kTables); table != std::rend(kTables); ++table)
        sql::run(destination.sql(), QStringLiteral("DELETE FROM %1").arg(QLatin1String(table->name)));
    CopyReport report;
    for (const CopiedTable &table : kTables) {
        const QString name = QLatin1String(table.name);
        report.tables.push_back({name, copyTable(source, destination, name)});
        // Rows came with their ids: the server's identity must continue after the highest.
        if (table.identity && destination.kind() == StoreKind::Postgres)
            sql::run(destination.sql(), QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'),"
                                                       " coalesce(max(id), 0) + 1, false) FROM %1")
                                            .arg(name));
    }
    transaction.commit();
    return report;
}

} // namespace workbench
