#pragma once

#include <QSqlDatabase>
#include <QString>

#include <memory>

struct sqlite3;

namespace workbench {

/// One open workspace file: a uniquely named Qt SQL connection (one per thread), with WAL, foreign keys
/// and a busy timeout set, and the schema migrated to the current version.
class Database {
public:
    /// Opens (creating when missing) and migrates `path`. Throws WorkbenchError when the file is not a
    /// workspace, comes from a newer version of the workbench, or cannot be written.
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

private:
    Database(QString path, QString connectionName);

    void configureConnection();
    void migrate(int foundVersion);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_schemaVersion = 0;
    QString m_backupPath;
};

} // namespace workbench
