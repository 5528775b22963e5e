#pragma once

#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

struct sqlite3;
struct pg_conn;

namespace workbench {

/// Whether a workspace may be written, and if not, why (DATA.md section 3).
enum class WorkspaceAccess {
    Writable,
    ReadOnly, ///< the file or its folder cannot be written (an archived audit)
    Damaged,  ///< the file failed `PRAGMA quick_check`: it is read, never written
};

/// Where a workspace lives. Only the store layer asks: everything above it reads and writes the same way.
enum class StoreKind {
    SqliteFile, ///< one local file: the default, offline
    Postgres,   ///< a team's shared workspace on a PostgreSQL server (DATA.md section 5)
};

/// One open workspace: a local file or a PostgreSQL database. For a file: a uniquely named Qt SQL connection (one per
/// thread), with WAL, foreign keys and a busy timeout set, and the schema migrated to the current version.
///
/// A file that fails SQLite's quick check, or that this user cannot write, is opened read-only at the SQLite
/// level: every reading page and command works, every write is refused with `whyReadOnly()`.
class Database {
public:
    /// Opens (creating when missing) and migrates `path`. Throws WorkbenchError when the file is not a
    /// workspace, comes from a newer version of the workbench, or cannot be opened at all.
    ///
    /// `location` may also be a `postgresql://` URI: the password comes from the URI, `password` (asked by the
    /// GUI, kept in memory only) or libpq's own ~/.pgpass and PGPASSWORD. A database that holds no workspace
    /// is refused with the `workspace init` that makes one.
    static std::unique_ptr<Database> open(const QString &location,
                                          const std::optional<QString> &password = std::nullopt);
    /// Creates the workspace schema, the roles and their policies in the PostgreSQL database at `location`
    /// (idempotent: an existing workspace is migrated and its policies renewed), then opens it.
    static std::unique_ptr<Database> initPostgres(const QString &location,
                                                  const std::optional<QString> &password = std::nullopt);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// The file's path, or for PostgreSQL the URI without its password: what messages name.
    const QString &path() const { return m_path; }
    StoreKind kind() const { return m_kind; }
    QSqlDatabase &sql() { return m_db; }
    /// The raw SQLite handle of this connection, for bulk statements on hot paths (null on PostgreSQL).
    sqlite3 *handle() const;
    /// The libpq connection under Qt's QPSQL driver (null for a file): COPY and LISTEN, which Qt SQL lacks.
    pg_conn *postgresConnection() const;
    /// The role this connection is signed in as on the server (`session_user`); empty for a file.
    const QString &serverUser() const { return m_serverUser; }
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
    static std::unique_ptr<Database> connectPostgres(const QString &location, const std::optional<QString> &password);

    void configureConnection();
    void configureReadOnlyConnection();
    void migrate(int foundVersion);

    QString m_path;
    StoreKind m_kind = StoreKind::SqliteFile;
    QString m_serverUser;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_schemaVersion = 0;
    QString m_backupPath;
    WorkspaceAccess m_access = WorkspaceAccess::Writable;
    QString m_whyReadOnly;
    bool m_scratch = false;
};

} // namespace workbench
