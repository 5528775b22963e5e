// Samples (random reproducible, targeted ranked), verdict validity, tag history, tags import/export.
#include "TestSupport.h"
#include "common/WorkbenchError.h"
#include "import/CanonicalWriter.h"
#include "import/ImportJob.h"
#include "review/ConversationDetails.h"
#include "review/ReasonCodes.h"
#include "review/ReviewBadges.h"
#include "review/ReviewDrafts.h"
#include "review/SampleItems.h"
#include "review/Sampling.h"
#include "review/Tagging.h"
#include "store/ConversationWriter.h"
#include "store/Database.h"
#include "store/DerivedFacts.h"
#include "store/Sql.h"
#include "store/Transaction.h"

#include <QProcess>
#include <QSet>
#include <QTest>

#include <csignal>

using namespace workbench;
using workbench::test::queryValue;

namespace {

const qint64 kWeek40 =
    QDateTime(QDate(2026, 9, 30), QTime(10, 0), QTimeZone::utc()).toMSecsSinceEpoch(); // Wednesday of 2026-W40

SampleRequest request(SampleMethod method, Population population, qint64 size,
                      std::optional<quint64> seed = std::nullopt)
{
    SampleRequest r;
    r.period = *Period::parse(QStringLiteral("2026-W40"));
    r.population = population;
    r.method = method;
    r.size = size;
    r.seed = seed;
    return r;
}

} // namespace

class TestReview : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void randomIsReproducibleUniqueAndInPopulation();
    void askingForMoreThanThePopulationTakesAll();
    void targetedOrder();
    void lastFullWeek();
    void verdictsMustFit();
    void historyKeepsEveryChange();
    void tagsExportAndImportRoundTrip();
    void tagsImportIsAllOrNothing();
    void everythingSetSurvivesARoundTrip();
    void cellsAreSafeInASpreadsheet_data();
    void cellsAreSafeInASpreadsheet();
    void demoExportCellsAreSafeInASpreadsheet();
    void draftsAreKeptPerReviewerUntilCommitted();
    void adjudicationBecomesTheVerdict();
    void aSampleOfTheSameWeekIsFound();
    void aTagSurvivesAKill();
    void detailsOfAConversation();
    void undoAndRedoAreKeptInHistory();
    void sampleListAndProgress();
    void reasonCodesPerVerdictAndCategory();
    void badgesOfAConversation();

private:
    test::TempFolder m_folder;
    std::unique_ptr<Database> m_db;
};

void TestReview::initTestCase()
{
    m_db = Database::open(m_folder.path());
    Transaction transaction(*m_db);
    ConversationWriter writer(*m_db);
    // 2026-W40: 200 escalated (E-000..E-199) and the contained candidates below; 30 escalated the week after.
    for (int i = 0; i < 200; ++i) {
        Conversation c;
        c.conversationId = QStringLiteral("E-%1").arg(i, 3, 10, QLatin1Char('0'));
        c.createdAtMsecs = kWeek40 + i * 1000;
        c.escalated = true;
        writer.write(c);
    }
    for (int i = 0; i < 30; ++i) {
        Conversation c;
        c.conversationId = QStringLiteral("L-%1").arg(i);
        c.createdAtMsecs = kWeek40 + 7LL * 24 * 3600 * 1000;
        c.escalated = true;
        writer.write(c);
    }
    // Contained candidates, for the targeted order: (csat, follow-up, confidence).
    struct Candidate {
        const char *id;
        std::optional<int> csat;
        bool followup;
        std::optional<double> confidence;
    };
    const Candidate candidates[] = {
        {"K-a", 1, false, 0.9},           {"K-b", 1, true, 0.9},           {"K-c", 1, true, 0.2},
        {"K-d", std::nullopt, true, 0.1}, {"K-e", 2, false, std::nullopt}, {"K-f", 2, false, 0.5},
        {"K-g", 1, true, std::nullopt},   {"K-h", 1, true, 0.2},
    };
    for (const Candidate &candidate : candidates) {
        Conversation c;
        c.conversationId = QString::fromLatin1(candidate.id);
        c.createdAtMsecs = kWeek40;
        c.csat = candidate.csat;
        c.aiConfidence = candidate.confidence;
        writer.write(c);
        if (candidate.followup) {
            c.conversationId += QStringLiteral("-again");
            c.createdAtMsecs += 3600 * 1000;
            c.customerId = QString::fromLatin1(candidate.id);
            c.csat.reset();
            c.aiConfidence.reset();
            writer.write(c);
            // The first contact gets the same customer so that it has a follow-up.
            Conversation first;
            first.conversationId = QString::fromLatin1(candidate.id);
            first.createdAtMsecs = kWeek40;
            first.customerId = QString::fromLatin1(candidate.id);
            first.presentFields = fieldBit(Field::ConversationId) | fieldBit(Field::CustomerId);
            writer.write(first);
        }
    }
    recomputeFollowups(*m_db);
    transaction.commit();
}

void TestReview::randomIsReproducibleUniqueAndInPopulation()
{
    const Sample first = drawSample(*m_db, request(SampleMethod::Random, Population::Escalated, 50, 7));
    const Sample again = drawSample(*m_db, request(SampleMethod::Random, Population::Escalated, 50, 7));
    const Sample other = drawSample(*m_db, request(SampleMethod::Random, Population::Escalated, 50, 8));
    QCOMPARE(first.conversationIds, again.conversationIds);
    QVERIFY(first.conversationIds != other.conversationIds);
    QCOMPARE(first.conversationIds.size(), 50);
    QCOMPARE(QSet<QString>(first.conversationIds.begin(), first.conversationIds.end()).size(), 50);
    for (const QString &id : first.conversationIds)
        QVERIFY2(id.startsWith(QStringLiteral("E-")), qPrintable(id)); // the week's escalated only
    QCOMPARE(first.populationSize, 200);
    // Stored: the seed and the items in draw order.
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT seed FROM samples WHERE id = %1").arg(first.id)).toLongLong(), 7);
    QCOMPARE(
        queryValue(*m_db,
                   QStringLiteral(
                       "SELECT c.conversation_id FROM sample_items i JOIN conversations c ON c.id = i.conversation_ref"
                       " WHERE i.sample_id = %1 AND i.position = 0")
                       .arg(first.id))
            .toString(),
        first.conversationIds.first());
    // No seed given: one is chosen and stored, and it reproduces the draw.
    const Sample chosen = drawSample(*m_db, request(SampleMethod::Random, Population::Escalated, 20));
    QVERIFY(chosen.seed);
    QCOMPARE(drawSample(*m_db, request(SampleMethod::Random, Population::Escalated, 20, chosen.seed)).conversationIds,
             chosen.conversationIds);
    // Uniform: over many seeds every conversation is drawn about equally often (50 of 200 each time).
    QHash<QString, int> drawn;
    for (quint64 seed = 100; seed < 300; ++seed) {
        for (const QString &id :
             drawSample(*m_db, request(SampleMethod::Random, Population::Escalated, 50, seed)).conversationIds)
            ++drawn[id];
    }
    for (auto it = drawn.cbegin(); it != drawn.cend(); ++it)
        QVERIFY2(it.value() > 25 && it.value() < 80,
                 qPrintable(it.key() + QLatin1Char(' ') + QString::number(it.value())));
    QCOMPARE(drawn.size(), 200);
}

void TestReview::askingForMoreThanThePopulationTakesAll()
{
    QCOMPARE(populationSize(*m_db, *Period::parse(QStringLiteral("2026-W40")), Population::Escalated), 200);
    QCOMPARE(populationSize(*m_db, *Period::parse(QStringLiteral("2026-W41")), Population::Escalated), 30);
    // An empty population is refused with where the data is; nothing is stored.
    QCOMPARE(*latestIsoWeekWith(*m_db, Population::Escalated), *Period::parse(QStringLiteral("2026-W41")));
    const qint64 samplesBefore = queryValue(*m_db, QStringLiteral("SELECT count(*) FROM samples")).toLongLong();
    SampleRequest empty = request(SampleMethod::Random, Population::Escalated, 50);
    empty.period = *Period::parse(QStringLiteral("2026-W47"));
    try {
        drawSample(*m_db, empty);
        QFAIL("an empty population was sampled");
    } catch (const WorkbenchError &error) {
        QVERIFY2(error.message().contains(QStringLiteral("2026-W41")), qPrintable(error.message()));
    }
    QCOMPARE(queryValue(*m_db, QStringLiteral("SELECT count(*) FROM samples")).toLongLong(), samplesBefore);
    const Sample sample = drawSample(*m_db, request(SampleMethod::Random, Population::Contained, 50, 1));
    QCOMPARE(sample.conversationIds.size(), sample.populationSize);
    QVERIFY(sample.warning.contains(QStringLiteral("Asked for 50")));
    QVERIFY_THROWS_EXCEPTION(WorkbenchError,
                             drawSample(*m_db, request(SampleMethod::Random, Population::Contained, 0)));
}

void TestReview::targetedOrder()
{
    // CSAT ascending (unrated last), then a follow-up first, then confidence ascending (missing last), then id.
    const Sample sample = drawSample(*m_db, request(SampleMethod::Targeted, Population::Contained, 8));
    QVERIFY(!sample.seed);
    QCOMPARE(sample.conversationIds.mid(0, 8),
             (QStringList{QStringLiteral("K-c"), QStringLiteral("K-h"), QStringLiteral("K-b"), QStringLiteral("K-g"),
                          QStringLiteral("K-a"), QStringLiteral("K-f"), QStringLiteral("K-e"), QStringLiteral("K-d")}));
    QVERIFY(queryValue(*m_db, QStringLiteral("SELECT seed FROM samples WHERE id = %1").arg(sample.id)).isNull());
}

void TestReview::lastFullWeek()
{
    QCOMPARE(lastFullIsoWeek(test::testNow()).key(), QStringLiteral("2026-W47")); // Tuesday 24 November is in W48
}

void TestReview::verdictsMustFit()
{
    QCOMPARE(verdictsFor(true).right, Verdict::CorrectEscalation);
    QCOMPARE(verdictsFor(true).wrong, Verdict::FalseEscalation);
    QCOMPARE(verdictsFor(false).right, Verdict::CorrectResolution);
    QCOMPARE(verdictsFor(false).wrong, Verdict::MissedEscalation);
    for (Verdict verdict :
         {Verdict::CorrectEscalation, Verdict::FalseEscalation, Verdict::CorrectResolution, Verdict::MissedEscalation})
        QVERIFY(verdictFits(verdict, true) != verdictFits(verdict, false)); // each verdict fits one population
    QCOMPARE(validVerdicts(false), QStringLiteral("correct_resolution or missed_escalation"));
    const QByteArray before = test::workspaceDigest(*m_db);
    TagRequest missedOnEscalated{
        QStringLiteral("E-001"), QStringLiteral("Dana"), Verdict::MissedEscalation, {}, {}, 1000, {}, {}};
    try {
        addTag(*m_db, missedOnEscalated);
        QFAIL("missed_escalation was stored on an escalated conversation");
    } catch (const WorkbenchError &error) {
        QVERIFY2(error.message().contains(QStringLiteral("correct_escalation or false_escalation")),
                 qPrintable(error.message()));
    }
    TagRequest unknown{
        QStringLiteral("nope"), QStringLiteral("Dana"), Verdict::CorrectResolution, {}, {}, 1000, {}, {}};
    QVERIFY_THROWS_EXCEPTION(WorkbenchError, addTag(*m_db, unknown));
    QCOMPARE(test::workspaceDigest(*m_db), before);
}

void TestReview::historyKeepsEveryChange()
{
    addTag(*m_db, {QStringLiteral("E-002"),
                   QStringLiteral("Dana"),
                   Verdict::FalseEscalation,
                   QStringLiteral("tracking data was available"),
                   {},
                   1000,
                   {},
                   {}});
    addTag(*m_db, {QStringLiteral("E-002"),
                   QStringLiteral("Eli"),
                   Verdict::CorrectEscalation,
                   {},
                   QStringLiteral("needed a refund"),
                   2000,
                   {},
                   {}});
    QCOMPARE(currentVerdict(*m_db, QStringLiteral("E-002")), std::optional<Verdict>(Verdict::CorrectEscalation));
    QSqlQuery history = sql::run(
        m_db->sql(),
        QStringLiteral("SELECT h.reviewer, h.action, h.from_verdict, h.to_verdict, h.changed_at FROM tag_history h"
                       " JOIN conversations c ON c.id = h.conversation_ref WHERE c.conversation_id = 'E-002'"
                       " ORDER BY h.id"));
    QVERIFY(history.next());
    QCOMPARE(history.value(0).toString(), QStringLiteral("Dana"));
    QCOMPARE(history.value(1).toString(), QStringLiteral("set"));
    QVERIFY(history.value(2).isNull());
    QCOMPARE(history.value(3).toString(), QStringLiteral("false_escalation"));
    QVERIFY(history.next());
    QCOMPARE(history.value(0).toString(), QStringLiteral("Eli"));
    QCOMPARE(history.value(1).toString(), QStringLiteral("change"));
    QCOMPARE(history.value(2).toString(), QStringLiteral("false_escalation"));
    QCOMPARE(history.value(3).toString(), QStringLiteral("correct_escalation"));
    QCOMPARE(history.value(4).toLongLong(), 2000);
    // Both tags are kept (for agreement); the latest is the verdict.
    QCOMPARE(
        queryValue(*m_db, QStringLiteral("SELECT count(*) FROM tags t JOIN conversations c ON c.id = t.conversation_ref"
                                         " WHERE c.conversation_id = 'E-002'"))
            .toInt(),
        2);
}

void TestReview::tagsExportAndImportRoundTrip()
{
    addTag(*m_db, {QStringLiteral("K-a"),
                   QStringLiteral("Dana"),
                   Verdict::MissedEscalation,
                   QStringLiteral("loop"),
                   QStringLiteral("said \"no\", twice"),
                   3000,
                   {},
                   {}});
    const QString csv = m_folder.path(QStringLiteral("tags.csv"));
    const qint64 written = exportTags(*m_db, csv);
    QCOMPARE(written, queryValue(*m_db, QStringLiteral("SELECT count(*) FROM tags")).toLongLong());
    // Into another workspace with the same conversations.
    auto other = Database::open(m_folder.path(QStringLiteral("other.ewb")));
    {
        Transaction transaction(*other);
        ConversationWriter writer(*other);
        for (const char *id : {"E-002", "K-a"}) {
            Conversation c;
            c.conversationId = QString::fromLatin1(id);
            c.createdAtMsecs = kWeek40;
            c.escalated = QLatin1String(id).startsWith(QLatin1Char('E'));
            writer.write(c);
        }
        transaction.commit();
    }
    const FixedClock clock(test::testNow());
    const TagsImportSummary summary = importTags(*other, csv, clock);
    QCOMPARE(summary.added, written);
    QCOMPARE(currentVerdict(*other, QStringLiteral("E-002")), std::optional<Verdict>(Verdict::CorrectEscalation));
    QCOMPARE(queryValue(*other, QStringLiteral("SELECT note FROM tags WHERE verdict = 'missed_escalation'")).toString(),
             QStringLiteral("said \"no\", twice"));
    // Identical in all six fields: stored once.
    const TagsImportSummary again = importTags(*other, csv, clock);
    QCOMPARE(again.added, 0);
    QCOMPARE(again.alreadyStored, written);
    QCOMPARE(queryValue(*other, QStringLiteral("SELECT count(*) FROM tags")).toLongLong(), written);
    QCOMPARE(queryValue(*other, QStringLiteral("SELECT action FROM tag_history LIMIT 1")).toString(),
             QStringLiteral("import"));
}

namespace {

/// Two conversations with turns and categories, for what a reviewer sets beside the verdict.
std::unique_ptr<Database> workspaceWithTurns(const QString &path)
{
    auto db = Database::open(path);
    Transaction transaction(*db);
    ConversationWriter writer(*db);
    for (const char *id : {"T-kept", "T-esc"}) {
        Conversation c;
        c.conversationId = QString::fromLatin1(id);
        c.createdAtMsecs = kWeek40;
        c.escalated = QLatin1String(id) == QLatin1String("T-esc");
        c.category = c.escalated ? QStringLiteral("Returns") : QStringLiteral("Order status");
        for (int turn = 0; turn < 6; ++turn)
            c.messages.push_back({turn % 2 ? Role::Ai : Role::Customer, QStringLiteral("turn %1").arg(turn + 1),
                                  std::nullopt, QString()});
        writer.write(c);
    }
    transaction.commit();
    return db;
}

} // namespace

void TestReview::everythingSetSurvivesARoundTrip()
{
    const test::TempFolder folder;
    auto source = workspaceWithTurns(folder.path(QStringLiteral("source.ewb")));
    TagRequest missed{QStringLiteral("T-kept"),
                      QStringLiteral("Dana"),
                      Verdict::MissedEscalation,
                      QStringLiteral("loop"),
                      QStringLiteral("=SUM(A1) \"quoted\", twice\nsecond line"),
                      5000,
                      3,
                      QStringLiteral("returns")};
    addTag(*source, missed);
    TagRequest adjudicated{QStringLiteral("T-esc"),
                           QStringLiteral("Lee"),
                           Verdict::FalseEscalation,
                           QStringLiteral("kb_article_existed"),
                           QStringLiteral("-1 for the bot"),
                           6000,
                           {},
                           QString()};
    adjudicated.role = TagRole::Adjudication;
    addTag(*source, adjudicated);
    // A take-over turn past the end, on the wrong verdict, or an unknown category is refused, nothing stored.
    TagRequest bad = missed;
    bad.takeoverSeq = 6;
    QVERIFY_THROWS_EXCEPTION(WorkbenchError, addTag(*source, bad));
    bad = adjudicated;
    bad.takeoverSeq = 1;
    QVERIFY_THROWS_EXCEPTION(WorkbenchError, addTag(*source, bad));
    bad = missed;
    bad.correctedCategory = QStringLiteral("No such category");
    QVERIFY_THROWS_EXCEPTION(WorkbenchError, addTag(*source, bad));
    QCOMPARE(queryValue(*source, QStringLiteral("SELECT count(*) FROM tags")).toInt(), 2);

    const QString csv = folder.path(QStringLiteral("tags.csv"));
    QCOMPARE(exportTags(*source, csv), 2);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.startsWith(QByteArray(QByteArray(kTagsCsvHeader) + "\n")));
    // The category is written as stored ("Order status" corrected to "Returns"), the turn as the transcript numbers it.
    QVERIFY2(content.contains(",Returns,4,review\n"), content.constData());
    QVERIFY2(content.contains(",'-1 for the bot,1970-"), content.constData());
    QVERIFY2(content.contains(",,,adjudication\n"), content.constData());

    auto copy = workspaceWithTurns(folder.path(QStringLiteral("copy.ewb")));
    const FixedClock clock(test::testNow());
    QCOMPARE(importTags(*copy, csv, clock).added, 2);
    const auto tagsOf = [](Database &db) {
        QStringList rows;
        QSqlQuery query(db.sql());
        if (!query.exec(QStringLiteral("SELECT c.conversation_id, t.reviewer, t.verdict, t.reason, t.note,"
                                       " t.tagged_at, d.name, t.takeover_seq, t.role FROM tags t"
                                       " JOIN conversations c ON c.id = t.conversation_ref"
                                       " LEFT JOIN dimensions d ON d.id = t.corrected_category_id ORDER BY t.id")))
            qFatal("%s", qPrintable(query.lastError().text()));
        while (query.next()) {
            QStringList fields;
            for (int i = 0; i < 9; ++i)
                fields << (query.value(i).isNull() ? QStringLiteral("NULL") : query.value(i).toString());
            rows << fields.join(QLatin1Char('|'));
        }
        return rows;
    };
    QCOMPARE(tagsOf(*copy), tagsOf(*source));
    QCOMPARE(importTags(*copy, csv, clock).alreadyStored, 2);

    // The six-column form of the first round still reads.
    const QString sixColumns = test::writeFile(folder.path(QStringLiteral("six.csv")),
                                               "conversation_id,reviewer,verdict,reason,note,tagged_at\n"
                                               "T-esc,Ana,correct_escalation,,,2026-10-01T10:00:00Z\n");
    QCOMPARE(importTags(*copy, sixColumns, clock).added, 1);
}

void TestReview::cellsAreSafeInASpreadsheet_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("cell");
    QTest::newRow("plain") << "tracking"
                           << "tracking";
    QTest::newRow("formula") << "=HYPERLINK(\"x\")"
                             << "'=HYPERLINK(\"x\")";
    QTest::newRow("plus") << "+1 555"
                          << "'+1 555";
    QTest::newRow("minus") << "-2"
                           << "'-2";
    QTest::newRow("at") << "@SUM(A1)"
                        << "'@SUM(A1)";
    QTest::newRow("tab") << "\tx"
                         << "'\tx";
    QTest::newRow("carriage return") << "\rx"
                                     << "'\rx";
    QTest::newRow("quote kept") << "'quoted"
                                << "'quoted";
    QTest::newRow("quote before formula") << "'=x"
                                          << "''=x";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("inner equals") << "a=b"
                                  << "a=b";
}

void TestReview::cellsAreSafeInASpreadsheet()
{
    QFETCH(QString, value);
    QFETCH(QString, cell);
    QCOMPARE(spreadsheetSafe(value), cell);
    QCOMPARE(fromSpreadsheetSafe(spreadsheetSafe(value)), value);
}

void TestReview::demoExportCellsAreSafeInASpreadsheet()
{
    const test::TempFolder folder;
    Conversation c;
    c.conversationId = QStringLiteral("@SUM(A1:A9)");
    c.createdAtMsecs = 1790812800000;
    c.category = QStringLiteral("=HYPERLINK(\"https://example.com\",\"Returns\")");
    c.agent = QStringLiteral("+Kim");
    c.sentiment = -0.25;
    c.messages.push_back(
        {Role::Customer, QStringLiteral("-1 star, call me"), c.createdAtMsecs, QStringLiteral("\tAnn")});
    {
        CanonicalWriter writer(folder.path(QStringLiteral("export")));
        writer.write(c);
        writer.finish();
    }
    auto read = [&](const QString &name) {
        QFile file(folder.path(QStringLiteral("export/") + name));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    };
    const QString conversations = read(QStringLiteral("conversations.csv"));
    QVERIFY2(conversations.contains(QStringLiteral("\n'@SUM(A1:A9),")), qPrintable(conversations));
    QVERIFY(conversations.contains(QStringLiteral("\"'=HYPERLINK(")));
    QVERIFY(conversations.contains(QStringLiteral(",'+Kim,")));
    QVERIFY2(conversations.contains(QStringLiteral(",-0.25,")), "a number stays a number");
    const QString messages = read(QStringLiteral("messages.csv"));
    QVERIFY2(messages.contains(QStringLiteral(",'-1 star, call me")) ||
                 messages.contains(QStringLiteral(",\"'-1 star, call me\"")),
             qPrintable(messages));
    QVERIFY(messages.contains(QStringLiteral("\"'\tAnn\"")));
}

void TestReview::draftsAreKeptPerReviewerUntilCommitted()
{
    const test::TempFolder folder;
    auto db = workspaceWithTurns(folder.path(QStringLiteral("drafts.ewb")));
    const QString id = QStringLiteral("T-kept");
    QVERIFY(!loadReviewDraft(*db, id, QStringLiteral("Dana")));
    ReviewDraft draft;
    draft.reasonVerdict = Verdict::MissedEscalation;
    draft.reason = QStringLiteral("loop");
    draft.note = QStringLiteral("asked twice");
    draft.correctedCategory = QStringLiteral("Returns");
    draft.takeoverSeq = 2;
    saveReviewDraft(*db, id, QStringLiteral("Dana"), draft, 1000);
    QCOMPARE(loadReviewDraft(*db, id, QStringLiteral("Dana")), std::optional<ReviewDraft>(draft));
    // Another reviewer's draft is their own.
    QVERIFY(!loadReviewDraft(*db, id, QStringLiteral("Lee")));
    draft.note = QStringLiteral("asked three times");
    saveReviewDraft(*db, id, QStringLiteral("Dana"), draft, 2000);
    QCOMPARE(loadReviewDraft(*db, id, QStringLiteral("Dana"))->note, QStringLiteral("asked three times"));
    // An empty draft is no draft.
    saveReviewDraft(*db, id, QStringLiteral("Lee"), ReviewDraft{}, 2000);
    QVERIFY(!loadReviewDraft(*db, id, QStringLiteral("Lee")));
    // Committing a tag consumes the reviewer's draft, not another's.
    saveReviewDraft(*db, id, QStringLiteral("Lee"), draft, 2000);
    addTag(*db, {id, QStringLiteral("Dana"), Verdict::MissedEscalation, draft.reason, draft.note, 3000,
                 draft.takeoverSeq, draft.correctedCategory});
    QVERIFY(!loadReviewDraft(*db, id, QStringLiteral("Dana")));
    QVERIFY(loadReviewDraft(*db, id, QStringLiteral("Lee")));
    discardReviewDraft(*db, id, QStringLiteral("Lee"));
    QVERIFY(!loadReviewDraft(*db, id, QStringLiteral("Lee")));
}

void TestReview::adjudicationBecomesTheVerdict()
{
    const test::TempFolder folder;
    auto db = workspaceWithTurns(folder.path(QStringLiteral("adjudication.ewb")));
    const QString id = QStringLiteral("T-esc");
    addTag(*db, {id, QStringLiteral("Dana"), Verdict::FalseEscalation, {}, {}, 1000, {}, {}});
    TagRequest lead{id, QStringLiteral("Lee"), Verdict::CorrectEscalation, {}, {}, 2000, {}, {}};
    lead.role = TagRole::Adjudication;
    addTag(*db, lead);
    // A later review tag does not overturn the adjudication; without one, the latest tag is the verdict.
    addTag(*db, {id, QStringLiteral("Ana"), Verdict::FalseEscalation, {}, {}, 3000, {}, {}});
    QCOMPARE(currentVerdict(*db, id), std::optional<Verdict>(Verdict::CorrectEscalation));
    addTag(*db, {QStringLiteral("T-kept"), QStringLiteral("Dana"), Verdict::CorrectResolution, {}, {}, 1000, {}, {}});
    addTag(*db, {QStringLiteral("T-kept"), QStringLiteral("Ana"), Verdict::MissedEscalation, {}, {}, 2000, {}, {}});
    QCOMPARE(currentVerdict(*db, QStringLiteral("T-kept")), std::optional<Verdict>(Verdict::MissedEscalation));
}

void TestReview::aSampleOfTheSameWeekIsFound()
{
    const std::vector<SampleSummary> samples = {
        {1, QStringLiteral("2026-W40"), QStringLiteral("escalated"), QStringLiteral("random"), 50, 3, 0},
        {2, QStringLiteral("2026-W40"), QStringLiteral("contained"), QStringLiteral("targeted"), 20, 0, 0}};
    SampleRequest request;
    request.period = *Period::parse(QStringLiteral("2026-W40"));
    QCOMPARE(sampleLike(samples, request)->id, 1);
    request.population = Population::Contained;
    QVERIFY(!sampleLike(samples, request)); // another method
    request.method = SampleMethod::Targeted;
    QCOMPARE(sampleLike(samples, request)->id, 2);
    request.period = *Period::parse(QStringLiteral("2026-W41"));
    QVERIFY(!sampleLike(samples, request));
}

void TestReview::tagsImportIsAllOrNothing()
{
    const QString csv = test::writeFile(m_folder.path(QStringLiteral("bad-tags.csv")),
                                        "conversation_id,reviewer,verdict,reason,note,tagged_at\n"
                                        "E-010,Dana,false_escalation,,,2026-10-01T10:00:00Z\n"
                                        "E-011,Dana,missed_escalation,,,\n"
                                        "nope,Dana,correct_resolution,,,\n"
                                        "E-012,Dana,maybe,,,\n");
    const QByteArray before = test::workspaceDigest(*m_db);
    const FixedClock clock(test::testNow());
    try {
        importTags(*m_db, csv, clock);
        QFAIL("bad tags were imported");
    } catch (const ImportRefused &refused) {
        QCOMPARE(refused.problems().size(), size_t(3));
        QVERIFY2(refused.problems()[0].text().endsWith(QStringLiteral(
                     "bad-tags.csv:3: column \"verdict\": \"missed_escalation\" does not fit a "
                     "conversation that was escalated (expected correct_escalation or false_escalation)")),
                 qPrintable(refused.problems()[0].text()));
        QVERIFY(refused.problems()[1].text().contains(
            QStringLiteral(":4: column \"conversation_id\": \"nope\" is not a conversation")));
        QVERIFY(refused.problems()[2].text().contains(
            QStringLiteral(":5: column \"verdict\": \"maybe\" is not a verdict")));
    }
    QCOMPARE(test::workspaceDigest(*m_db), before);
    // Empty tagged_at: now.
    const QString good = test::writeFile(m_folder.path(QStringLiteral("good-tags.csv")),
                                         "conversation_id,reviewer,verdict\nE-013,Dana,false_escalation\n");
    importTags(*m_db, good, clock);
    // The same row twice in one file: stored once.
    const QString twice =
        test::writeFile(m_folder.path(QStringLiteral("twice.csv")), "conversation_id,reviewer,verdict,tagged_at\n"
                                                                    "E-014,Dana,false_escalation,2026-10-01T10:00:00Z\n"
                                                                    "E-014,Dana,false_escalation,1790848800\n");
    const TagsImportSummary once = importTags(*m_db, twice, clock);
    QCOMPARE(once.added, 1);
    QCOMPARE(once.alreadyStored, 1);
    QCOMPARE(queryValue(*m_db, QStringLiteral(
                                   "SELECT t.tagged_at FROM tags t JOIN conversations c ON c.id = t.conversation_ref"
                                   " WHERE c.conversation_id = 'E-013'"))
                 .toLongLong(),
             test::testNow().toMSecsSinceEpoch());
}

void TestReview::aTagSurvivesAKill()
{
    // A finished tag is committed at once: SIGKILL right after it (connection open, no clean close) loses nothing.
    const QString path = m_folder.path(QStringLiteral("killed.ewb"));
    {
        auto db = Database::open(path);
        ConversationWriter writer(*db);
        Conversation c;
        c.conversationId = QStringLiteral("K-1");
        c.createdAtMsecs = kWeek40;
        c.escalated = true;
        Transaction transaction(*db);
        writer.write(c);
        transaction.commit();
    }
    QProcess child;
    child.start(QStringLiteral(TAG_THEN_WAIT), {path, QStringLiteral("K-1")});
    QVERIFY(child.waitForStarted());
    QVERIFY(child.waitForReadyRead(30000));
    QCOMPARE(child.readAllStandardOutput().trimmed(), QByteArray("tagged"));
    ::kill(pid_t(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished(30000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    auto db = Database::open(path);
    QCOMPARE(currentVerdict(*db, QStringLiteral("K-1")), std::optional<Verdict>(Verdict::FalseEscalation));
    QCOMPARE(queryValue(*db, QStringLiteral("SELECT count(*) FROM tag_history")).toInt(), 1);
    QCOMPARE(queryValue(*db, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
}

void TestReview::detailsOfAConversation()
{
    auto demo = Database::open(m_folder.path(QStringLiteral("details.ewb")));
    {
        Transaction transaction(*demo);
        ConversationWriter writer(*demo);
        Conversation c;
        c.conversationId = QStringLiteral("D-1");
        c.createdAtMsecs = kWeek40;
        c.escalated = true;
        c.category = QStringLiteral("Billing");
        c.channel = QStringLiteral("chat");
        c.csat = 2;
        c.aiConfidence = 0.31;
        c.escalationReason = QStringLiteral("Duplicate charge");
        c.messages = {{Role::Customer, QStringLiteral("<b>Charged twice</b> 😡 — can I talk to a human?"), kWeek40,
                       QStringLiteral("Ann")},
                      {Role::Ai, QStringLiteral("Let me check."), kWeek40 + 2000, QStringLiteral("Nova")},
                      {Role::Agent, QStringLiteral("Refunded."), kWeek40 + 60000, QStringLiteral("Kenji")}};
        writer.write(c);
        transaction.commit();
    }
    addTag(*demo, {QStringLiteral("D-1"),
                   QStringLiteral("Dana"),
                   Verdict::CorrectEscalation,
                   {},
                   {},
                   5000,
                   {},
                   QStringLiteral("billing")});
    const auto details = loadConversation(*demo, QStringLiteral("D-1"));
    QVERIFY(details);
    QCOMPARE(details->conversation.category, QStringLiteral("Billing"));
    QCOMPARE(*details->conversation.csat, 2);
    QCOMPARE(details->conversation.messages.size(), size_t(3));
    // Customer text exactly as written: markup and emoji are text.
    QCOMPARE(details->conversation.messages[0].text,
             QString::fromUtf8("<b>Charged twice</b> 😡 — can I talk to a human?"));
    QCOMPARE(details->handoffSeq, std::optional<int>(2));
    QVERIFY(details->signalMask & int(Signal::AskedForPerson));
    QCOMPARE(details->tags.size(), size_t(1));
    QCOMPARE(details->tags[0].verdict, QStringLiteral("correct_escalation"));
    // A correction names a stored category as first spelled.
    QCOMPARE(details->tags[0].correctedCategory, QStringLiteral("Billing"));
    QVERIFY(!loadConversation(*demo, QStringLiteral("nope")));
}

void TestReview::undoAndRedoAreKeptInHistory()
{
    const TagRequest request{QStringLiteral("E-020"),
                             QStringLiteral("Dana"),
                             Verdict::FalseEscalation,
                             QStringLiteral("loop"),
                             {},
                             1000,
                             {},
                             {}};
    const qint64 id = addTag(*m_db, request);
    undoTag(*m_db, id, QStringLiteral("Dana"), 1100);
    QVERIFY(!currentVerdict(*m_db, QStringLiteral("E-020")));
    const qint64 again = redoTag(*m_db, request);
    QVERIFY(again > 0);
    QCOMPARE(currentVerdict(*m_db, QStringLiteral("E-020")), std::optional<Verdict>(Verdict::FalseEscalation));
    QSqlQuery history = sql::run(
        m_db->sql(), QStringLiteral("SELECT action, from_verdict, to_verdict FROM tag_history h JOIN conversations c"
                                    " ON c.id = h.conversation_ref WHERE c.conversation_id = 'E-020' ORDER BY h.id"));
    QStringList rows;
    while (history.next())
        rows << QStringLiteral("%1:%2>%3")
                    .arg(history.value(0).toString(), history.value(1).toString(), history.value(2).toString());
    QCOMPARE(rows, (QStringList{QStringLiteral("set:>false_escalation"), QStringLiteral("undo:false_escalation>"),
                                QStringLiteral("redo:>false_escalation")}));
    QVERIFY_THROWS_EXCEPTION(WorkbenchError, undoTag(*m_db, 999999, QStringLiteral("Dana"), 1));
}

void TestReview::sampleListAndProgress()
{
    const Sample sample = drawSample(*m_db, request(SampleMethod::Random, Population::Escalated, 5, 42));
    addTag(*m_db,
           {sample.conversationIds[0], QStringLiteral("Dana"), Verdict::CorrectEscalation, {}, {}, 1000, {}, {}});
    addTag(*m_db, {sample.conversationIds[1], QStringLiteral("Dana"), Verdict::FalseEscalation, {}, {}, 1000, {}, {}});
    addTag(*m_db, {sample.conversationIds[1], QStringLiteral("Eli"), Verdict::CorrectEscalation, {}, {}, 2000, {}, {}});
    setSkipped(*m_db, sample.id, 2, true);
    const auto items = loadSampleItems(*m_db, sample.id);
    QCOMPARE(items.size(), size_t(5));
    QCOMPARE(items[0].conversationId, sample.conversationIds[0]);
    QCOMPARE(items[1].verdict, QStringLiteral("correct_escalation"));
    QCOMPARE(items[1].reviewer, QStringLiteral("Eli"));
    QVERIFY(items[2].skipped);
    QVERIFY(items[3].verdict.isEmpty());
    const auto progress = reviewerProgress(*m_db, sample.id);
    QCOMPARE(progress.size(), size_t(2));
    QCOMPARE(progress[0].reviewer, QStringLiteral("Dana"));
    QCOMPARE(progress[0].tagged, 2);
    QCOMPARE(progress[1].tagged, 1);
    const auto samples = listSamples(*m_db);
    const auto found =
        std::find_if(samples.begin(), samples.end(), [&](const SampleSummary &s) { return s.id == sample.id; });
    QVERIFY(found != samples.end());
    QCOMPARE(found->size, 5);
    QVERIFY(found->reviewed >= 2);
}

void TestReview::reasonCodesPerVerdictAndCategory()
{
    auto db = Database::open(m_folder.path(QStringLiteral("reasons.ewb")));
    // The defaults of a new workspace, from the mission.
    const QStringList falseDefaults = reasonCodes(*db, Verdict::FalseEscalation, QString());
    QVERIFY(!falseDefaults.isEmpty());
    QCOMPARE(falseDefaults.first(), QStringLiteral("tracking_data_available"));
    QVERIFY(falseDefaults.contains(QStringLiteral("kb_article_existed")));
    QVERIFY(reasonCodes(*db, Verdict::MissedEscalation, QString()).contains(QStringLiteral("generic_deflection")));
    QVERIFY(reasonCodes(*db, Verdict::CorrectEscalation, QString()).contains(QStringLiteral("legal_or_regulatory")));
    QVERIFY(!reasonCodes(*db, Verdict::CorrectResolution, QString()).isEmpty());
    QCOMPARE(reasonCodes(*db, Verdict::FalseEscalation, QStringLiteral("Billing")), falseDefaults);

    // A category's own codes follow the common ones; the category matches case-folded.
    setReasonCodes(*db, Verdict::FalseEscalation, QStringLiteral("Returns"),
                   {QStringLiteral(" label_printable_online "), QStringLiteral("tracking_data_available")});
    QCOMPARE(storedReasonCodes(*db, Verdict::FalseEscalation, QStringLiteral("returns")),
             QStringList({QStringLiteral("label_printable_online"), QStringLiteral("tracking_data_available")}));
    const QStringList returns = reasonCodes(*db, Verdict::FalseEscalation, QStringLiteral("RETURNS"));
    QCOMPARE(returns, falseDefaults + QStringList(QStringLiteral("label_printable_online")));
    QCOMPARE(reasonCodes(*db, Verdict::FalseEscalation, QStringLiteral("Billing")), falseDefaults);

    // The common list is editable too: order kept, a code removed.
    setReasonCodes(*db, Verdict::FalseEscalation, QString(),
                   {QStringLiteral("kb_article_existed"), QStringLiteral("product_info_in_catalog")});
    QCOMPARE(reasonCodes(*db, Verdict::FalseEscalation, QString()),
             QStringList({QStringLiteral("kb_article_existed"), QStringLiteral("product_info_in_catalog")}));

    // Bad lists are refused whole.
    const QByteArray before = test::workspaceDigest(*db);
    for (const QStringList &bad :
         {QStringList{QStringLiteral("a"), QStringLiteral(" ")},
          QStringList{QStringLiteral("loop"), QStringLiteral("LOOP")}, QStringList{QString(61, QLatin1Char('x'))},
          QStringList{QStringLiteral("two\nlines")}}) {
        QVERIFY_THROWS_EXCEPTION(WorkbenchError, setReasonCodes(*db, Verdict::MissedEscalation, QString(), bad));
    }
    QCOMPARE(test::workspaceDigest(*db), before);
}

void TestReview::badgesOfAConversation()
{
    ConversationDetails details;
    QVERIFY(reviewBadges(details).empty());
    details.conversation.csat = 3;
    details.conversation.aiConfidence = 0.5;
    QVERIFY(reviewBadges(details).empty()); // 3 is not low, 0.5 is not below 0.5
    details.conversation.csat = 2;
    details.conversation.aiConfidence = 0.49;
    details.hasFollowup = true;
    details.signalMask = int(Signal::AskedForPerson) | int(Signal::RepeatedQuestion);
    const std::vector<ReviewBadge> expected = {ReviewBadge::LowCsat, ReviewBadge::FollowupWithin48h,
                                               ReviewBadge::LowAiConfidence, ReviewBadge::AskedForPerson,
                                               ReviewBadge::RepeatedQuestion};
    QVERIFY(reviewBadges(details) == expected);
    for (ReviewBadge badge : expected) {
        QVERIFY(!badgeLabel(badge).isEmpty());
        QVERIFY(!badgeExplanation(badge).isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestReview)
#include "tst_review.moc"
