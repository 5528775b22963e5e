#include "TestSupport.h"
#include "UiTestSupport.h"
#include "data/DataPage.h"
#include "import/ImportDialog.h"
#include "import/ImportPreviewModel.h"
#include "import/MappingTableModel.h"
#include "shell/MainWindow.h"
#include "store/Database.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

using namespace workbench;
using namespace workbench::ui;

namespace {

QString publicData(const QString &relative)
{
    return QDir(QStringLiteral(WORKBENCH_PUBLIC_DATA_DIR)).filePath(relative);
}

// The preview is read on a worker thread: wait until the dialog shows it.
bool waitForPreview(ImportDialog &dialog)
{
    QSignalSpy refreshed(&dialog, &ImportDialog::previewRefreshed);
    return refreshed.wait(30000);
}

} // namespace

class TestImportDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void messyCsvThroughTheMappingEditor();
    void chatLogOptions();
    void importRunsInTheBackgroundAndSummarises();
    void refusedImportListsProblems();
    void cancelLeavesTheWorkspaceAsItWas();

private:
    test::TempFolder m_folder;
    FixedClock m_clock{test::testNow()};
    QString m_messy;
};

void TestImportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_messy = test::writeFile(m_folder.path(QStringLiteral("helpdesk.csv")),
                              "Ticket ID,Opened,Resolved by,Topic,Satisfaction,Notes\n"
                              "T-1,2026-10-01 09:00,Solved by bot,Returns,5,<b>kept as text</b>\n"
                              "T-2,2026-10-01 10:00,Agent,Billing,1,\n"
                              "T-3,2026-10-01 11:00,solved BY bot,,,\n");
}

void TestImportDialog::messyCsvThroughTheMappingEditor()
{
    auto db = Database::open(m_folder.path(QStringLiteral("mapping.ewb")));
    ImportDialog dialog(*db, m_clock);
    QAbstractItemModelTester mappingTester(dialog.mappingModel(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester previewTester(dialog.previewModel(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!dialog.canImport());
    dialog.addFiles({m_messy});
    QVERIFY(waitForPreview(dialog));
    dialog.resize(1300, 800);
    // Proposed from the header names.
    const ColumnMapping &proposed = dialog.mappingModel()->mapping();
    QCOMPARE(proposed.columns.at(Field::ConversationId), QStringLiteral("Ticket ID"));
    QCOMPARE(proposed.columns.at(Field::CreatedAt), QStringLiteral("Opened"));
    QCOMPARE(proposed.columns.at(Field::Escalated), QStringLiteral("Resolved by"));
    QCOMPARE(proposed.columns.at(Field::Category), QStringLiteral("Topic"));
    QCOMPARE(proposed.columns.at(Field::Csat), QStringLiteral("Satisfaction"));
    // Live validation points at the bad cells: "Solved by bot" is not a boolean yet.
    ImportPreviewModel *preview = dialog.previewModel();
    QCOMPARE(preview->rowCount(), 3);
    QCOMPARE(preview->problemCount(), 3);
    const int escalatedColumn = ImportPreviewModel::columnOf(Field::Escalated);
    QVERIFY2(preview->problemAt(0, escalatedColumn).contains(QStringLiteral("\"Solved by bot\" is not a boolean")),
             qPrintable(preview->problemAt(0, escalatedColumn)));
    QVERIFY(preview->data(preview->index(0, escalatedColumn), Qt::BackgroundRole).isValid());
    QVERIFY(!dialog.canImport());
    test::saveScreenshot(dialog, QStringLiteral("import-dialog-problems.png"));

    // A value map fixes it; the preview shows the values as they will be stored.
    const int escalatedRow = int(Field::Escalated);
    QVERIFY(dialog.mappingModel()->setData(dialog.mappingModel()->index(escalatedRow, MappingTableModel::ValuesColumn),
                                           QStringLiteral("Solved by bot = false; Agent = true")));
    dialog.refreshPreview();
    QVERIFY(waitForPreview(dialog));
    QCOMPARE(preview->problemCount(), 0);
    QVERIFY(dialog.canImport());
    QCOMPARE(preview->data(preview->index(2, escalatedColumn)).toString(), QStringLiteral("false"));
    QCOMPARE(preview->data(preview->index(2, ImportPreviewModel::columnOf(Field::Category))).toString(),
             QStringLiteral("uncategorized"));
    QCOMPARE(preview->data(preview->index(1, ImportPreviewModel::columnOf(Field::CreatedAt))).toString(),
             QStringLiteral("2026-10-01T10:00:00.000Z"));
    test::saveScreenshot(dialog, QStringLiteral("import-dialog.png"));

    // Saved by name, and offered next time.
    dialog.saveMapping(QStringLiteral("Helpdesk export"));
    QCOMPARE(savedMappingNames(*db), QStringList{QStringLiteral("Helpdesk export")});
    QCOMPARE(loadMapping(*db, QStringLiteral("Helpdesk export"))
                 ->valueMaps.at(Field::Escalated)
                 .at(QStringLiteral("solved by bot")),
             QStringLiteral("false"));
    const ImportRequest request = dialog.request();
    QCOMPARE(request.format, std::optional<ImportFormat>(ImportFormat::Csv));
    QCOMPARE(request.mapping->name, QStringLiteral("Helpdesk export"));
}

void TestImportDialog::chatLogOptions()
{
    auto db = Database::open(m_folder.path(QStringLiteral("chatlog.ewb")));
    ImportDialog dialog(*db, m_clock);
    dialog.addFiles({publicData(QStringLiteral("tau-bench-airline-trajectories/gpt-4o-airline.json"))});
    QVERIFY(waitForPreview(dialog));
    const ImportRequest request = dialog.request();
    QCOMPARE(request.format, std::optional<ImportFormat>(ImportFormat::Chatlog));
    // The start is asked for, shown prefilled with a date the user sees, never a silent "now".
    QCOMPARE(*request.readerOptions.startMsecs,
             QDateTime(QDate(2026, 10, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch());
    QCOMPARE(dialog.previewModel()->rowCount(), 20);
    QCOMPARE(dialog.previewModel()->problemCount(), 0);
    QVERIFY(dialog.canImport());
    test::saveScreenshot(dialog, QStringLiteral("import-dialog-chatlog.png"));

    // The options are saved by name and come back in another dialog.
    dialog.findChild<QSpinBox *>()->setValue(45);
    dialog.saveMapping(QStringLiteral("tau-bench runs"));
    ImportDialog again(*db, m_clock);
    again.addFiles({publicData(QStringLiteral("tau-bench-airline-trajectories/gpt-4o-airline.json"))});
    QCOMPARE(again.request().readerOptions.spacingSeconds, 60 * 60);
    again.applySavedMapping(QStringLiteral("tau-bench runs"));
    QCOMPARE(again.request().readerOptions.spacingSeconds, 45 * 60);
    QCOMPARE(again.request().format, std::optional<ImportFormat>(ImportFormat::Chatlog));
}

void TestImportDialog::importRunsInTheBackgroundAndSummarises()
{
    MainWindow window(m_clock);
    QSignalSpy loaded(window.dataPage(), &DataPage::factsLoaded);
    QVERIFY(window.openWorkspace(m_folder.path(QStringLiteral("background.ewb"))));
    QVERIFY(loaded.wait(30000));
    std::vector<MainWindow::ImportOutcome> outcomes;
    window.setImportSummaryPresenter([&](const MainWindow::ImportOutcome &outcome) { outcomes.push_back(outcome); });
    ImportRequest request;
    request.files = {publicData(QStringLiteral("tau-bench-airline-trajectories/gpt-4o-airline.json"))};
    request.readerOptions.startMsecs = QDateTime(QDate(2026, 9, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    QSignalSpy finished(&window, &MainWindow::backgroundWorkFinished);
    window.importInBackground(request);
    QVERIFY(finished.wait(60000));
    QCOMPARE(outcomes.size(), size_t(1));
    QVERIFY(outcomes[0].succeeded);
    QCOMPARE(outcomes[0].summary.inserted, 200);
    QTRY_COMPARE_WITH_TIMEOUT(window.dataPage()->facts().total.conversations, 200, 30000);
}

void TestImportDialog::refusedImportListsProblems()
{
    MainWindow window(m_clock);
    QSignalSpy loaded(window.dataPage(), &DataPage::factsLoaded);
    const QString path = m_folder.path(QStringLiteral("refused.ewb"));
    QVERIFY(window.openWorkspace(path));
    QVERIFY(loaded.wait(30000));
    std::vector<MainWindow::ImportOutcome> outcomes;
    window.setImportSummaryPresenter([&](const MainWindow::ImportOutcome &outcome) { outcomes.push_back(outcome); });
    ImportRequest request;
    request.files = {m_messy}; // canonical reading: no required columns
    QSignalSpy finished(&window, &MainWindow::backgroundWorkFinished);
    window.importInBackground(request);
    QVERIFY(finished.wait(60000));
    QCOMPARE(outcomes.size(), size_t(1));
    QVERIFY(!outcomes[0].succeeded);
    QVERIFY2(outcomes[0].error.contains(QStringLiteral("helpdesk.csv:1: missing required columns")),
             qPrintable(outcomes[0].error));
    auto db = Database::open(path);
    QCOMPARE(test::queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations")).toInt(), 0);
}

void TestImportDialog::cancelLeavesTheWorkspaceAsItWas()
{
    QByteArray content = "conversation_id,created_at,escalated,category,customer_id\n";
    for (int i = 0; i < 150000; ++i)
        content +=
            "C-" + QByteArray::number(i) + ",2026-10-01T10:00:00Z,no,Returns,CUS-" + QByteArray::number(i % 977) + "\n";
    const QString big = test::writeFile(m_folder.path(QStringLiteral("big.csv")), content);
    MainWindow window(m_clock);
    QSignalSpy loaded(window.dataPage(), &DataPage::factsLoaded);
    const QString path = m_folder.path(QStringLiteral("cancelled.ewb"));
    QVERIFY(window.openWorkspace(path));
    QVERIFY(loaded.wait(30000));
    std::vector<MainWindow::ImportOutcome> outcomes;
    window.setImportSummaryPresenter([&](const MainWindow::ImportOutcome &outcome) { outcomes.push_back(outcome); });
    ImportRequest request;
    request.files = {big};
    QSignalSpy finished(&window, &MainWindow::backgroundWorkFinished);
    window.importInBackground(request);
    // The user presses Cancel beside the progress in the status bar.
    auto *progress = window.findChild<QWidget *>(QStringLiteral("import-progress"));
    QVERIFY(progress && !progress->isHidden());
    auto *cancel = progress->findChild<QToolButton *>();
    QVERIFY(cancel);
    cancel->click();
    QVERIFY(finished.wait(60000));
    QCOMPARE(outcomes.size(), size_t(1));
    QVERIFY(outcomes[0].cancelled);
    auto db = Database::open(path);
    QCOMPARE(test::queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations")).toInt(), 0);
    QCOMPARE(test::queryValue(*db, QStringLiteral("SELECT count(*) FROM imports")).toInt(), 0);
    QVERIFY(progress->isHidden());
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
