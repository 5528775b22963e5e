#include "TestSupport.h"

#include "demo/DemoGenerator.h"
#include "store/Database.h"
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
