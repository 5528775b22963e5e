#pragma once

#include <QSqlDatabase>
#include <QString>

#include <memory>

struct sqlite3;

namespace workbench {

/// Whether a workspace may be written, and if not, why (DATA.md section 3).
enum class WorkspaceAccess {
    Writable,
    ReadOnly, ///< the file or its folder cannot be written (an archived audit)
    Damaged,  ///< the file failed `PRAGMA quick_check`: it is read, never written
};

/// One open workspace file: a uniquely named Qt SQL connection (one per thread), with WAL, foreign keys
/// and a busy timeout set, and the schema migrated to the current version.
///
/// A file that fails SQLite's quick check, or that this user cannot write, is opened read-only at the SQLite
/// level: every reading page and command works, every write is refused with `whyReadOnly()`.
class Database {
public:
    /// Opens (creating when missing) and migrates `path`. Throws WorkbenchError when the file is not a
    /// workspace, comes from a newer version of the workbench, or cannot be opened at all.
    static std::unique_ptr<Database> open(const QString &path);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const QString &path() const { return m_path; }
    QSqlDatabase &sql() { return m_db; }
    /// The raw SQLite handle of this connection, for bulk statements on hot paths.
    sqlite3 *handle() const;
    int schemaVersion() const { return m_schemaVersion; }
    /// The backup written before migrating an older file; empty when nothing was migrated.
    const QString &migrationBackupPath() const { return m_backupPath; }

    WorkspaceAccess access() const { return m_access; }
    bool isWritable() const { return m_access == WorkspaceAccess::Writable; }
    /// Why nothing can be written, ready to show (names the file, and for damage the problems and the way
    /// out); empty when writable.
    const QString &whyReadOnly() const { return m_whyReadOnly; }
    /// Throws WorkbenchError "`action` is not possible: <why>" unless the workspace can be written. Every
    /// writing function of core calls it first, so that the user learns why instead of SQLite's "readonly".
    void requireWritable(const QString &action) const;
    /// How long a write waits for another writer (an import publishing, another program) before it is refused:
    /// the window's connection waits 2 s at most, so the GUI thread never hangs; commands wait longer.
    void setBusyTimeout(int msecs);
    /// Records the file as it is now as checked (after this connection's own writes); see checked_files.
    void rememberChecked() const;
    /// A scratch file (a staged import): not remembered as checked when it closes.
    void markScratch() { m_scratch = true; }

private:
    Database(QString path, QString connectionName);

    void configureConnection();
    void configureReadOnlyConnection();
    void migrate(int foundVersion);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_schemaVersion = 0;
    QString m_backupPath;
    WorkspaceAccess m_access = WorkspaceAccess::Writable;
    QString m_whyReadOnly;
    bool m_scratch = false;
};

} // namespace workbench
