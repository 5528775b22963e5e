#include "TestSupport.h"

#include "demo/DemoGenerator.h"
#include "review/Sampling.h"
#include "review/Tagging.h"
#include "store/Database.h"
#include "store/Schema.h"
#include "store/ScopedConnection.h"
#include "store/Sql.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlRecord>

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

qint64 pageOf(const QString &path, const QString &object, const QString &pageType)
{
    ScopedConnection connection(QStringLiteral("test-pages"), path, QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!connection.isOpen())
        return -1;
    QSqlQuery query(connection.db());
    query.prepare(QStringLiteral("SELECT pageno FROM dbstat WHERE name = :name AND pagetype = :type"
                                 " ORDER BY pageno LIMIT 1 OFFSET 1"));
    query.bindValue(QStringLiteral(":name"), object);
    query.bindValue(QStringLiteral(":type"), pageType);
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

void garblePage(const QString &path, qint64 page)
{
    constexpr qint64 kPageSize = 16384; // what Database::open gives a new workspace
    QVERIFY(page > 1);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek((page - 1) * kPageSize + 3));
    QCOMPARE(file.write("\xff\x7f", 2), qint64(2));
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

QByteArray workspaceDigest(Database &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QStringList tables;
    {
        QSqlQuery query(db.sql());
        query.exec(QStringLiteral(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"));
        while (query.next())
            tables << query.value(0).toString();
    }
    for (const QString &table : tables) {
        QSqlQuery query(db.sql());
        query.exec(QStringLiteral("SELECT * FROM \"%1\" LIMIT 0").arg(table));
        const int columns = query.record().count();
        QStringList order;
        for (int i = 1; i <= columns; ++i)
            order << QString::number(i);
        // Table names come from sqlite_schema, not from data; the ORDER BY makes the digest independent of storage.
        if (!query.exec(QStringLiteral("SELECT * FROM \"%1\" ORDER BY %2").arg(table, order.join(u','))))
            qFatal("%s", qPrintable(query.lastError().text()));
        hash.addData(table.toUtf8());
        while (query.next()) {
            for (int i = 0; i < columns; ++i) {
                const QVariant value = query.value(i);
                hash.addData(value.isNull() ? QByteArray("\x01null") : value.toString().toUtf8());
                hash.addData(QByteArrayView("\x1f"));
            }
        }
    }
    hash.addData(QByteArray::number(queryValue(db, QStringLiteral("PRAGMA user_version")).toInt()));
    return hash.result().toHex();
}

QString writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
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

void reviewRandomSamples(Database &db, const QStringList &weeks)
{
    for (const QString &week : weeks) {
        for (Population population : {Population::Escalated, Population::Contained}) {
            SampleRequest request;
            request.period = *Period::parse(week);
            request.population = population;
            request.seed = 11;
            const Sample sample = drawSample(db, request);
            const bool escalated = population == Population::Escalated;
            int n = 0;
            for (const QString &id : sample.conversationIds) {
                const int digits = id.right(2).toInt();
                const Verdict verdict =
                    escalated ? (digits % 5 == 0 ? Verdict::FalseEscalation : Verdict::CorrectEscalation)
                              : (digits % 8 == 0 ? Verdict::MissedEscalation : Verdict::CorrectResolution);
                addTag(db, {id, QStringLiteral("Dana"), verdict, {}, {}, 1000 + n, {}, {}});
                if (n < 12) {
                    Verdict other = verdict;
                    if (n == 3) {
                        const Verdict pair[2] = {escalated ? Verdict::CorrectEscalation : Verdict::CorrectResolution,
                                                 escalated ? Verdict::FalseEscalation : Verdict::MissedEscalation};
                        other = verdict == pair[0] ? pair[1] : pair[0];
                    }
                    addTag(db, {id, QStringLiteral("Lee"), other, {}, {}, 500 + n, {}, {}});
                }
                ++n;
            }
        }
    }
}

void makeReviewedDemoWorkspace(const QString &path)
{
    makeDemoWorkspace(path, 6000, 4);
    auto db = Database::open(path);
    reviewRandomSamples(*db, {QStringLiteral("2026-W41"), QStringLiteral("2026-W42")});
}

ProgramRun runProgram(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(120000))
        qFatal("%s did not finish", qPrintable(program));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace workbench::test
