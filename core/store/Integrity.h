#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <vector>

namespace workbench {

enum class IntegrityDepth {
    Quick, ///< `PRAGMA quick_check`: every page's structure (what opening a workspace runs)
    Full,  ///< `PRAGMA integrity_check`: also that every index agrees with its table
};

/// The problems SQLite finds in the database of `db` (empty: none). A check that cannot even run (the file is
/// not a database, or its first pages are unreadable) is one problem: SQLite's message.
QStringList integrityProblems(const QSqlDatabase &db, IntegrityDepth depth);

/// The same for a file, through a read-only connection of its own: nothing is written, not even a -wal file
/// beside a file in a read-only folder.
QStringList integrityProblems(const QString &path, IntegrityDepth depth);

/// Files whose last quick check passed, remembered per user by size and modification time (a workspace of a
/// million conversations takes 5-8 s to check; opening it again unchanged must not). Anything that changed the
/// file since, damage included, changes one of the two, and the file is checked again.
namespace checked_files {
bool passed(const QString &path);
void remember(const QString &path);
} // namespace checked_files

/// What `recoverWorkspace` could read back, table by table.
struct RecoveryReport {
    struct Table {
        QString name;
        qint64 rows = 0;       ///< rows copied
        qint64 unreadable = 0; ///< stretches of rows skipped because their pages could not be read
        qint64 orphans = 0;    ///< rows dropped because what they belong to was lost
    };
    std::vector<Table> tables;
    int schemaVersion = 0;
    bool complete() const;
    QString text() const;
};

/// Copies every row that can still be read from the damaged workspace `damagedPath` into a new workspace at
/// `outputPath`, table by table, skipping past pages that cannot be read; the damaged file is only read.
/// Debian's SQLite is built without the page access (`sqlite_dbpage`) that its shell's `.recover` needs, so
/// the rows are read back through SQL instead. Throws WorkbenchError when `outputPath` exists or nothing at
/// all can be read.
RecoveryReport recoverWorkspace(const QString &damagedPath, const QString &outputPath);

} // namespace workbench
