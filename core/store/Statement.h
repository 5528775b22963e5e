#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1StringView>
#include <QString>
#include <QtGlobal>

#include <memory>
#include <optional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace workbench {

class Database;

/// The type of a value read from a row, as either store holds it.
enum class ValueType { Null, Integer, Real, Text };

/// A prepared statement on the workspace's own connection, for paths where QSqlQuery's per-value QVariant costs
/// more than the work itself. Positional parameters (`?1`, 1-based); values are always bound, never spliced into
/// the text. On an SQLite file it is SQLite's own statement; on PostgreSQL it runs through libpq on the same
/// connection as Qt SQL (`?N` becomes `$N`; ints travel as int8, doubles as float8 with all 17 digits, so both
/// stores read back the same numbers).
class Statement {
public:
    Statement(Database &db, const char *statement);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    void bindNull(int index);
    void bind(int index, qint64 value);
    void bind(int index, double value);
    /// Binds UTF-8 text; an empty string binds NULL when `emptyIsNull`.
    void bind(int index, const QString &value, bool emptyIsNull = true);
    /// Binds constant ASCII text that outlives the statement (no copy, no conversion).
    void bindLatin1(int index, QLatin1StringView text);
    void bind(int index, const std::optional<qint64> &value);
    void bind(int index, const std::optional<double> &value);
    /// Binds the current value of `column` of `row` (another statement on a row, on either store), type and all.
    void bindColumnOf(int index, const Statement &row, int column);

    /// Steps once; true when a row is available.
    bool step();
    int columnCount() const;
    QString columnName(int column) const;
    ValueType columnType(int column) const;
    qint64 columnInt64(int column) const;
    double columnDouble(int column) const;
    bool columnIsNull(int column) const;
    QString columnText(int column) const;
    /// The column's UTF-8 bytes, valid until the next step() or reset().
    QByteArrayView columnBytes(int column) const;
    /// Resets for the next execution and clears the bindings.
    void reset();

private:
    class Postgres;

    [[noreturn]] void fail(int code) const;
    void check(int code) const;

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    /// The UTF-8 of bound text, kept until the next binding of that parameter so SQLite need not copy it.
    std::vector<QByteArray> m_text;
    std::unique_ptr<Postgres> m_postgres; ///< set instead of m_statement on a PostgreSQL workspace
};

} // namespace workbench
