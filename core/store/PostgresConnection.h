#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

class QSqlDriver;
struct pg_conn;
struct pg_result;

namespace workbench {
class Statement;
}

/// What only the PostgreSQL store needs to know: connection locations, its SQL dialect, libpq's errors and COPY.
namespace workbench::postgres {

/// True for `postgresql://...` and `postgres://...`: a team workspace on a server (DATA.md section 5).
bool isLocation(const QString &location);

/// A connection URI taken apart for Qt's QPSQL driver. A password in the URI is kept in memory only.
struct Location {
    QString host; ///< a host name, or the folder of the server's socket
    int port = -1;
    QString database;
    QString user;
    std::optional<QString> password;
    QString options; ///< further libpq keywords (sslmode=...) for QSqlDatabase::setConnectOptions
    /// The URI without its password, for messages, titles and the recent list.
    QString display;
};
/// Parses `uri` or throws WorkbenchError naming what is wrong with it.
Location parseLocation(const QString &uri);

/// `?1` .. `?N` become `$1` .. `$N` (outside quoted text); `count` gets the highest N.
QByteArray positionalPlaceholders(const char *statement, int *count);

/// A schema statement written for SQLite in the form PostgreSQL reads: 64-bit integers, doubles, identity keys,
/// byte-order text (COLLATE "C": both stores sort names alike), no WITHOUT ROWID, ON CONFLICT for OR IGNORE.
QString translateSchemaStatement(const QString &statement);

/// The server's message of a failed result, said plainly where the cause is known (a refused permission).
QString errorText(const pg_result *result, const pg_conn *connection);

/// The libpq connection under Qt's QPSQL driver; null for any other driver.
pg_conn *connectionOf(const QSqlDriver *driver);

/// After a failed statement PostgreSQL refuses everything but ROLLBACK in that transaction: ends it at once, so
/// that the statements released while the error travels up do not each warn "transaction is aborted".
void endAbortedTransaction(pg_conn *connection);

/// Bulk rows into a table through COPY ... FROM STDIN (text format), on the workspace's own connection.
class Copy {
public:
    Copy(pg_conn *connection, const QString &table, const QStringList &columns);
    ~Copy();
    Copy(const Copy &) = delete;
    Copy &operator=(const Copy &) = delete;

    /// Appends column `column` of `row`'s current row as the next field (NULL as NULL).
    void addField(const Statement &row, int column);
    void addNull();
    void addText(QByteArrayView utf8);
    void endRow();
    /// Ends the COPY; throws WorkbenchError with the server's message when it refused the rows.
    qint64 finish();

private:
    void flush();
    void separator();

    pg_conn *m_connection;
    QString m_table;
    QByteArray m_buffer;
    bool m_rowStarted = false;
    bool m_open = false;
    qint64 m_rows = 0;
};

} // namespace workbench::postgres
