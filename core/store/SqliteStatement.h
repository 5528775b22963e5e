#pragma once

#include <QByteArrayView>
#include <QLatin1StringView>
#include <QString>
#include <QtGlobal>

#include <optional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace workbench {

/// A prepared statement on the raw SQLite handle, for bulk paths where QSqlQuery's per-value QVariant
/// costs more than the insert itself. Positional parameters (1-based); values are always bound.
class SqliteStatement {
public:
    SqliteStatement(sqlite3 *db, const char *statement);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    void bindNull(int index);
    void bind(int index, qint64 value);
    void bind(int index, double value);
    /// Binds UTF-8 text; an empty string binds NULL when `emptyIsNull`.
    void bind(int index, const QString &value, bool emptyIsNull = true);
    /// Binds constant ASCII text that outlives the statement (no copy, no conversion).
    void bindLatin1(int index, QLatin1StringView text);
    void bind(int index, const std::optional<qint64> &value);
    void bind(int index, const std::optional<double> &value);
    /// Binds the current value of `column` of `row` (another statement on a row), type and all.
    void bindColumnOf(int index, const SqliteStatement &row, int column);

    /// Steps once; true when a row is available.
    bool step();
    qint64 columnInt64(int column) const;
    double columnDouble(int column) const;
    bool columnIsNull(int column) const;
    QString columnText(int column) const;
    /// The column's UTF-8 bytes, valid until the next step() or reset().
    QByteArrayView columnBytes(int column) const;
    /// Resets for the next execution and clears the bindings.
    void reset();

private:
    [[noreturn]] void fail(int code) const;
    void check(int code) const;

    sqlite3 *m_db;
    sqlite3_stmt *m_statement = nullptr;
    /// The UTF-8 of bound text, kept until the next binding of that parameter so SQLite need not copy it.
    std::vector<QByteArray> m_text;
};

} // namespace workbench
