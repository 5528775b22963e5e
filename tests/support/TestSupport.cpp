#include "TestSupport.h"

#include "demo/DemoGenerator.h"
#include "store/Database.h"
#include "store/Schema.h"
#include "store/Sql.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

namespace workbench::test {

QString dataPath(const QString &name)
{
    return QDir(QStringLiteral(WORKBENCH_TEST_DATA_DIR)).filePath(name);
}

TempFolder::TempFolder()
{
    if (!m_dir.isValid())
        qFatal("cannot create a temporary folder");
}

QString TempFolder::path(const QString &name) const
{
    return m_dir.filePath(name);
}

QByteArray fileSha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

QVariant queryValue(Database &db, const QString &statement)
{
    QSqlQuery query(db.sql());
    if (!query.exec(statement) || !query.next()) {
        qWarning("SQL failed: %s in %s", qPrintable(query.lastError().text()), qPrintable(statement));
        return {};
    }
    return query.value(0);
}

void makeNewerWorkspace(const QString &path, int version)
{
    const QString name = QStringLiteral("newer-workspace");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot create %s", qPrintable(path));
        QSqlQuery query(db);
        for (const QString &statement : {QStringLiteral("PRAGMA application_id = %1").arg(schema::kApplicationId),
                                         QStringLiteral("PRAGMA user_version = %1").arg(version),
                                         QStringLiteral("CREATE TABLE IF NOT EXISTS table_of_the_future (x)")}) {
            if (!query.exec(statement))
                qFatal("%s", qPrintable(query.lastError().text()));
        }
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void makeDemoWorkspace(const QString &path, qint64 conversations, int months, quint64 seed)
{
    const FixedClock clock(testNow());
    auto database = Database::open(path);
    DemoOptions options;
    options.conversations = conversations;
    options.months = months;
    options.seed = seed;
    fillDemoWorkspace(*database, options, clock);
}

} // namespace workbench::test
