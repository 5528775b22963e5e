#include "Statement.h"

#include "Database.h"
#include "PostgresConnection.h"
#include "common/WorkbenchError.h"

#include <QStringEncoder>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <charconv>

namespace workbench {

/// The PostgreSQL side: the text with `$N` placeholders, the bound values as text, and the whole result of the
/// last execution (read row by row; a whole result lets statements nest as they do on SQLite).
class Statement::Postgres {
public:
    Postgres(pg_conn *server, const char *statement) : connection(server)
    {
        text = postgres::positionalPlaceholders(statement, &parameterCount);
        values.resize(size_t(parameterCount) + 1);
        types.resize(size_t(parameterCount) + 1, 0);
    }
    ~Postgres() { PQclear(result); }

    void set(int index, std::optional<QByteArray> value, Oid type)
    {
        if (index < 1 || index > parameterCount)
            throw WorkbenchError(QStringLiteral("Internal error: parameter %1 of a statement with %2 (%3)")
                                     .arg(index)
                                     .arg(parameterCount)
                                     .arg(QString::fromUtf8(text.left(120))));
        values[size_t(index)] = std::move(value);
        types[size_t(index)] = type;
    }

    void execute()
    {
        std::vector<const char *> pointers(static_cast<size_t>(parameterCount));
        for (int i = 1; i <= parameterCount; ++i)
            pointers[size_t(i - 1)] = values[size_t(i)] ? values[size_t(i)]->constData() : nullptr;
        result = PQexecParams(connection, text.constData(), parameterCount, types.data() + 1, pointers.data(), nullptr,
                              nullptr, 0);
        const ExecStatusType status = PQresultStatus(result);
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
            const QString message = postgres::errorText(result, connection);
            PQclear(result);
            result = nullptr;
            postgres::endAbortedTransaction(connection);
            throw WorkbenchError(QStringLiteral("Database error: %1 (in: %2)")
                                     .arg(message, QString::fromUtf8(text.simplified().left(160))));
        }
        rows = PQntuples(result);
        row = -1;
    }

    const char *value(int column) const { return PQgetvalue(result, row, column); }

    pg_conn *connection;
    QByteArray text;
    int parameterCount = 0;
    std::vector<std::optional<QByteArray>> values; ///< 1-based, as the parameters
    std::vector<Oid> types;
    PGresult *result = nullptr;
    int rows = 0;
    int row = -1;
};

namespace {

constexpr Oid kInt8 = 20;
constexpr Oid kFloat8 = 701;
constexpr Oid kText = 25;

qint64 parseInteger(QByteArrayView text)
{
    qint64 value = 0;
    const auto [end, error] = std::from_chars(text.begin(), text.end(), value);
    if (error == std::errc() && end == text.end())
        return value;
    if (text == "t")
        return 1;
    if (text == "f")
        return 0;
    double real = 0; // a numeric (sum of integers) or a real read as an integer, as SQLite would
    std::from_chars(text.begin(), text.end(), real);
    return qint64(real);
}

double parseReal(QByteArrayView text)
{
    double value = 0; // from_chars: the C locale's decimal point whatever the user's locale
    std::from_chars(text.begin(), text.end(), value);
    return value;
}

} // namespace

Statement::Statement(Database &db, const char *statement)
{
    if (db.kind() == StoreKind::Postgres) {
        m_postgres = std::make_unique<Postgres>(db.postgresConnection(), statement);
        return;
    }
    m_db = db.handle();
    if (!m_db)
        throw WorkbenchError(QStringLiteral("Internal error: no SQLite handle for a bulk statement."));
    check(sqlite3_prepare_v3(m_db, statement, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr));
    m_text.resize(size_t(sqlite3_bind_parameter_count(m_statement)) + 1);
}

Statement::~Statement()
{
    if (m_statement)
        sqlite3_finalize(m_statement);
}

void Statement::fail(int code) const
{
    throw WorkbenchError(
        QStringLiteral("Database error %1: %2").arg(code).arg(QString::fromUtf8(sqlite3_errmsg(m_db))));
}

void Statement::check(int code) const
{
    if (code != SQLITE_OK)
        fail(code);
}

void Statement::bindNull(int index)
{
    if (m_postgres)
        return m_postgres->set(index, std::nullopt, 0);
    check(sqlite3_bind_null(m_statement, index));
}

void Statement::bind(int index, qint64 value)
{
    if (m_postgres)
        return m_postgres->set(index, QByteArray::number(value), kInt8);
    check(sqlite3_bind_int64(m_statement, index, value));
}

void Statement::bind(int index, double value)
{
    if (m_postgres) // 17 significant digits: the double read back is the one bound
        return m_postgres->set(index, QByteArray::number(value, 'g', 17), kFloat8);
    check(sqlite3_bind_double(m_statement, index, value));
}

void Statement::bind(int index, const QString &value, bool emptyIsNull)
{
    if (value.isEmpty() && emptyIsNull) {
        bindNull(index);
        return;
    }
    if (m_postgres)
        return m_postgres->set(index, value.toUtf8(), kText);
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

void Statement::bindLatin1(int index, QLatin1StringView text)
{
    if (m_postgres)
        return m_postgres->set(index, QByteArray(text.data(), text.size()), kText);
    check(
        sqlite3_bind_text64(m_statement, index, text.data(), sqlite3_uint64(text.size()), SQLITE_STATIC, SQLITE_UTF8));
}

void Statement::bind(int index, const std::optional<qint64> &value)
{
    if (value)
        bind(index, *value);
    else
        bindNull(index);
}

void Statement::bind(int index, const std::optional<double> &value)
{
    if (value)
        bind(index, *value);
    else
        bindNull(index);
}

bool Statement::step()
{
    if (m_postgres) {
        if (!m_postgres->result)
            m_postgres->execute();
        return ++m_postgres->row < m_postgres->rows;
    }
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return true;
    if (code == SQLITE_DONE)
        return false;
    fail(code);
}

int Statement::columnCount() const
{
    if (m_postgres)
        return m_postgres->result ? PQnfields(m_postgres->result) : 0;
    return sqlite3_column_count(m_statement);
}

QString Statement::columnName(int column) const
{
    if (m_postgres)
        return QString::fromUtf8(PQfname(m_postgres->result, column));
    return QString::fromUtf8(sqlite3_column_name(m_statement, column));
}

ValueType Statement::columnType(int column) const
{
    if (m_postgres) {
        if (PQgetisnull(m_postgres->result, m_postgres->row, column))
            return ValueType::Null;
        switch (PQftype(m_postgres->result, column)) {
        case 16: // bool
        case 20: // int8
        case 21: // int2
        case 23: // int4
            return ValueType::Integer;
        case 700:  // float4
        case 701:  // float8
        case 1700: // numeric
            return ValueType::Real;
        default:
            return ValueType::Text;
        }
    }
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_NULL:
        return ValueType::Null;
    case SQLITE_INTEGER:
        return ValueType::Integer;
    case SQLITE_FLOAT:
        return ValueType::Real;
    default:
        return ValueType::Text;
    }
}

qint64 Statement::columnInt64(int column) const
{
    if (m_postgres)
        return parseInteger(columnBytes(column));
    return sqlite3_column_int64(m_statement, column);
}

double Statement::columnDouble(int column) const
{
    if (m_postgres)
        return parseReal(columnBytes(column));
    return sqlite3_column_double(m_statement, column);
}

bool Statement::columnIsNull(int column) const
{
    if (m_postgres)
        return PQgetisnull(m_postgres->result, m_postgres->row, column) != 0;
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

QString Statement::columnText(int column) const
{
    if (m_postgres)
        return QString::fromUtf8(columnBytes(column));
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QString::fromUtf8(text, sqlite3_column_bytes(m_statement, column));
}

QByteArrayView Statement::columnBytes(int column) const
{
    if (m_postgres)
        return QByteArrayView(m_postgres->value(column), PQgetlength(m_postgres->result, m_postgres->row, column));
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QByteArrayView(text, sqlite3_column_bytes(m_statement, column));
}

void Statement::reset()
{
    if (m_postgres) {
        PQclear(m_postgres->result);
        m_postgres->result = nullptr;
        for (auto &value : m_postgres->values)
            value.reset();
        return;
    }
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

void Statement::bindColumnOf(int index, const Statement &row, int column)
{
    if (m_postgres || row.m_postgres) {
        switch (row.columnType(column)) {
        case ValueType::Null:
            return bindNull(index);
        case ValueType::Integer:
            return bind(index, row.columnInt64(column));
        case ValueType::Real:
            return bind(index, row.columnDouble(column));
        case ValueType::Text:
            return bind(index, row.columnText(column), false);
        }
    }
    check(sqlite3_bind_value(m_statement, index, sqlite3_column_value(row.m_statement, column)));
}

} // namespace workbench
