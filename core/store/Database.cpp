#include "Database.h"

#include "Integrity.h"
#include "PostgresConnection.h"
#include "Schema.h"
#include "ScopedConnection.h"
#include "Sql.h"
#include "common/WorkbenchError.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

#include <libpq-fe.h>
#include <sqlite3.h>

namespace workbench {
namespace {

constexpr int kBusyTimeoutMsecs = 10000;

struct FileFacts {
    int userVersion = 0;
    int applicationId = 0;
    int objectCount = 0;
    QStringList damage; ///< what the quick check found; empty when it passed or was not needed
};

// True when nobody may write `info`: this user cannot, or no write permission is set at all (an archived
// audit marked read-only stays read-only even for an administrator, who could otherwise write anything).
bool markedReadOnly(const QFileInfo &info)
{
    // WriteUser is left out: Qt reports it from access(), which is always true for root.
    constexpr QFile::Permissions anyWrite = QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther;
    return !info.isWritable() || !(info.permissions() & anyWrite);
}

// Why the workspace at `info` can only be read, or empty when it can be written.
QString whyNotWritable(const QFileInfo &info)
{
    if (markedReadOnly(info))
        return QStringLiteral("the file is read-only");
    if (markedReadOnly(QFileInfo(info.absolutePath())))
        return QStringLiteral("its folder %1 is read-only").arg(QDir::toNativeSeparators(info.absolutePath()));
    return {};
}

// The application id in the file's own 100-byte header, read as bytes: a workspace whose pages SQLite cannot
// read any more must still be told from a file of another application.
int headerApplicationId(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray header = file.read(100);
    if (header.size() < 72 || !header.startsWith(QByteArrayView("SQLite format 3\0", 16)))
        return 0;
    return int(qFromBigEndian<quint32>(header.constData() + 68));
}

// Reads the version (and checks the pages when they were not checked since the file last changed) without
// writing anything, so that a file we must refuse stays byte-for-byte untouched.
FileFacts inspectReadOnly(const QFileInfo &info, bool folderWritable)
{
    const QString path = info.absoluteFilePath();
    FileFacts facts;
    QString failure;
    {
        ScopedConnection connection(
            QStringLiteral("inspect"), readOnlyUri(path, folderWritable),
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMsecs));
        QSqlDatabase &db = connection.db();
        if (!connection.isOpen()) {
            failure = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("PRAGMA application_id")) && query.next()) {
                facts.applicationId = query.value(0).toInt();
                query.exec(QStringLiteral("PRAGMA user_version"));
                query.next();
                facts.userVersion = query.value(0).toInt();
                if (query.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) && query.next())
                    facts.objectCount = query.value(0).toInt();
                else if (facts.applicationId != schema::kApplicationId)
                    failure = query.lastError().text();
                if (facts.applicationId == schema::kApplicationId && !checked_files::passed(path)) {
                    // A 64 MiB page cache (the connections' own size) instead of SQLite's 2 MiB: fewer re-reads.
                    query.exec(QStringLiteral("PRAGMA cache_size = -65536"));
                    facts.damage = integrityProblems(db, IntegrityDepth::Quick);
                    if (facts.damage.isEmpty())
                        checked_files::remember(path);
                }
            } else if (headerApplicationId(path) == schema::kApplicationId) {
                facts.applicationId = schema::kApplicationId;
                facts.damage = QStringList{query.lastError().databaseText()};
                // The version, from a schema read leniently, for the message; nothing is written either way.
                if (query.exec(QStringLiteral("PRAGMA writable_schema = ON")) &&
                    query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
                    facts.userVersion = query.value(0).toInt();
                facts.userVersion = std::min(facts.userVersion, schema::kCurrentVersion);
            } else {
                failure = query.lastError().text();
            }
        }
    }
    if (!failure.isEmpty())
        throw WorkbenchError(QStringLiteral("%1 is not an Escalation Workbench workspace (%2); it was left unchanged.")
                                 .arg(QDir::toNativeSeparators(path), failure));
    return facts;
}

QString damageText(const QString &path, const QStringList &damage)
{
    constexpr qsizetype kShown = 3;
    QString found = damage.mid(0, kShown).join(QStringLiteral("; "));
    if (damage.size() > kShown)
        found += QStringLiteral("; and %1 more").arg(damage.size() - kShown);
    const QString file = QDir::toNativeSeparators(path);
    return QStringLiteral("%1 is damaged (SQLite's check found: %2). It is open for reading only and nothing "
                          "will be written to it. For the full report run `escalation-workbench workspace check "
                          "--db %1`; for a repaired copy, `escalation-workbench workspace recover --db %1 COPY.ewb`.")
        .arg(file, found);
}

QString backupPathFor(const QString &path, int version)
{
    QString candidate = QStringLiteral("%1.v%2.bak").arg(path).arg(version);
    if (QFileInfo::exists(candidate))
        candidate = QStringLiteral("%1.v%2-%3.bak")
                        .arg(path)
                        .arg(version)
                        .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddThhmmss")));
    return candidate;
}

} // namespace

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName))
{}

Database::~Database()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    // What this connection wrote is part of a file that passed its check (or was created here): so is the
    // file as it is now, and the next open need not read every page again.
    rememberChecked();
}

void Database::rememberChecked() const
{
    if (m_kind == StoreKind::SqliteFile && m_access == WorkspaceAccess::Writable && !m_scratch)
        checked_files::remember(m_path);
}

std::unique_ptr<Database> Database::connectPostgres(const QString &location, const std::optional<QString> &password)
{
    const postgres::Location where = postgres::parseLocation(location);
    std::unique_ptr<Database> database(new Database(where.display, uniqueConnectionName(QStringLiteral("pg"))));
    database->m_kind = StoreKind::Postgres;
    database->m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), database->m_connectionName);
    if (!database->m_db.isValid())
        throw WorkbenchError(QStringLiteral("Cannot open %1: Qt's PostgreSQL driver is not installed (Debian "
                                            "package libqt6sql6-psql).")
                                 .arg(where.display));
    database->m_db.setHostName(where.host);
    if (where.port > 0)
        database->m_db.setPort(where.port);
    database->m_db.setDatabaseName(where.database);
    database->m_db.setUserName(where.user);
    if (password || where.password)
        database->m_db.setPassword(password ? *password : *where.password);
    // The application's name shows in pg_stat_activity, so a lead can see who is connected.
    database->m_db.setConnectOptions((where.options.isEmpty() ? QString() : where.options + QLatin1Char(';')) +
                                     QStringLiteral("application_name=escalation-workbench;connect_timeout=10"));
    if (!database->m_db.open())
        throw WorkbenchError(QStringLiteral("Cannot connect to %1: %2")
                                 .arg(where.display, database->m_db.lastError().databaseText().trimmed()));
    // Figures are computed from integers and doubles read back exactly: make sure floats print all digits.
    sql::run(database->m_db, QStringLiteral("SET extra_float_digits = 3"));
    sql::run(database->m_db, QStringLiteral("SET client_min_messages = error"));
    database->m_serverUser = sql::scalar(database->m_db, QStringLiteral("SELECT session_user")).toString();
    return database;
}

std::unique_ptr<Database> Database::initPostgres(const QString &location, const std::optional<QString> &password)
{
    std::unique_ptr<Database> database = connectPostgres(location, password);
    schema::initPostgres(database->m_db);
    database->m_schemaVersion = schema::postgresVersion(database->m_db);
    return database;
}

std::unique_ptr<Database> Database::open(const QString &location, const std::optional<QString> &password)
{
    if (postgres::isLocation(location)) {
        std::unique_ptr<Database> database = connectPostgres(location, password);
        const int version = schema::postgresVersion(database->m_db);
        if (version == 0)
            throw WorkbenchError(QStringLiteral("%1 holds no workspace yet. A lead creates one with "
                                                "`escalation-workbench workspace init %1` (or copies a file there "
                                                "with `workspace copy FILE %1`).")
                                     .arg(database->m_path));
        if (version > schema::kCurrentVersion)
            throw WorkbenchError(QStringLiteral("%1 was written by a newer version of Escalation Workbench (schema "
                                                "%2; this version reads up to %3). Update the workbench to open "
                                                "it; nothing was changed.")
                                     .arg(database->m_path)
                                     .arg(version)
                                     .arg(schema::kCurrentVersion));
        if (version < schema::kCurrentVersion)
            schema::migratePostgres(database->m_db, version);
        database->m_schemaVersion = schema::postgresVersion(database->m_db);
        return database;
    }
    const QString &path = location;
    // Before the first connection of the process: each connection is used by one thread at a time (one per
    // thread, uniquely named), so SQLite's per-call mutexes and allocation statistics are pure cost (~10 %
    // of a bulk import). Ignored (SQLITE_MISUSE) if SQLite was started before, which is harmless.
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    Q_UNUSED(configured);

    const QFileInfo info(path);
    if (info.exists() && info.isDir())
        throw WorkbenchError(
            QStringLiteral("%1 is a folder, not a workspace file.").arg(QDir::toNativeSeparators(path)));

    FileFacts facts;
    QString whyReadOnly;
    WorkspaceAccess access = WorkspaceAccess::Writable;
    bool folderWritable = !markedReadOnly(QFileInfo(info.absolutePath()));
    if (info.exists() && info.size() > 0) {
        facts = inspectReadOnly(info, folderWritable);
        if (facts.applicationId != schema::kApplicationId && facts.objectCount > 0)
            throw WorkbenchError(
                QStringLiteral(
                    "%1 is an SQLite database but not an Escalation Workbench workspace; it was left unchanged.")
                    .arg(QDir::toNativeSeparators(path)));
        if (facts.userVersion > schema::kCurrentVersion)
            throw WorkbenchError(
                QStringLiteral("%1 was written by a newer version of Escalation Workbench (schema %2; this version "
                               "reads up to %3). Update the workbench to open it; the file was left unchanged.")
                    .arg(QDir::toNativeSeparators(path))
                    .arg(facts.userVersion)
                    .arg(schema::kCurrentVersion));
        if (!facts.damage.isEmpty()) {
            access = WorkspaceAccess::Damaged;
            whyReadOnly = damageText(info.absoluteFilePath(), facts.damage);
        } else if (const QString reason = whyNotWritable(info); !reason.isEmpty()) {
            access = WorkspaceAccess::ReadOnly;
            whyReadOnly = QStringLiteral("%1 is open for reading only: %2.")
                              .arg(QDir::toNativeSeparators(info.absoluteFilePath()), reason);
        }
        if (access != WorkspaceAccess::Writable && facts.userVersion < schema::kCurrentVersion)
            throw WorkbenchError(
                QStringLiteral("%1 was written by an older version of Escalation Workbench (schema %2) and must be "
                               "upgraded before this version can read it, which it cannot be: %3 The file was left "
                               "unchanged.")
                    .arg(QDir::toNativeSeparators(path))
                    .arg(facts.userVersion)
                    .arg(access == WorkspaceAccess::Damaged ? QStringLiteral("it is damaged; recover it first "
                                                                             "(`workspace recover`).")
                                                            : whyReadOnly + QStringLiteral(" Copy it to a folder "
                                                                                           "you can write.")));
    } else if (!info.absoluteDir().exists() && !QDir().mkpath(info.absolutePath())) {
        throw WorkbenchError(
            QStringLiteral("Cannot create the folder %1.").arg(QDir::toNativeSeparators(info.absolutePath())));
    } else if (folderWritable = !markedReadOnly(QFileInfo(info.absolutePath())); !folderWritable) {
        throw WorkbenchError(QStringLiteral("Cannot create %1: the folder %2 is read-only.")
                                 .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(info.absolutePath())));
    }

    std::unique_ptr<Database> database(
        new Database(info.absoluteFilePath(), uniqueConnectionName(QStringLiteral("rw"))));
    database->m_access = access;
    database->m_whyReadOnly = whyReadOnly;
    database->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_connectionName);
    if (access == WorkspaceAccess::Writable) {
        database->m_db.setDatabaseName(database->m_path);
        database->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMsecs));
    } else {
        // Read-only at SQLite's level too: whatever a caller forgets, SQLite itself refuses to write.
        database->m_db.setDatabaseName(
            readOnlyUri(info.absoluteFilePath(), folderWritable && access == WorkspaceAccess::ReadOnly));
        database->m_db.setConnectOptions(
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMsecs));
    }
    if (!database->m_db.open())
        throw WorkbenchError(QStringLiteral("Cannot open %1: %2")
                                 .arg(QDir::toNativeSeparators(path), database->m_db.lastError().text()));
    if (access != WorkspaceAccess::Writable) {
        database->configureReadOnlyConnection();
        database->m_schemaVersion = facts.userVersion;
        return database;
    }
    if (facts.userVersion == 0 && facts.objectCount == 0) {
        // A new file: pages of 16 KiB hold several transcript turns each, which cuts the B-tree work of loading
        // messages. It must be set before WAL writes the file's first page.
        sql::run(database->m_db, QStringLiteral("PRAGMA page_size = 16384"));
    }
    database->configureConnection();
    database->migrate(facts.userVersion);
    return database;
}

void Database::setBusyTimeout(int msecs)
{
    if (m_kind == StoreKind::Postgres) { // a row lock another session holds: wait this long, then refuse
        sql::run(m_db, QStringLiteral("SET lock_timeout = %1").arg(msecs));
        return;
    }
    // PRAGMA takes no bound values; msecs is an int, never text from outside.
    sql::run(m_db, QStringLiteral("PRAGMA busy_timeout = %1").arg(msecs));
}

void Database::requireWritable(const QString &action) const
{
    if (!isWritable())
        throw WorkbenchError(QStringLiteral("%1 is not possible: %2").arg(action, m_whyReadOnly));
}

pg_conn *Database::postgresConnection() const
{
    return m_kind == StoreKind::Postgres ? postgres::connectionOf(m_db.driver()) : nullptr;
}

sqlite3 *Database::handle() const
{
    if (m_kind != StoreKind::SqliteFile)
        return nullptr;
    const QVariant value = m_db.driver()->handle();
    if (!value.isValid() || qstrcmp(value.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(value.constData());
}

void Database::configureReadOnlyConnection()
{
    QSqlQuery pragma(m_db);
    // A damaged file's schema is read leniently, so that what can still be read is shown (the connection
    // cannot write, so the pragma's other power is moot). Best effort: a pragma that fails costs only speed.
    if (m_access == WorkspaceAccess::Damaged)
        pragma.exec(QStringLiteral("PRAGMA writable_schema = ON"));
    for (const char *statement :
         {"PRAGMA foreign_keys = ON", "PRAGMA temp_store = FILE", "PRAGMA cache_size = -65536", "PRAGMA threads = 2"})
        pragma.exec(QLatin1String(statement));
}

void Database::configureConnection()
{
    const QString mode = sql::scalar(m_db, QStringLiteral("PRAGMA journal_mode = WAL")).toString();
    if (mode.compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
        throw WorkbenchError(QStringLiteral("Cannot switch %1 to write-ahead logging (journal mode is %2); "
                                            "is the folder on a network share?")
                                 .arg(QDir::toNativeSeparators(m_path), mode));
    sql::run(m_db, QStringLiteral("PRAGMA foreign_keys = ON"));
    sql::run(m_db, QStringLiteral("PRAGMA synchronous = NORMAL"));
    // PRAGMA takes no bound values: the numbers below are compile-time constants, never data.
    sql::run(m_db, QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMsecs));
    sql::run(m_db, QStringLiteral("PRAGMA temp_store = FILE"));
    sql::run(m_db, QStringLiteral("PRAGMA cache_size = -65536")); // 64 MiB page cache
    sql::run(m_db, QStringLiteral("PRAGMA threads = 2"));         // sorts for CREATE INDEX on two cores
}

void Database::migrate(int foundVersion)
{
    if (foundVersion < schema::kCurrentVersion) {
        if (foundVersion > 0) {
            // VACUUM INTO takes a consistent snapshot, including pages still in the WAL.
            m_backupPath = backupPathFor(m_path, foundVersion);
            sql::run(m_db, QStringLiteral("VACUUM INTO :target"), {{":target", m_backupPath}});
        } else {
            sql::run(m_db, QStringLiteral("PRAGMA application_id = %1").arg(schema::kApplicationId));
        }

        schema::migrate(m_db, foundVersion);
    }
    m_schemaVersion = sql::scalar(m_db, QStringLiteral("PRAGMA user_version")).toInt();
}

} // namespace workbench
