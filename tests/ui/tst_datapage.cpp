#include "TestSupport.h"
#include "UiTestSupport.h"
#include "charts/ChartPanel.h"
#include "common/WorkspaceLocation.h"
#include "data/DataPage.h"
#include "data/FactCard.h"
#include "data/VolumeTableModel.h"
#include "dialogs/EventDialog.h"
#include "display/Format.h"
#include "import/ColumnMapping.h"
#include "import/ImportJob.h"
#include "shell/MainWindow.h"
#include "store/Database.h"
#include "store/Schema.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPalette>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace workbench;
using namespace workbench::ui;

namespace {

// Facts computed straight from the store, independently of the code under test.
struct Expected {
    QString label;
    qint64 conversations;
    qint64 escalated;
};

std::vector<Expected> expectedRows(Database &db, const QString &statement)
{
    std::vector<Expected> rows;
    QSqlQuery query(db.sql());
    if (!query.exec(statement))
        qFatal("%s", qPrintable(query.lastError().text()));
    while (query.next())
        rows.push_back({query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toLongLong()});
    return rows;
}

QString cellText(QAbstractItemModel *model, int row, int column)
{
    return model->data(model->index(row, column)).toString();
}

} // namespace

class TestDataPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dataPageMatchesStore();
    void modelsPassTheTester();
    void emptyWorkspaceOffersDemoData();
    void eventsAreAddedAndRemoved();
    void savedMappingsAreListedAndRemoved();
    void refusedWorkspaceKeepsTheCurrentOne();
    void readOnlyWorkspaceIsReadWithABanner();
    void rememberesGeometryAndWorkspace();

private:
    bool openAndWait(MainWindow &window, const QString &path);
    test::TempFolder m_folder;
    FixedClock m_clock{test::testNow()};
};

void TestDataPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    test::makeDemoWorkspace(m_folder.path(QStringLiteral("demo.ewb")), 6000, 4);
}

bool TestDataPage::openAndWait(MainWindow &window, const QString &path)
{
    QSignalSpy loaded(window.dataPage(), &DataPage::factsLoaded);
    if (!window.openWorkspace(path))
        return false;
    return loaded.wait(60000);
}

void TestDataPage::dataPageMatchesStore()
{
    const QString path = m_folder.path(QStringLiteral("demo.ewb"));
    MainWindow window(m_clock);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(openAndWait(window, path));
    window.showPage(window.dataPage());
    DataPage *page = window.dataPage();

    auto db = Database::open(path);
    const qint64 total = test::queryValue(*db, QStringLiteral("SELECT count(*) FROM conversations")).toLongLong();
    const qint64 escalated =
        test::queryValue(*db, QStringLiteral("SELECT sum(escalated) FROM conversations")).toLongLong();
    QCOMPARE(total, 6000);
    QCOMPARE(page->card(QStringLiteral("conversations"))->value(), QStringLiteral("6,000"));
    QCOMPARE(page->card(QStringLiteral("escalation"))->value(),
             QStringLiteral("%1 %").arg(QString::number(100.0 * double(escalated) / double(total), 'f', 1)));
    QVERIFY(page->card(QStringLiteral("escalation"))
                ->detail()
                .startsWith(formatCount(escalated) + QStringLiteral(" escalated")));
    QCOMPARE(page->card(QStringLiteral("range"))->value(), QStringLiteral("Jul – Oct 2026"));
    const QString firstDay =
        test::queryValue(*db, QStringLiteral("SELECT date(min(created_at) / 1000, 'unixepoch') FROM conversations"))
            .toString();
    const QString lastDay =
        test::queryValue(*db, QStringLiteral("SELECT date(max(created_at) / 1000, 'unixepoch') FROM conversations"))
            .toString();
    QCOMPARE(page->card(QStringLiteral("range"))->detail(), QStringLiteral("%1 to %2").arg(firstDay, lastDay));
    QCOMPARE(page->card(QStringLiteral("customers"))->value(),
             formatCount(test::queryValue(*db, QStringLiteral("SELECT count(DISTINCT customer_id) FROM conversations"))
                             .toLongLong()));
    QCOMPARE(
        page->card(QStringLiteral("followups"))->value(),
        formatCount(test::queryValue(*db, QStringLiteral("SELECT sum(has_followup) FROM conversations")).toLongLong()));
    QCOMPARE(page->card(QStringLiteral("csat"))->value(),
             formatCount(test::queryValue(*db, QStringLiteral("SELECT count(csat) FROM conversations")).toLongLong()));

    // Per month, bucketed in UTC by SQLite's own calendar.
    const auto months =
        expectedRows(*db, QStringLiteral("SELECT strftime('%Y-%m', created_at / 1000, 'unixepoch'), count(*),"
                                         " sum(escalated) FROM conversations GROUP BY 1 ORDER BY 1"));
    VolumeTableModel *monthModel = page->monthModel();
    QCOMPARE(monthModel->rowCount(), int(months.size()));
    QCOMPARE(monthModel->rowCount(), 4);
    for (int row = 0; row < monthModel->rowCount(); ++row) {
        const Expected &expected = months[size_t(row)];
        const QDate month = QDate::fromString(expected.label + QStringLiteral("-01"), Qt::ISODate);
        QCOMPARE(cellText(monthModel, row, VolumeTableModel::LabelColumn),
                 formatMonthLong(month.year(), month.month()));
        QCOMPARE(cellText(monthModel, row, VolumeTableModel::ConversationsColumn), formatCount(expected.conversations));
        QCOMPARE(cellText(monthModel, row, VolumeTableModel::EscalatedColumn), formatCount(expected.escalated));
        QCOMPARE(cellText(monthModel, row, VolumeTableModel::RateColumn),
                 QStringLiteral("%1 %").arg(
                     QString::number(100.0 * double(expected.escalated) / double(expected.conversations), 'f', 1)));
    }

    const auto categories =
        expectedRows(*db, QStringLiteral("SELECT d.name, count(*), sum(c.escalated) FROM conversations c"
                                         " JOIN dimensions d ON d.id = c.category_id GROUP BY d.name"
                                         " ORDER BY 2 DESC, 1"));
    VolumeTableModel *categoryModel = page->categoryModel();
    QCOMPARE(categoryModel->rowCount(), int(categories.size()));
    QVERIFY(categoryModel->rowCount() >= 8);
    for (int row = 0; row < categoryModel->rowCount(); ++row) {
        const Expected &expected = categories[size_t(row)];
        QCOMPARE(cellText(categoryModel, row, VolumeTableModel::LabelColumn), expected.label);
        QCOMPARE(cellText(categoryModel, row, VolumeTableModel::ConversationsColumn),
                 formatCount(expected.conversations));
        QCOMPARE(cellText(categoryModel, row, VolumeTableModel::EscalatedColumn), formatCount(expected.escalated));
    }

    // The charts are drawn, and the status bar says where we are.
    QVERIFY(page->monthChart()->seriesCount() >= 2);
    QCOMPARE(page->categoryChart()->seriesCount(), 1);
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("status-count"))->text(), QStringLiteral("6,000 conversations"));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("status-path"))->text(), QDir::toNativeSeparators(path));
    test::saveScreenshot(window, QStringLiteral("data-page.png"));

    // A dark palette keeps every text and chart legible (the charts follow the palette).
    QApplication::setPalette(test::darkPalette());
    QCoreApplication::processEvents();
    QVERIFY(page->monthChart()->seriesCount() >= 2);
    test::saveScreenshot(window, QStringLiteral("data-page-dark.png"));
    QApplication::setPalette(QPalette());
}

void TestDataPage::modelsPassTheTester()
{
    VolumeTableModel model(QStringLiteral("Month"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows({{QStringLiteral("October 2026"), {100, 25}}, {QStringLiteral("November 2026"), {0, 0}}}, 100);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(cellText(&model, 0, VolumeTableModel::ShareColumn), QStringLiteral("100.0 %"));
    QCOMPARE(cellText(&model, 0, VolumeTableModel::RateColumn), QStringLiteral("25.0 %"));
    // An empty month has no rate: a dash, not 0 %.
    QCOMPARE(cellText(&model, 1, VolumeTableModel::RateColumn), QStringLiteral("—"));
    model.setRows({}, 0);
    QCOMPARE(model.rowCount(), 0);
}

void TestDataPage::emptyWorkspaceOffersDemoData()
{
    MainWindow window(m_clock);
    window.show();
    QVERIFY(openAndWait(window, m_folder.path(QStringLiteral("empty.ewb"))));
    window.showPage(window.dataPage());
    auto *demoButton = window.dataPage()->findChild<QPushButton *>(QStringLiteral("demo-button"));
    auto *importButton = window.dataPage()->findChild<QPushButton *>(QStringLiteral("empty-import-button"));
    QVERIFY(demoButton && importButton);
    QVERIFY(demoButton->isVisible());
    QVERIFY(importButton->isVisible());
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("status-count"))->text(), QStringLiteral("0 conversations"));
    test::saveScreenshot(window, QStringLiteral("data-page-empty.png"));

    QSignalSpy finished(&window, &MainWindow::backgroundWorkFinished);
    QSignalSpy loaded(window.dataPage(), &DataPage::factsLoaded);
    DemoOptions options;
    options.conversations = 1500;
    options.months = 2;
    window.fillWithDemoData(options);
    QVERIFY(window.isBusy());
    QVERIFY(finished.wait(60000));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && !window.dataPage()->isLoading(), 60000);
    QCOMPARE(window.dataPage()->facts().total.conversations, 1500);
    QCOMPARE(window.dataPage()->card(QStringLiteral("conversations"))->value(), QStringLiteral("1,500"));
    QVERIFY(!demoButton->isVisible());
}

void TestDataPage::refusedWorkspaceKeepsTheCurrentOne()
{
    const QString good = m_folder.path(QStringLiteral("demo.ewb"));
    const QString newer = m_folder.path(QStringLiteral("newer.ewb"));
    test::makeNewerWorkspace(newer, schema::kCurrentVersion + 1);

    MainWindow window(m_clock);
    QStringList errors;
    window.setErrorPresenter([&](const QString &, const QString &text) { errors << text; });
    QVERIFY(openAndWait(window, good));
    QVERIFY(!window.openWorkspace(newer));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().contains(QStringLiteral("newer version")), qPrintable(errors.first()));
    QCOMPARE(window.workspacePath(), QFileInfo(good).absoluteFilePath());
}

void TestDataPage::rememberesGeometryAndWorkspace()
{
    const QString path = m_folder.path(QStringLiteral("demo.ewb"));
    {
        MainWindow window(m_clock);
        window.show();
        window.resize(1100, 700);
        QVERIFY(openAndWait(window, path));
        window.close();
    }
    QCOMPARE(defaultWorkspacePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(recentWorkspaces().value(0), QFileInfo(path).absoluteFilePath());
    MainWindow reopened(m_clock);
    QCOMPARE(reopened.size(), QSize(1100, 700));
}

void TestDataPage::eventsAreAddedAndRemoved()
{
    const QString path = m_folder.path(QStringLiteral("events.ewb"));
    QVERIFY(QFile::copy(m_folder.path(QStringLiteral("demo.ewb")), path));
    MainWindow window(m_clock);
    window.show();
    QVERIFY(openAndWait(window, path));
    DataPage *page = window.dataPage();
    const int before = page->eventsList()->topLevelItemCount();
    page->setEventDialogAnswer([](EventDialog &dialog) {
        dialog.setValues(QDate(2026, 9, 20), QStringLiteral("ai_change"), QStringLiteral("<b>New prompt</b> v3"));
        return true;
    });
    QSignalSpy loaded(page, &DataPage::factsLoaded);
    QSignalSpy changed(page, &DataPage::eventsChanged);
    page->askForEvent();
    QCOMPARE(changed.count(), 1);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(page->eventsList()->topLevelItemCount(), before + 1);
    QTreeWidgetItem *added = nullptr;
    for (int i = 0; i < page->eventsList()->topLevelItemCount(); ++i) {
        if (page->eventsList()->topLevelItem(i)->text(2) == QStringLiteral("<b>New prompt</b> v3"))
            added = page->eventsList()->topLevelItem(i);
    }
    QVERIFY(added);
    QCOMPARE(added->text(0), QStringLiteral("2026-09-20"));
    QCOMPARE(added->text(1), QStringLiteral("ai_change"));
    page->eventsList()->setCurrentItem(added);
    page->removeSelectedEvent();
    QVERIFY(loaded.wait(30000));
    QCOMPARE(page->eventsList()->topLevelItemCount(), before);
    auto db = Database::open(path);
    QCOMPARE(test::queryValue(*db, QStringLiteral("SELECT count(*) FROM events")).toInt(), before);
}

void TestDataPage::savedMappingsAreListedAndRemoved()
{
    const QString path = m_folder.path(QStringLiteral("mappings.ewb"));
    QVERIFY(QFile::copy(m_folder.path(QStringLiteral("demo.ewb")), path));
    {
        auto db = Database::open(path);
        ColumnMapping helpDesk;
        helpDesk.name = QStringLiteral("Help desk CSV");
        helpDesk.columns = {{Field::ConversationId, QStringLiteral("ticket")}};
        saveMapping(*db, helpDesk, test::testNow().toMSecsSinceEpoch());
        ColumnMapping runs = helpDesk;
        runs.name = QStringLiteral("Agent runs");
        runs.format = QStringLiteral("chatlog");
        saveMapping(*db, runs, test::testNow().toMSecsSinceEpoch());
    }
    MainWindow window(m_clock);
    window.show();
    QVERIFY(openAndWait(window, path));
    DataPage *page = window.dataPage();
    QTreeWidget *list = page->mappingsList();
    QCOMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("Agent runs"));
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("chatlog"));
    QCOMPARE(list->topLevelItem(1)->text(2), formatDateTime(test::testNow().toMSecsSinceEpoch()));
    page->showTargetsPanel(); // scrolled to the kept lists, as the Monthly review's button leaves it
    test::saveScreenshot(window, QStringLiteral("data-page-kept.png"));

    QSignalSpy loaded(page, &DataPage::factsLoaded);
    list->setCurrentItem(list->topLevelItem(0));
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("remove-mapping")), Qt::LeftButton);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(list->topLevelItemCount(), 1);
    auto db = Database::open(path);
    QCOMPARE(savedMappingNames(*db), QStringList{QStringLiteral("Help desk CSV")});
}

void TestDataPage::readOnlyWorkspaceIsReadWithABanner()
{
    const QString path = m_folder.path(QStringLiteral("archived.ewb"));
    QFile::remove(path);
    QVERIFY(QFile::copy(m_folder.path(QStringLiteral("demo.ewb")), path));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup));
    const QByteArray before = test::fileSha256(path);
    MainWindow window(m_clock);
    QStringList errors;
    window.setErrorPresenter([&](const QString &, const QString &text) { errors << text; });
    window.resize(1600, 1000);
    window.show();
    QVERIFY(openAndWait(window, path));
    auto *banner = window.findChild<QLabel *>(QStringLiteral("readOnlyBanner"));
    QVERIFY(banner && banner->isVisible());
    QVERIFY2(banner->text().contains(QLatin1String("the file is read-only")), qPrintable(banner->text()));
    QCOMPARE(window.dataPage()->card(QStringLiteral("conversations"))->value(), QStringLiteral("6,000"));
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->text().startsWith(QLatin1String("&Import")) || action->text().contains(QLatin1String("Demo")))
            QVERIFY2(!action->isEnabled(), qPrintable(action->text()));
    }
    for (const char *name : {"import-button", "empty-import-button", "demo-button"}) {
        auto *button = window.dataPage()->findChild<QPushButton *>(QString::fromLatin1(name));
        QVERIFY2(button && !button->isEnabled() && button->toolTip().contains(QLatin1String("read-only")), name);
    }
    window.importInBackground(test::importOf({test::dataPath(QStringLiteral("import/chatlog_with_times.jsonl"))}));
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.first().contains(QLatin1String("read-only")));
    test::saveScreenshot(window, QStringLiteral("data-page-read-only.png"));
    window.close();
    QCOMPARE(test::fileSha256(path), before);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

QTEST_MAIN(TestDataPage)
#include "tst_datapage.moc"
