// The PDF summary read back with Qt Pdf: its pages, the figures of `metrics --json` in its text, no unmasked
// contact data of the fixture, the same document from the CLI and from the GUI, and charts that are drawn.
#include "TestSupport.h"
#include "charts/ChartPanel.h"
#include "common/NumberText.h"
#include "dashboard/DashboardPage.h"
#include "import/ImportJob.h"
#include "report/Masking.h"
#include "report/ReportData.h"
#include "review/ReviewPage.h"
#include "review/Sampling.h"
#include "review/Tagging.h"
#include "shell/MainWindow.h"
#include "shell/MetricsSession.h"
#include "store/ConversationWriter.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "store/WorkspaceFacts.h"

#include <QChart>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextDocument>

using namespace workbench;

namespace {

const QString kEmail = QStringLiteral("maria.gonzalez@example.net");
const QString kPhone = QStringLiteral("+1 (415) 555-0134");
const QString kCard = QStringLiteral("4111 1111 1111 1111");

using Run = test::ProgramRun;

Run runCli(const QStringList &arguments)
{
    return test::runProgram(QStringLiteral(WORKBENCH_EXECUTABLE), arguments);
}

/// The text of every page, in order.
QStringList pdfPages(const QString &path)
{
    QPdfDocument document;
    if (document.load(path) != QPdfDocument::Error::None)
        return {};
    QStringList pages;
    for (int page = 0; page < document.pageCount(); ++page)
        pages << document.getAllText(page).text();
    return pages;
}

/// Share of a page's pixels that are strongly coloured: chart bars, lines and bands (text is grey or black).
double colouredShare(const QImage &image)
{
    qint64 coloured = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            const QColor c = image.pixelColor(x, y);
            if (c.hsvSaturation() > 90 && c.value() > 60)
                ++coloured;
        }
    }
    return double(coloured) / (double(image.width() / 2) * double(image.height() / 2));
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pdfHoldsTheFiguresOfTheCli();
    void contactDataIsMasked();
    void everyLineOfAnExcerptIsPrinted();
    void noMaskShowsItAndSaysSo();
    void guiExportIsTheSameDocument();
    void chartsAreDrawn();
    void badArguments();
    void importedMarkupIsShownAsWritten();
    void figureGatheringCanBeCancelled();

private:
    test::TempFolder m_folder;
    QString m_path;
    QString m_pdf;
    QJsonObject m_json;
    QStringList m_pages;
};

void TestReport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_path = m_folder.path(QStringLiteral("demo.ewb"));
    test::makeReviewedDemoWorkspace(m_path);
    {
        auto db = Database::open(m_path);
        // A false escalation whose customer wrote contact data; its id sorts first, so it is an example.
        {
            Transaction transaction(*db);
            ConversationWriter writer(*db);
            Conversation c;
            c.conversationId = QStringLiteral("AAA-PII-1");
            c.createdAtMsecs = QDateTime(QDate(2026, 10, 14), QTime(9, 0), QTimeZone::utc()).toMSecsSinceEpoch();
            c.escalated = true;
            c.category = QStringLiteral("Billing");
            c.customerId = QStringLiteral("CUS-PII");
            c.escalationReason = QStringLiteral("Customer asked for a call back on +44 20 7946 0958");
            c.messages = {{Role::Customer,
                           QStringLiteral("I was charged twice on card %1. Email me at %2 or call %3.")
                               .arg(kCard, kEmail, kPhone),
                           c.createdAtMsecs, QStringLiteral("Maria Gonzalez")},
                          // Line breaks of every kind: each line is printed, none run together.
                          {Role::Ai,
                           QStringLiteral("I can see both charges;\r\nthe second is a pending authorisation.\n\n"
                                          "It drops off by itself.\rLASTLINE of the reply"),
                           c.createdAtMsecs + 60000, QStringLiteral("Nova")},
                          // An address where the excerpt is cut: masked first, so no start of it is left.
                          {Role::Customer,
                           QString(300, QLatin1Char('x')) + QStringLiteral(" write to john.doe@example.com today"),
                           c.createdAtMsecs + 90000, QString()},
                          {Role::Agent,
                           QStringLiteral("Hi Maria, it will drop off in 3 days; order #5685215 3 days late."),
                           c.createdAtMsecs + 120000, QStringLiteral("Kenji")}};
            writer.write(c);
            transaction.commit();
        }
        addTag(*db, {QStringLiteral("AAA-PII-1"),
                     QStringLiteral("Dana"),
                     Verdict::FalseEscalation,
                     QStringLiteral("kb_article_existed"),
                     QStringLiteral("Reply to %1 was all it needed; refund to DE89 3704 0044 0532 0130 00").arg(kEmail),
                     5000,
                     {},
                     {}});
    }
    const Run metrics = runCli({QStringLiteral("metrics"), QStringLiteral("--db"), m_path, QStringLiteral("--period"),
                                QStringLiteral("2026-10"), QStringLiteral("--json")});
    QCOMPARE(metrics.exitCode, 0);
    m_json = QJsonDocument::fromJson(metrics.out.toUtf8()).object();
    m_pdf = m_folder.path(QStringLiteral("october.pdf"));
    const Run report = runCli({QStringLiteral("report"), QStringLiteral("--db"), m_path, QStringLiteral("--period"),
                               QStringLiteral("2026-10"), QStringLiteral("--pdf"), m_pdf});
    QVERIFY2(report.exitCode == 0, qPrintable(report.err));
    QVERIFY(report.out.contains(QStringLiteral("masked")));
    m_pages = pdfPages(m_pdf);
}

void TestReport::pdfHoldsTheFiguresOfTheCli()
{
    QVERIFY(m_pages.size() >= 5);
    // Page numbers on every page.
    for (int page = 0; page < m_pages.size(); ++page)
        QVERIFY2(m_pages[page].contains(QStringLiteral("Page %1 of %2").arg(page + 1).arg(m_pages.size())),
                 qPrintable(m_pages[page].right(200)));
    const QString text = m_pages.join(QLatin1Char('\n'));
    auto number = [this](const char *key) { return std::optional<double>(m_json[QLatin1String(key)].toDouble()); };
    auto estimate = [this](const char *key, const char *end) {
        return std::optional<double>(m_json[QLatin1String(key)][QLatin1String(end)].toDouble());
    };
    const QStringList expected = {
        QStringLiteral("October 2026"),
        countText(m_json[QStringLiteral("conversations")].toInt()),
        countText(m_json[QStringLiteral("escalated")].toInt()),
        percentText(number("escalation_rate")),
        percentText(estimate("false_escalation_rate", "value")),
        percentText(estimate("false_escalation_rate", "lo")),
        percentText(estimate("false_escalation_rate", "hi")),
        percentText(estimate("missed_escalation_rate", "value")),
        percentText(estimate("precision", "value")),
        percentText(estimate("recall", "value")),
        decimalText(number("ai_csat"), 1),
        moneyText(m_json[QStringLiteral("cost")][QStringLiteral("false_escalation_cost")].toDouble(),
                  QStringLiteral("USD")),
        moneyText(m_json[QStringLiteral("whatif")][QStringLiteral("monthly")].toDouble(), QStringLiteral("USD")),
        moneyText(m_json[QStringLiteral("whatif")][QStringLiteral("yearly")].toDouble(), QStringLiteral("USD")),
        countText(m_json[QStringLiteral("margin_planner")][QStringLiteral("reviews_needed_escalated")].toInt()),
        QStringLiteral("Dana, Lee"),
        QStringLiteral("Methodology"),
        QStringLiteral("kb article existed"),
    };
    for (const QString &figure : expected)
        QVERIFY2(text.contains(figure), qPrintable(QStringLiteral("missing: ") + figure));
    for (const QJsonValue &name : m_json[QStringLiteral("top_false_categories")].toArray())
        QVERIFY2(text.contains(name.toString()), qPrintable(name.toString()));
    for (const QJsonValue &group : m_json[QStringLiteral("by_category")].toArray()) {
        QVERIFY(text.contains(group[QStringLiteral("name")].toString()));
        QVERIFY(text.contains(countText(group[QStringLiteral("conversations")].toInt())));
    }
    QVERIFY(!m_json[QStringLiteral("agreement")].toArray().isEmpty());
    QVERIFY(text.contains(decimalText(m_json[QStringLiteral("agreement")][0][QStringLiteral("kappa")].toDouble(), 2)));
}

void TestReport::contactDataIsMasked()
{
    const QString text = m_pages.join(QLatin1Char('\n'));
    QVERIFY(text.contains(QStringLiteral("AAA-PII-1")));
    QVERIFY(!text.contains(kEmail));
    QVERIFY(!text.contains(QStringLiteral("555-0134")));
    QVERIFY(!text.contains(QStringLiteral("4111")));
    QVERIFY(!text.contains(QStringLiteral("Maria Gonzalez")));
    QVERIFY(text.contains(QStringLiteral("[card]")));
    QVERIFY(text.contains(QStringLiteral("[email]")));
    QVERIFY(text.contains(QStringLiteral("[phone]")));
    QVERIFY2(!text.contains(QStringLiteral("john.doe")), "an address cut short was left unmasked");
    // The note and the AI's hand-off reason are masked like the transcript; an order number is no phone.
    QVERIFY(text.contains(QStringLiteral("[iban]")));
    QVERIFY(!text.contains(QStringLiteral("DE89")));
    QVERIFY(text.contains(QStringLiteral("hand-off reason")));
    QVERIFY(!text.contains(QStringLiteral("7946")));
    QVERIFY2(text.contains(QStringLiteral("order #5685215 3 days late")), qPrintable(text.right(2500)));
    // Nothing email-shaped is left anywhere in the document.
    QVERIFY(!QRegularExpression(QStringLiteral("[\\w.+-]+@[\\w-]+\\.[\\w.]+")).match(text).hasMatch());
    // A pattern of the workspace's own is masked too.
    {
        auto db = Database::open(m_path);
        addMaskPattern(*db, QStringLiteral("CUS-PII"), QStringLiteral("customer"));
        addMaskPattern(*db, QStringLiteral("pending authorisation"), QStringLiteral("detail"));
    }
    const QString pdf = m_folder.path(QStringLiteral("patterns.pdf"));
    QCOMPARE(runCli({QStringLiteral("report"), QStringLiteral("--db"), m_path, QStringLiteral("--period"),
                     QStringLiteral("2026-10"), QStringLiteral("--pdf"), pdf})
                 .exitCode,
             0);
    const QString withPatterns = pdfPages(pdf).join(QLatin1Char('\n'));
    QVERIFY(withPatterns.contains(QStringLiteral("[detail]")));
    QVERIFY(!withPatterns.contains(QStringLiteral("pending authorisation")));
}

void TestReport::everyLineOfAnExcerptIsPrinted()
{
    const QString text = m_pages.join(QLatin1Char('\n'));
    for (const char *line : {"I can see both charges;", "the second is a pending authorisation.",
                             "It drops off by itself.", "LASTLINE of the reply"})
        QVERIFY2(text.contains(QLatin1String(line)), line);
    // CRLF, a blank line and a lone CR each break the line: no two lines run together as one word.
    QVERIFY(!text.contains(QStringLiteral("charges;the")));
    QVERIFY(!text.contains(QStringLiteral("itself.LASTLINE")));
    // (Qt Pdf's text extraction joins two lines of one paragraph with a space; the page, rendered, shows each line.)
}

void TestReport::noMaskShowsItAndSaysSo()
{
    const QString pdf = m_folder.path(QStringLiteral("unmasked.pdf"));
    const Run run = runCli({QStringLiteral("report"), QStringLiteral("--db"), m_path, QStringLiteral("--period"),
                            QStringLiteral("2026-10"), QStringLiteral("--pdf"), pdf, QStringLiteral("--no-mask")});
    QCOMPARE(run.exitCode, 0);
    const QString text = pdfPages(pdf).join(QLatin1Char('\n'));
    QVERIFY(text.contains(kEmail));
    QVERIFY(text.contains(QStringLiteral("not masked")));
}

void TestReport::guiExportIsTheSameDocument()
{
    const FixedClock clock(test::testNow());
    ui::MainWindow window(clock);
    window.setErrorPresenter([](const QString &, const QString &text) { QFAIL(qPrintable(text)); });
    QVERIFY(window.openWorkspace(m_path));
    const QString cli = m_folder.path(QStringLiteral("cli.pdf"));
    const QString gui = m_folder.path(QStringLiteral("gui.pdf"));
    QCOMPARE(runCli({QStringLiteral("report"), QStringLiteral("--db"), m_path, QStringLiteral("--period"),
                     QStringLiteral("2026-10"), QStringLiteral("--pdf"), cli})
                 .exitCode,
             0);
    QVERIFY(window.exportPdf(Period::month(2026, 10), gui, true));
    const QStringList cliPages = pdfPages(cli);
    const QStringList guiPages = pdfPages(gui);
    QCOMPARE(guiPages.size(), cliPages.size());
    // The same document but for the moment it was generated.
    const QRegularExpression generated(QStringLiteral("generated \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC"));
    for (int page = 0; page < cliPages.size(); ++page)
        QCOMPARE(QString(guiPages[page]).replace(generated, QString()),
                 QString(cliPages[page]).replace(generated, QString()));
}

void TestReport::chartsAreDrawn()
{
    QPdfDocument document;
    QCOMPARE(document.load(m_pdf), QPdfDocument::Error::None);
    int chartPages = 0;
    for (int page = 0; page < document.pageCount(); ++page) {
        if (!m_pages[page].contains(QStringLiteral("Escalation rate by month")) &&
            !m_pages[page].contains(QStringLiteral("False and missed escalations")) &&
            !m_pages[page].contains(QStringLiteral("Threshold simulator")))
            continue;
        const QImage image = document.render(page, QSize(620, 877));
        QVERIFY(!image.isNull());
        const double share = colouredShare(image);
        // Line charts colour little of a page, bar charts more; an empty chart colours nothing.
        QVERIFY2(share > 0.001, qPrintable(QStringLiteral("page %1: %2 coloured").arg(page + 1).arg(share)));
        if (!qEnvironmentVariableIsEmpty("WORKBENCH_SCREENSHOT_DIR"))
            image.save(QDir(qEnvironmentVariable("WORKBENCH_SCREENSHOT_DIR"))
                           .filePath(QStringLiteral("report-page-%1.png").arg(page + 1)));
        ++chartPages;
    }
    QVERIFY(chartPages >= 2);
}

void TestReport::badArguments()
{
    const Run noPdf = runCli({QStringLiteral("report"), QStringLiteral("--db"), m_path, QStringLiteral("--period"),
                              QStringLiteral("2026-10")});
    QCOMPARE(noPdf.exitCode, 2);
    QVERIFY(noPdf.err.contains(QStringLiteral("--pdf")));
    const Run badPeriod =
        runCli({QStringLiteral("report"), QStringLiteral("--db"), m_path, QStringLiteral("--period"),
                QStringLiteral("October"), QStringLiteral("--pdf"), m_folder.path(QStringLiteral("x.pdf"))});
    QCOMPARE(badPeriod.exitCode, 2);
    const Run unwritable =
        runCli({QStringLiteral("report"), QStringLiteral("--db"), m_path, QStringLiteral("--period"),
                QStringLiteral("2026-10"), QStringLiteral("--pdf"), QStringLiteral("/nonexistent-folder/x.pdf")});
    QCOMPARE(unwritable.exitCode, 1);
    QVERIFY(!unwritable.err.isEmpty());
}

void TestReport::importedMarkupIsShownAsWritten()
{
    // Names a help desk export could carry; each would be obeyed if taken for rich text.
    const QString bold = QStringLiteral("<b>Bold</b> returns");
    const QString hidden = QStringLiteral("<span style=color:white>Hidden</span> billing");
    const QString link = QStringLiteral("<a href='https://example.com'>Link</a> team");
    const QString picture = m_folder.path(QStringLiteral("local.png"));
    QImage(8, 8, QImage::Format_RGB32).save(picture);
    const QString image = QStringLiteral("<img src='%1'> agent").arg(picture);
    const QString path = m_folder.path(QStringLiteral("markup.ewb"));
    QVERIFY(QFile::copy(m_path, path));
    {
        auto db = Database::open(path);
        QString csv = QStringLiteral("conversation_id,created_at,escalated,category,channel,team,agent\n");
        QSqlQuery ids(db->sql());
        QVERIFY(ids.exec(QStringLiteral("SELECT conversation_id, created_at, escalated FROM conversations WHERE"
                                        " created_at >= 1790812800000 ORDER BY id LIMIT 900")));
        int row = 0;
        while (ids.next()) {
            const QString category = row % 2 ? bold : hidden;
            csv += QStringLiteral("%1,%2,%3,\"%4\",\"%5\",\"%6\",\"%7\"\n")
                       .arg(ids.value(0).toString())
                       .arg(ids.value(1).toLongLong() / 1000)
                       .arg(ids.value(2).toInt())
                       .arg(category, link, link, image);
            ++row;
        }
        ids.finish();
        const QString file = test::writeFile(m_folder.path(QStringLiteral("markup.csv")), csv.toUtf8());
        runImport(*db, test::importOf({file}), FixedClock(test::testNow()));
        addEvent(*db, QDate(2026, 10, 6), QStringLiteral("policy change"), bold);
    }
    const FixedClock clock(test::testNow());
    ui::MainWindow window(clock);
    window.setErrorPresenter([](const QString &, const QString &text) { QFAIL(qPrintable(text)); });
    window.resize(1600, 1000);
    window.show();
    QVERIFY(window.openWorkspace(path));
    QVERIFY(window.showPageNamed(QStringLiteral("dashboard")));
    QSignalSpy ready(window.metricsSession(), &ui::MetricsSession::reportChanged);
    for (int i = 0; i < 200 && (window.metricsSession()->isComputing() || !window.metricsSession()->report()); ++i)
        ready.wait(100);
    QVERIFY(window.showPageNamed(QStringLiteral("data")));
    QTest::qWait(300);
    QStringList shown;
    int charts = 0;
    for (ui::ChartPanel *panel : window.findChildren<ui::ChartPanel *>()) {
        if (!panel->chart() || !panel->chart()->scene())
            continue;
        ++charts;
        for (QGraphicsItem *item : panel->chart()->scene()->items()) {
            auto *text = dynamic_cast<QGraphicsTextItem *>(item);
            if (!text)
                continue;
            const QString html = text->document()->toHtml();
            QVERIFY2(!html.contains(QLatin1String("<img")) && !html.contains(QLatin1String("<a href")) &&
                         !html.contains(QLatin1String("<span style=\" font-weight:700")) &&
                         !html.contains(QLatin1String("color:#ffffff")),
                     qPrintable(panel->objectName() + QStringLiteral(": ") + html));
            shown << text->toPlainText();
        }
    }
    QVERIFY(charts >= 6);
    const QString all = shown.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("<b>Bold</b>")), qPrintable(all));
    // A long label may be cut short at its end; its start shows as written.
    QVERIFY2(all.contains(QStringLiteral("<span style=color")), qPrintable(all));

    // The Review page shows a name as written.
    const QString markedId = [&] {
        auto db = Database::open(path);
        return test::queryValue(*db, QStringLiteral("SELECT c.conversation_id FROM conversations c JOIN dimensions d"
                                                    " ON d.id = c.category_id WHERE d.name LIKE '<b>%' LIMIT 1"))
            .toString();
    }();
    QVERIFY(window.showPageNamed(QStringLiteral("review")));
    QVERIFY(window.reviewPage()->showConversation(markedId));
    QTest::qWait(200);
    bool categoryShown = false;
    for (QLabel *label : window.reviewPage()->findChildren<QLabel *>()) {
        if (!label->text().contains(QLatin1String("<b>Bold")))
            continue;
        QCOMPARE(label->textFormat(), Qt::PlainText);
        categoryShown = true;
    }
    QVERIFY(categoryShown);

    // The PDF prints the names as written and loads nothing they name.
    const QString pdf = m_folder.path(QStringLiteral("markup.pdf"));
    QVERIFY(window.exportPdf(Period::month(2026, 10), pdf, false));
    const QString text = pdfPages(pdf).join(QLatin1Char('\n'));
    QVERIFY2(text.contains(QStringLiteral("<b>Bold</b>")), qPrintable(text.left(3000)));
    QVERIFY(text.contains(QStringLiteral("<span style=color:white>Hidden</span>")));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY2(!file.readAll().contains("/Subtype /Image"), "the PDF embeds an image named by imported text");
}

void TestReport::figureGatheringCanBeCancelled()
{
    auto db = Database::open(m_path);
    const FixedClock clock(test::testNow());
    QList<qint64> steps;
    QVERIFY_THROWS_EXCEPTION(Cancelled, buildReportData(*db, Period::month(2026, 10), ReportOptions{}, clock,
                                                        [&steps](qint64 done, qint64 total) {
                                                            steps << done;
                                                            return done < 2 && total > 2;
                                                        }));
    QCOMPARE(steps, (QList<qint64>{1, 2})); // stopped at the second step: the figures were not gathered
}

QTEST_MAIN(TestReport)
#include "tst_report.moc"
