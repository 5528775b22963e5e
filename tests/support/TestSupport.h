#pragma once

#include "common/Clock.h"
#include "import/ImportJob.h"
#include "review/Tagging.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace workbench {
class Database;
}

namespace workbench::test {

/// A file under tests/data.
QString dataPath(const QString &name);

/// A folder removed after the test, holding workspaces and exports.
class TempFolder {
public:
    TempFolder();
    QString path(const QString &name = QStringLiteral("workspace.ewb")) const;

private:
    QTemporaryDir m_dir;
};

/// "Now" for every test: Tuesday 2026-11-24 12:00 UTC, so the last full month is 2026-10.
inline QDateTime testNow()
{
    return QDateTime(QDate(2026, 11, 24), QTime(12, 0), QTimeZone::utc());
}

/// SHA-256 of a file's bytes (empty when it cannot be read).
QByteArray fileSha256(const QString &path);

/// A B-tree page of `object` (a table or index name) of `pageType` ("leaf", "internal"): the second such page,
/// found with SQLite's dbstat on a read-only connection; -1 when there is none.
qint64 pageOf(const QString &path, const QString &object, const QString &pageType = QStringLiteral("leaf"));

/// Overwrites the cell count of `page` of a closed workspace (16 KiB pages), the way a bad sector or a torn write
/// garbles a page; fails the test when the file cannot be written.
void garblePage(const QString &path, qint64 page);

/// An import of `files` with every other option at its default.
inline ImportRequest importOf(const QStringList &files)
{
    ImportRequest request;
    request.files = files;
    return request;
}

/// A tag of `verdict` on `conversationId` by `reviewer`, nothing else set.
inline TagRequest tagRequest(const QString &conversationId, Verdict verdict,
                             const QString &reviewer = QStringLiteral("Dana"))
{
    TagRequest request;
    request.conversationId = conversationId;
    request.reviewer = reviewer;
    request.verdict = verdict;
    return request;
}

/// The first column of the first row of `statement` on `db`, failing the test on an SQL error.
QVariant queryValue(Database &db, const QString &statement);

/// Writes a workspace file as a future version of the workbench would leave it (schema `version`).
void makeNewerWorkspace(const QString &path, int version);

/// A digest of every row of every table: equal digests, equal workspace content.
QByteArray workspaceDigest(Database &db);

/// Writes `content` to `path` (creating folders), failing the test on error.
QString writeFile(const QString &path, const QByteArray &content);

/// A workspace filled with the default-shaped demo data, for GUI and CLI tests.
void makeDemoWorkspace(const QString &path, qint64 conversations, int months, quint64 seed = 1);

/// Draws random samples of escalated and kept conversations (seed 11) in each ISO week and tags them all:
/// Dana says false for escalated ids ending in a multiple of 5, missed for kept ids ending in a multiple of 8;
/// Lee repeats the first 12 of each sample with one disagreement, so that agreement has pairs.
void reviewRandomSamples(Database &db, const QStringList &weeks);

/// The workspace of the metrics, page and report tests: 6,000 demo conversations over four months to 2026-10,
/// with the random samples of 2026-W41 and 2026-W42 reviewed as reviewRandomSamples does.
void makeReviewedDemoWorkspace(const QString &path);

/// What a run of a program printed and returned (-1 when it crashed).
struct ProgramRun {
    int exitCode = -1;
    QString out;
    QString err;
};
/// Runs `program` to its end with `arguments` in `environment`; a run that hangs stops the test program.
ProgramRun runProgram(const QString &program, const QStringList &arguments,
                      const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

} // namespace workbench::test

/// QVERIFY for a QSqlQuery call, printing the driver's error on failure.
#define QVERIFY_SQL(query, call)                                                                                       \
    QVERIFY2((query).call, qPrintable((query).lastError().text() + QStringLiteral(" in: ") + (query).lastQuery()))
