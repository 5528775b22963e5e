#pragma once

#include <QSqlDatabase>
#include <QString>

namespace workbench {

/// A Qt SQL connection name unique in the process (connections are per thread; `purpose` is for debugging).
QString uniqueConnectionName(const QString &purpose);

/// An SQLite URI that opens `path` for reading only. Unless files may be created beside it, and when there is no
/// -wal file to replay, the file is opened as immutable, so that not even a -shm file appears beside it.
QString readOnlyUri(const QString &path, bool mayCreateFilesBeside);

/// A Qt SQL connection used by one function and removed when it goes out of scope (inspections, checks,
/// recovery): the store's own long-lived connection is Database.
class ScopedConnection {
public:
    ScopedConnection(const QString &purpose, const QString &databaseName, const QString &options);
    ~ScopedConnection();
    ScopedConnection(const ScopedConnection &) = delete;
    ScopedConnection &operator=(const ScopedConnection &) = delete;

    bool isOpen() const { return m_opened; }
    QSqlDatabase &db() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
    bool m_opened = false;
};

} // namespace workbench
