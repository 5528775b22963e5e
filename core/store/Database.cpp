#include "Database.h"

#include "Schema.h"
#include "Sql.h"
#include "common/WorkbenchError.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <sqlite3.h>

namespace workbench {
namespace {

constexpr int kBusyTimeoutMsecs = 10000;

QString uniqueConnectionName(const QString &purpose)
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("workbench-%1-%2-%3")
        .arg(purpose)
        .arg(quintptr(QThread::currentThreadId()))
        .arg(counter.fetchAndAddRelaxed(1));
}

struct FileFacts {
    int userVersion = 0;
    int applicationId = 0;
    int objectCount = 0;
};

// Reads the version without writing anything, so that a file we must refuse stays byte-for-byte untouched.
FileFacts inspectReadOnly(const QString &path)
{
    const QString name = uniqueConnectionName(QStringLiteral("inspect"));
    FileFacts facts;
    QString failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMsecs));
        if (!db.open()) {
            failure = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next()) {
                facts.userVersion = query.value(0).toInt();
                query.exec(QStringLiteral("PRAGMA application_id"));
                query.next();
                facts.applicationId = query.value(0).toInt();
                query.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema"));
                query.next();
                facts.objectCount = query.value(0).toInt();
            } else {
                failure = query.lastError().text();
            }
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    if (!failure.isEmpty())
        throw WorkbenchError(QStringLiteral("%1 is not an Escalation Workbench workspace (%2).")
                                 .arg(QDir::toNativeSeparators(path), failure));
    return facts;
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
}

std::unique_ptr<Database> Database::open(const QString &path)
{
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
    if (info.exists() && info.size() > 0) {
        facts = inspectReadOnly(path);
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
    } else if (!info.absoluteDir().exists() && !QDir().mkpath(info.absolutePath())) {
        throw WorkbenchError(
            QStringLiteral("Cannot create the folder %1.").arg(QDir::toNativeSeparators(info.absolutePath())));
    }

    std::unique_ptr<Database> database(
        new Database(info.absoluteFilePath(), uniqueConnectionName(QStringLiteral("rw"))));
    database->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_connectionName);
    database->m_db.setDatabaseName(database->m_path);
    database->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMsecs));
    if (!database->m_db.open())
        throw WorkbenchError(QStringLiteral("Cannot open %1: %2")
                                 .arg(QDir::toNativeSeparators(path), database->m_db.lastError().text()));
    if (facts.userVersion == 0 && facts.objectCount == 0) {
        // A new file: pages of 16 KiB hold several transcript turns each, which cuts the B-tree work of loading
        // messages. It must be set before WAL writes the file's first page.
        sql::run(database->m_db, QStringLiteral("PRAGMA page_size = 16384"));
    }
    database->configureConnection();
    database->migrate(facts.userVersion);
    return database;
}

sqlite3 *Database::handle() const
{
    const QVariant value = m_db.driver()->handle();
    if (!value.isValid() || qstrcmp(value.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(value.constData());
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
