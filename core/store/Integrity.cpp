#include "Integrity.h"

#include "Schema.h"
#include "ScopedConnection.h"
#include "Sql.h"
#include "common/WorkbenchError.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <filesystem>
#include <limits>

namespace workbench {
namespace {

constexpr int kShownProblems = 100;

QString fileState(const QString &path)
{
    std::error_code error;
    const std::filesystem::path file(path.toStdString());
    const auto size = std::filesystem::file_size(file, error);
    if (error)
        return {};
    const auto modified = std::filesystem::last_write_time(file, error);
    if (error)
        return {};
    return QStringLiteral("%1:%2").arg(size).arg(qint64(modified.time_since_epoch().count()));
}

QString checkedFilesKey(const QString &path)
{
    const QByteArray canonical = QFileInfo(path).absoluteFilePath().toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha1).toHex());
}

QSettings checkedFilesStore()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    return QSettings(folder + QStringLiteral("/escalation-workbench/checked-workspaces.ini"), QSettings::IniFormat);
}

struct TableShape {
    QString name;
    QStringList columns;
    QStringList keys;        ///< the primary key in its order (rowid for a rowid table)
    bool integerKey = false; ///< the first key column holds integers: unreadable stretches can be jumped over
};

QString quotedIdentifier(const QString &name)
{
    if (name == QLatin1String("rowid"))
        return name;
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString quotedList(const QStringList &names, const QString &prefix = {})
{
    QStringList quoted;
    for (const QString &name : names)
        quoted << prefix + quotedIdentifier(name);
    return quoted.join(QStringLiteral(", "));
}

std::vector<TableShape> tableShapes(const QSqlDatabase &db)
{
    std::vector<TableShape> tables;
    QSqlQuery list = sql::run(db, QStringLiteral("SELECT name, sql FROM main.sqlite_schema WHERE type = 'table'"
                                                 " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rootpage"));
    while (list.next()) {
        TableShape table{list.value(0).toString(), {}, {}, true};
        const bool withoutRowid =
            list.value(1).toString().contains(QLatin1String("WITHOUT ROWID"), Qt::CaseInsensitive);
        QSqlQuery columns = sql::run(db,
                                     QStringLiteral("SELECT name, type, pk FROM pragma_table_info(:table)"
                                                    " ORDER BY pk"),
                                     {{":table", table.name}});
        while (columns.next()) {
            table.columns << columns.value(0).toString();
            if (withoutRowid && columns.value(2).toInt() > 0) {
                if (table.keys.isEmpty())
                    table.integerKey =
                        columns.value(1).toString().compare(QLatin1String("INTEGER"), Qt::CaseInsensitive) == 0;
                table.keys << columns.value(0).toString();
            }
        }
        if (!withoutRowid)
            table.keys = QStringList{QStringLiteral("rowid")};
        tables.push_back(std::move(table));
    }
    return tables;
}

/// Copies one table of the attached damaged file in key order, in batches staged in a temporary table: a batch
/// either reads whole or not at all. Where a read fails the batch is halved down to one row; when that row is
/// unreadable too, the next readable key is found by probing ever further ahead (then back by halves), so a
/// damaged page costs about the rows on it.
class TableCopier {
public:
    TableCopier(const QSqlDatabase &db, const TableShape &table, RecoveryReport::Table &report)
        : m_db(db), m_table(table), m_report(report)
    {
        // Names come from the schema this build wrote, never from data; values are bound.
        QStringList keyAliases;
        for (qsizetype i = 0; i < table.keys.size(); ++i)
            keyAliases << QStringLiteral("%1 AS k%2").arg(quotedIdentifier(table.keys[i])).arg(i);
        m_keySelect = keyAliases.join(QStringLiteral(", "));
        m_keys = quotedList(table.keys);
        m_columns = quotedList(table.columns);
        m_source = QStringLiteral("damaged.") + quotedIdentifier(table.name);
        sql::run(db, QStringLiteral("DROP TABLE IF EXISTS temp.recover_batch"));
        sql::run(db, QStringLiteral("CREATE TEMP TABLE recover_batch AS SELECT %1, %2 FROM %3 WHERE 0")
                         .arg(m_keySelect, m_columns, m_source));
    }

    void copyAll()
    {
        int batch = kFirstBatch;
        for (;;) {
            const std::optional<qint64> copied = copyBatch(batch);
            if (copied) {
                if (*copied < batch)
                    return; // the end of the table
                batch = std::min(batch * 2, kLargestBatch);
            } else if (batch > 1) {
                batch /= 2;
            } else {
                ++m_report.unreadable;
                if (!jumpPastUnreadable())
                    return;
                batch = kFirstBatch;
            }
        }
    }

private:
    static constexpr int kFirstBatch = 1024;
    static constexpr int kLargestBatch = 65536;

    enum class Probe { Row, End, Unreadable };

    QString lowerBound() const
    {
        if (m_after.isEmpty())
            return m_atLeast ? QStringLiteral("%1 >= :from").arg(quotedIdentifier(m_table.keys.first()))
                             : QStringLiteral("1");
        QStringList parameters;
        for (qsizetype i = 0; i < m_after.size(); ++i)
            parameters << QStringLiteral(":k%1").arg(i);
        return QStringLiteral("(%1) > (%2)").arg(m_keys, parameters.join(QStringLiteral(", ")));
    }

    void bindLowerBound(QSqlQuery &query) const
    {
        if (m_after.isEmpty() && m_atLeast)
            query.bindValue(QStringLiteral(":from"), *m_atLeast);
        for (qsizetype i = 0; i < m_after.size(); ++i)
            query.bindValue(QStringLiteral(":k%1").arg(i), m_after[i]);
    }

    // The next `size` rows, or nullopt when they cannot all be read.
    std::optional<qint64> copyBatch(int size)
    {
        sql::run(m_db, QStringLiteral("DELETE FROM temp.recover_batch"));
        QSqlQuery stage(m_db);
        stage.prepare(QStringLiteral("INSERT INTO temp.recover_batch SELECT %1, %2 FROM %3 WHERE %4 ORDER BY %5"
                                     " LIMIT :size")
                          .arg(m_keySelect, m_columns, m_source, lowerBound(), m_keys));
        bindLowerBound(stage);
        stage.bindValue(QStringLiteral(":size"), size);
        if (!stage.exec())
            return std::nullopt;
        const qint64 staged = stage.numRowsAffected();
        if (staged == 0)
            return 0;
        sql::run(m_db, QStringLiteral("INSERT OR IGNORE INTO main.%1 (%2) SELECT %2 FROM temp.recover_batch")
                           .arg(quotedIdentifier(m_table.name), m_columns));
        QStringList keyNames;
        for (qsizetype i = 0; i < m_table.keys.size(); ++i)
            keyNames << QStringLiteral("k%1").arg(i);
        QSqlQuery last = sql::run(m_db, QStringLiteral("SELECT %1 FROM temp.recover_batch ORDER BY %1 DESC LIMIT 1")
                                            .arg(keyNames.join(QStringLiteral(", "))));
        last.next();
        m_after.clear();
        for (qsizetype i = 0; i < m_table.keys.size(); ++i)
            m_after << last.value(int(i));
        return staged;
    }

    Probe probe(qint64 from)
    {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE %2 >= :from ORDER BY %2 LIMIT 1")
                          .arg(m_source, quotedIdentifier(m_table.keys.first())));
        query.bindValue(QStringLiteral(":from"), from);
        if (!query.exec())
            return Probe::Unreadable;
        if (query.next())
            return Probe::Row;
        return query.lastError().isValid() ? Probe::Unreadable : Probe::End;
    }

    // After an unreadable row: positions the walk at the first key from which rows can be read again. False
    // when none can (the rest of the table is lost, or its key is not a number to step over).
    bool jumpPastUnreadable()
    {
        if (!m_table.integerKey)
            return false;
        const qint64 start = m_after.isEmpty() ? (m_atLeast ? *m_atLeast : std::numeric_limits<qint64>::min())
                                               : m_after.first().toLongLong() + 1;
        qint64 failed = start;
        std::optional<qint64> readable;
        for (quint64 step = 1; step != 0 && step <= quint64(std::numeric_limits<qint64>::max() - failed); step *= 2) {
            const qint64 at = start + qint64(step);
            const Probe result = probe(at);
            if (result == Probe::End)
                return false;
            if (result == Probe::Row) {
                readable = at;
                break;
            }
            failed = at;
        }
        if (!readable)
            return false;
        // The first readable key lies in (failed, readable]: halve the gap.
        while (*readable - failed > 1) {
            const qint64 middle = failed + (*readable - failed) / 2;
            if (probe(middle) == Probe::Row)
                readable = middle;
            else
                failed = middle;
        }
        m_after.clear();
        m_atLeast = *readable;
        return true;
    }

    const QSqlDatabase &m_db;
    const TableShape &m_table;
    RecoveryReport::Table &m_report;
    QString m_keySelect;
    QString m_keys;
    QString m_columns;
    QString m_source;
    QVariantList m_after;            ///< the last key copied; empty before the first batch or after a jump
    std::optional<qint64> m_atLeast; ///< after a jump: the first key to read
};

} // namespace

QStringList integrityProblems(const QSqlDatabase &db, IntegrityDepth depth)
{
    QSqlQuery check(db);
    // The pragma takes its limit as a literal: a compile-time constant, never data.
    const QString statement = depth == IntegrityDepth::Quick
                                  ? QStringLiteral("PRAGMA quick_check(%1)").arg(kShownProblems)
                                  : QStringLiteral("PRAGMA integrity_check(%1)").arg(kShownProblems);
    if (!check.exec(statement))
        return {check.lastError().databaseText()};
    QStringList problems;
    while (check.next()) {
        // A row may hold several lines, headed by "*** in database main ***", which is not a problem of its own.
        const QStringList lines = check.value(0).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            if (line != QLatin1String("ok") && !line.startsWith(QLatin1String("*** in database")))
                problems << line;
        }
    }
    if (check.lastError().isValid())
        problems << check.lastError().databaseText();
    return problems;
}

QStringList integrityProblems(const QString &path, IntegrityDepth depth)
{
    if (!QFileInfo(path).isFile())
        throw WorkbenchError(QStringLiteral("%1: no such workspace file.").arg(QDir::toNativeSeparators(path)));
    ScopedConnection connection(QStringLiteral("check"), readOnlyUri(path, false),
                                QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
    if (!connection.isOpen())
        return {connection.db().lastError().databaseText()};
    return integrityProblems(connection.db(), depth);
}

namespace checked_files {

bool passed(const QString &path)
{
    const QString state = fileState(path);
    return !state.isEmpty() && checkedFilesStore().value(checkedFilesKey(path)).toString() == state;
}

void remember(const QString &path)
{
    const QString state = fileState(path);
    if (state.isEmpty())
        return;
    QSettings store = checkedFilesStore();
    const QString key = checkedFilesKey(path);
    if (store.value(key).toString() != state)
        store.setValue(key, state);
}

} // namespace checked_files

bool RecoveryReport::complete() const
{
    return std::all_of(tables.begin(), tables.end(),
                       [](const Table &table) { return table.unreadable == 0 && table.orphans == 0; });
}

QString RecoveryReport::text() const
{
    QStringList lines;
    for (const Table &table : tables) {
        QString line = QStringLiteral("%1: %2 row%3")
                           .arg(table.name)
                           .arg(table.rows)
                           .arg(table.rows == 1 ? QString() : QStringLiteral("s"));
        if (table.unreadable > 0)
            line += QStringLiteral(", %1 unreadable stretch%2 skipped")
                        .arg(table.unreadable)
                        .arg(table.unreadable == 1 ? QString() : QStringLiteral("es"));
        if (table.orphans > 0)
            line += QStringLiteral(", %1 rows dropped whose parent row was lost").arg(table.orphans);
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

RecoveryReport recoverWorkspace(const QString &damagedPath, const QString &outputPath)
{
    const QString damagedFile = QDir::toNativeSeparators(damagedPath);
    if (!QFileInfo(damagedPath).isFile())
        throw WorkbenchError(QStringLiteral("%1: no such workspace file.").arg(damagedFile));
    if (QFileInfo::exists(outputPath))
        throw WorkbenchError(QStringLiteral("%1 exists already; name a new file for the repaired copy.")
                                 .arg(QDir::toNativeSeparators(outputPath)));
    RecoveryReport report;
    {
        ScopedConnection damaged(QStringLiteral("recover-read"), readOnlyUri(damagedPath, false),
                                 QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        QSqlQuery header(damaged.db());
        // A schema that points past the end of a cut file is read leniently, so the pages before the cut count.
        if (damaged.isOpen())
            header.exec(QStringLiteral("PRAGMA writable_schema = ON"));
        if (!damaged.isOpen() || !header.exec(QStringLiteral("PRAGMA application_id")) || !header.next())
            throw WorkbenchError(QStringLiteral("Nothing can be read from %1: %2")
                                     .arg(damagedFile, damaged.isOpen() ? header.lastError().databaseText()
                                                                        : damaged.db().lastError().databaseText()));
        if (header.value(0).toInt() != schema::kApplicationId)
            throw WorkbenchError(QStringLiteral("%1 is not an Escalation Workbench workspace.").arg(damagedFile));
        header.exec(QStringLiteral("PRAGMA user_version"));
        report.schemaVersion = header.next() ? header.value(0).toInt() : 0;
    }
    if (report.schemaVersion < 1 || report.schemaVersion > schema::kCurrentVersion)
        throw WorkbenchError(QStringLiteral("%1 has schema version %2, which this version cannot recover (1 to %3).")
                                 .arg(damagedFile)
                                 .arg(report.schemaVersion)
                                 .arg(schema::kCurrentVersion));

    // Written beside its final name and renamed at the end: a copy cut short is never taken for a repaired one.
    const QString partialPath = outputPath + QStringLiteral(".partial");
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(partialPath + QLatin1String(suffix));
    bool finished = false;
    {
        ScopedConnection output(QStringLiteral("recover-write"), partialPath, QStringLiteral("QSQLITE_OPEN_URI"));
        if (!output.isOpen())
            throw WorkbenchError(QStringLiteral("Cannot create %1: %2")
                                     .arg(QDir::toNativeSeparators(outputPath), output.db().lastError().text()));
        QSqlDatabase &db = output.db();
        sql::run(db, QStringLiteral("PRAGMA page_size = 16384"));
        sql::run(db, QStringLiteral("PRAGMA journal_mode = WAL"));
        sql::run(db, QStringLiteral("PRAGMA application_id = %1").arg(schema::kApplicationId));
        // The schema the damaged file had, so that every column lines up; upgraded after the copy.
        schema::migrate(db, 0, report.schemaVersion);
        sql::run(db, QStringLiteral("PRAGMA foreign_keys = OFF"));
        // Until the rename the copy is a scratch file: a crash just means running recover again.
        sql::run(db, QStringLiteral("PRAGMA synchronous = OFF"));
        // Lenient schema reading (see above); the copy's own schema is complete already and is not written now.
        sql::run(db, QStringLiteral("PRAGMA writable_schema = ON"));
        sql::run(db, QStringLiteral("ATTACH DATABASE :uri AS damaged"), {{":uri", readOnlyUri(damagedPath, false)}});
        // No enclosing transaction: once a read of the damaged file fails, SQLite refuses every further read of
        // it until its read transaction ends, so each range is copied (and committed) on its own.
        for (const TableShape &table : tableShapes(db)) {
            report.tables.push_back({table.name});
            TableCopier(db, table, report.tables.back()).copyAll();
        }
        sql::run(db, QStringLiteral("DROP TABLE IF EXISTS temp.recover_batch"));
        // Rows whose parent was lost (messages of an unreadable conversation...) cannot be kept: the workspace's
        // foreign keys would refuse them. Deleting one may orphan another, hence the loop.
        for (bool removed = true; removed;) {
            removed = false;
            QSqlQuery violations =
                sql::run(db, QStringLiteral("SELECT \"table\", rowid FROM pragma_foreign_key_check"));
            std::vector<std::pair<QString, qint64>> rows;
            while (violations.next())
                rows.emplace_back(violations.value(0).toString(), violations.value(1).toLongLong());
            for (const auto &[tableName, rowId] : rows) {
                QSqlQuery drop(db);
                // WITHOUT ROWID tables report no rowid: their orphans go by the parent's absence instead.
                drop.prepare(QStringLiteral("DELETE FROM main.%1 WHERE rowid = :row").arg(quotedIdentifier(tableName)));
                drop.bindValue(QStringLiteral(":row"), rowId);
                if (drop.exec() && drop.numRowsAffected() > 0) {
                    removed = true;
                    for (RecoveryReport::Table &table : report.tables)
                        if (table.name == tableName) {
                            ++table.orphans;
                        }
                }
            }
        }
        const qint64 orphanMessages =
            sql::run(db, QStringLiteral("DELETE FROM main.messages WHERE conversation_ref NOT IN"
                                        " (SELECT id FROM main.conversations)"))
                .numRowsAffected();
        for (RecoveryReport::Table &table : report.tables)
            if (table.name == QLatin1String("messages")) {
                table.orphans += orphanMessages;
            }
        sql::run(db, QStringLiteral("DETACH DATABASE damaged"));
        sql::run(db, QStringLiteral("PRAGMA writable_schema = OFF"));
        for (RecoveryReport::Table &table : report.tables) // what the copy holds, defaults of a new file included
            table.rows =
                sql::scalar(db, QStringLiteral("SELECT count(*) FROM main.%1").arg(quotedIdentifier(table.name)))
                    .toLongLong();
        sql::run(db, QStringLiteral("PRAGMA foreign_keys = ON"));
        schema::migrate(db, report.schemaVersion);
        sql::run(db, QStringLiteral("PRAGMA synchronous = NORMAL"));
        finished = integrityProblems(db, IntegrityDepth::Full).isEmpty();
        if (finished)
            sql::run(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    if (!finished)
        throw WorkbenchError(QStringLiteral("The repaired copy %1 failed its own check; it was kept for inspection.")
                                 .arg(QDir::toNativeSeparators(partialPath)));
    QFile::remove(partialPath + QStringLiteral("-wal"));
    QFile::remove(partialPath + QStringLiteral("-shm"));
    if (!QFile::rename(partialPath, outputPath))
        throw WorkbenchError(QStringLiteral("Cannot rename %1 to %2.")
                                 .arg(QDir::toNativeSeparators(partialPath), QDir::toNativeSeparators(outputPath)));
    return report;
}

} // namespace workbench
