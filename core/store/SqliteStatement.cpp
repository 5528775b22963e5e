#include "SqliteStatement.h"

#include "common/WorkbenchError.h"

#include <QStringEncoder>

#include <sqlite3.h>

namespace workbench {

SqliteStatement::SqliteStatement(sqlite3 *db, const char *statement) : m_db(db)
{
    if (!db)
        throw WorkbenchError(QStringLiteral("Internal error: no SQLite handle for a bulk statement."));
    check(sqlite3_prepare_v3(db, statement, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr));
    m_text.resize(size_t(sqlite3_bind_parameter_count(m_statement)) + 1);
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::fail(int code) const
{
    throw WorkbenchError(
        QStringLiteral("Database error %1: %2").arg(code).arg(QString::fromUtf8(sqlite3_errmsg(m_db))));
}

void SqliteStatement::check(int code) const
{
    if (code != SQLITE_OK)
        fail(code);
}

void SqliteStatement::bindNull(int index)
{
    check(sqlite3_bind_null(m_statement, index));
}

void SqliteStatement::bind(int index, qint64 value)
{
    check(sqlite3_bind_int64(m_statement, index, value));
}

void SqliteStatement::bind(int index, double value)
{
    check(sqlite3_bind_double(m_statement, index, value));
}

void SqliteStatement::bind(int index, const QString &value, bool emptyIsNull)
{
    if (value.isEmpty() && emptyIsNull) {
        bindNull(index);
        return;
    }
    // SQLITE_STATIC: the bytes stay in m_text until this parameter is bound again, after the step. Encoding
    // into the parameter's own buffer reuses its memory: no allocation per value on a bulk path.
    QByteArray &utf8 = m_text[size_t(index)];
    QStringEncoder encoder(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
    utf8.resize(encoder.requiredSpace(value.size()));
    char *end = encoder.appendToBuffer(utf8.data(), value);
    utf8.resize(end - utf8.constData());
    check(sqlite3_bind_text64(m_statement, index, utf8.constData(), sqlite3_uint64(utf8.size()), SQLITE_STATIC,
                              SQLITE_UTF8));
}

void SqliteStatement::bindLatin1(int index, QLatin1StringView text)
{
    check(
        sqlite3_bind_text64(m_statement, index, text.data(), sqlite3_uint64(text.size()), SQLITE_STATIC, SQLITE_UTF8));
}

void SqliteStatement::bind(int index, const std::optional<qint64> &value)
{
    if (value)
        bind(index, *value);
    else
        bindNull(index);
}

void SqliteStatement::bind(int index, const std::optional<double> &value)
{
    if (value)
        bind(index, *value);
    else
        bindNull(index);
}

bool SqliteStatement::step()
{
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return true;
    if (code == SQLITE_DONE)
        return false;
    fail(code);
}

qint64 SqliteStatement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double SqliteStatement::columnDouble(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

bool SqliteStatement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

QString SqliteStatement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QString::fromUtf8(text, sqlite3_column_bytes(m_statement, column));
}

QByteArrayView SqliteStatement::columnBytes(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QByteArrayView(text, sqlite3_column_bytes(m_statement, column));
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

void SqliteStatement::bindColumnOf(int index, const SqliteStatement &row, int column)
{
    check(sqlite3_bind_value(m_statement, index, sqlite3_column_value(row.m_statement, column)));
}

} // namespace workbench
