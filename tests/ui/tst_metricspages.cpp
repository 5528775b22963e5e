// The Dashboard, Monthly review and Cost model pages on one workspace: every figure they show agrees with
// `metrics --json` (run as a separate process), clicks list the conversations behind a bar and open one in
// Review, the period switch reaches every page, and empty workspaces say what to do.
#include "TestSupport.h"
#include "UiTestSupport.h"
#include "charts/ChartPanel.h"
#include "common/NumberText.h"
#include "cost/CostPage.h"
#include "dashboard/DashboardPage.h"
#include "dashboard/DrillDownDialog.h"
#include "dashboard/DrillDownModel.h"
#include "data/DataPage.h"
#include "data/TargetsPanel.h"
#include "monthly/HeadlineTableModel.h"
#include "monthly/MonthlyReviewPage.h"
#include "review/ReviewPage.h"
#include "review/Sampling.h"
#include "review/Tagging.h"
#include "shell/MainWindow.h"
#include "shell/MetricsSession.h"
#include "store/Database.h"
#include "store/WorkspaceSettings.h"

#include <QAbstractBarSeries>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QHorizontalBarSeries>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QXYSeries>

using namespace workbench;
using namespace workbench::ui;

namespace {

QJsonObject metricsJsonOf(const QString &workspace, const QString &period)
{
    const test::ProgramRun run = test::runProgram(QStringLiteral(WORKBENCH_EXECUTABLE),
                                                  {QStringLiteral("metrics"), QStringLiteral("--db"), workspace,
                                                   QStringLiteral("--period"), period, QStringLiteral("--json")});
    if (run.exitCode != 0)
        qFatal("metrics --json failed: %s", qPrintable(run.err));
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

std::optional<double> jsonNumber(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}

QJsonObject groupNamed(const QJsonArray &groups, const QString &name)
{
    for (const QJsonValue &group : groups) {
        if (group[QStringLiteral("name")].toString() == name)
            return group.toObject();
    }
    return {};
}

bool waitForReport(MainWindow &window)
{
    MetricsSession *session = window.metricsSession();
    QSignalSpy ready(session, &MetricsSession::reportChanged);
    for (int i = 0; i < 200 && (session->isComputing() || !session->report()); ++i)
        ready.wait(100);
    return session->report().has_value() && !session->isComputing();
}

/// The text of the headline table's row `key` in `column`; empty when no row has that key.
QString headlineCell(const HeadlineTableModel &model, const QString &key, int column)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.figures()[size_t(row)].key == key)
            return model.index(row, column).data().toString();
    }
    return {};
}

/// Shows the window on the workspace and `page`, once the session's report is computed.
void openOn(MainWindow &window, const QString &path, const QString &page)
{
    window.resize(1600, 1000);
    window.show();
    QVERIFY(window.openWorkspace(path));
    QVERIFY(window.showPageNamed(page));
    QVERIFY(waitForReport(window));
}

} // namespace

class TestMetricsPages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dashboardAgreesWithTheCli();
    void everyChartAnswersAHoverAfterItIsBuilt();
    void clickThroughOpensTheConversationInReview();
    void monthlyReviewAgreesWithTheCli();
    void costPageAgreesWithTheCli();
    void periodSwitchReachesEveryPage();
    void targetsSetOnTheDataPageReachTheMonthlyReview();
    void emptyWorkspaceSaysWhatToDo();
    void screenshotsAtTwoSizesAndPalettes();

private:
    test::TempFolder m_folder;
    FixedClock m_clock{test::testNow()};
    QString m_path;
    QJsonObject m_json;
};

void TestMetricsPages::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_path = m_folder.path(QStringLiteral("demo.ewb"));
    test::makeReviewedDemoWorkspace(m_path);
    auto db = Database::open(m_path);
    WorkspaceSettings(*db).set(QStringLiteral("target.false_escalation_rate"), QStringLiteral("0.15"));
    m_json = metricsJsonOf(m_path, QStringLiteral("2026-10"));
    QVERIFY(m_json[QStringLiteral("reviewed_escalated")].toInt() > 50);
}

void TestMetricsPages::dashboardAgreesWithTheCli()
{
    MainWindow window(m_clock);
    openOn(window, m_path, QStringLiteral("dashboard"));
    DashboardPage *page = window.dashboardPage();
    QCOMPARE(window.metricsSession()->period().key(), QStringLiteral("2026-10"));
    for (ChartPanel *chart : page->charts())
        QVERIFY2(chart->seriesCount() > 0,
                 qPrintable(chart->objectName() + QStringLiteral(": ") + chart->emptyMessage()));

    // Escalation rate by category: every bar is the CLI's rate, rounded to a tenth of a point.
    auto *bars = qobject_cast<QHorizontalBarSeries *>(page->chart(QStringLiteral("rates"))->chart()->series().first());
    QVERIFY(bars);
    const QBarSet *set = bars->barSets().first();
    const QJsonArray categories = m_json[QStringLiteral("by_category")].toArray();
    QCOMPARE(set->count(), categories.size());
    QStringList labels;
    for (QAbstractAxis *axis : bars->attachedAxes()) {
        if (auto *categoryAxis = qobject_cast<QBarCategoryAxis *>(axis))
            labels = categoryAxis->categories();
    }
    for (int i = 0; i < set->count(); ++i) {
        const QJsonObject group = groupNamed(categories, labels[i]);
        QVERIFY2(!group.isEmpty(), qPrintable(labels[i]));
        QCOMPARE(set->at(i), std::round(group[QStringLiteral("escalation_rate")].toDouble() * 1000.0) / 10.0);
    }

    // False and missed escalations: each point is the CLI's estimate.
    QList<double> falsePoints;
    for (QAbstractSeries *series : page->chart(QStringLiteral("reviews"))->chart()->series()) {
        if (series->name() == QStringLiteral("False escalation rate")) {
            for (const QPointF &point : static_cast<QScatterSeries *>(series)->points())
                falsePoints << point.x();
        }
    }
    QList<double> expectedFalse;
    for (const QJsonValue &group : categories) {
        if (const auto value = jsonNumber(group[QStringLiteral("false_escalation_rate")][QStringLiteral("value")]))
            expectedFalse << *value * 100.0;
    }
    std::sort(falsePoints.begin(), falsePoints.end());
    std::sort(expectedFalse.begin(), expectedFalse.end());
    QCOMPARE(falsePoints.size(), expectedFalse.size());
    for (int i = 0; i < falsePoints.size(); ++i)
        QVERIFY(std::abs(falsePoints[i] - expectedFalse[i]) < 1e-9);

    // The threshold simulator's operating point is the CLI's recall and precision.
    bool foundOperatingPoint = false;
    for (QAbstractSeries *series : page->chart(QStringLiteral("threshold"))->chart()->series()) {
        if (series->name() == QStringLiteral("The AI today")) {
            const QPointF point = static_cast<QScatterSeries *>(series)->points().first();
            QVERIFY(std::abs(point.x() - m_json[QStringLiteral("recall")][QStringLiteral("value")].toDouble() * 100) <
                    1e-9);
            QVERIFY(std::abs(point.y() -
                             m_json[QStringLiteral("precision")][QStringLiteral("value")].toDouble() * 100) < 1e-9);
            foundOperatingPoint = true;
        }
    }
    QVERIFY(foundOperatingPoint);

    // The trend stresses the chosen month at the CLI's escalation rate.
    bool foundSelected = false;
    for (QAbstractSeries *series : page->chart(QStringLiteral("trend"))->chart()->series()) {
        if (series->name() == QStringLiteral("2026-10")) {
            const QPointF point = static_cast<QScatterSeries *>(series)->points().first();
            QVERIFY(std::abs(point.y() - m_json[QStringLiteral("escalation_rate")].toDouble() * 100) < 1e-9);
            foundSelected = true;
        }
    }
    QVERIFY(foundSelected);
    test::saveScreenshot(window, QStringLiteral("dashboard.png"));
}

void TestMetricsPages::everyChartAnswersAHoverAfterItIsBuilt()
{
    // The handlers run long after the builder returned: they must own what they read (the CSAT chart's read a
    // vector that died with its builder; ASan in the sanitizer run reports any such read).
    MainWindow window(m_clock);
    openOn(window, m_path, QStringLiteral("dashboard"));
    int hovered = 0;
    for (ChartPanel *panel : window.dashboardPage()->charts()) {
        for (QAbstractSeries *series : panel->chart()->series()) {
            if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
                for (QBarSet *set : bars->barSets()) {
                    for (int index = 0; index < set->count(); ++index) {
                        Q_EMIT set->hovered(true, index);
                        ++hovered;
                    }
                    Q_EMIT set->hovered(false, 0);
                }
            } else if (auto *points = qobject_cast<QXYSeries *>(series)) {
                for (const QPointF &point : points->points()) {
                    Q_EMIT points->hovered(point, true);
                    ++hovered;
                }
            }
        }
    }
    QVERIFY2(hovered > 20, qPrintable(QString::number(hovered)));
    QVERIFY(window.dashboardPage()->chart(QStringLiteral("csat")) != nullptr);
}

void TestMetricsPages::clickThroughOpensTheConversationInReview()
{
    MainWindow window(m_clock);
    openOn(window, m_path, QStringLiteral("dashboard"));
    DashboardPage *page = window.dashboardPage();
    // What a click on the "Returns" bar asks for.
    DrillDownRequest request;
    request.period = Period::month(2026, 10);
    request.breakdown = Breakdown::Category;
    request.group = QStringLiteral("Returns");
    request.escalated = true;
    page->drill(request, QStringLiteral("Escalated conversations of Returns"));
    DrillDownDialog *dialog = page->drillDownDialog();
    QVERIFY(dialog->isVisible());
    QAbstractItemModelTester tester(dialog->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int expected = groupNamed(m_json[QStringLiteral("by_category")].toArray(),
                                    QStringLiteral("Returns"))[QStringLiteral("escalated")]
                             .toInt();
    QCOMPARE(dialog->model()->rowCount(), expected);
    for (int row = 0; row < dialog->model()->rowCount(); ++row) {
        QCOMPARE(dialog->model()->row(row).category, QStringLiteral("Returns"));
        QVERIFY(dialog->model()->row(row).escalated);
    }
    // Return on a row opens it in the Review page.
    dialog->view()->setCurrentIndex(dialog->model()->index(2, 0));
    const QString id = dialog->model()->row(2).conversationId;
    QTest::keyClick(dialog->view(), Qt::Key_Return);
    QCOMPARE(window.reviewPage()->currentConversationId(), id);
    QVERIFY(window.reviewPage()->isVisible());
}

void TestMetricsPages::monthlyReviewAgreesWithTheCli()
{
    MainWindow window(m_clock);
    openOn(window, m_path, QStringLiteral("monthly"));
    MonthlyReviewPage *page = window.monthlyPage();
    HeadlineTableModel *model = page->headlineModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto cell = [model](const QString &key, int column) { return headlineCell(*model, key, column); };
    QCOMPARE(cell(QStringLiteral("escalation_rate"), HeadlineTableModel::ValueColumn),
             percentText(jsonNumber(m_json[QStringLiteral("escalation_rate")])));
    for (const char *key : {"false_escalation_rate", "missed_escalation_rate", "precision", "recall"}) {
        const QJsonValue e = m_json[QString::fromLatin1(key)];
        QCOMPARE(cell(QString::fromLatin1(key), HeadlineTableModel::ValueColumn),
                 QStringLiteral("%1 [%2, %3]")
                     .arg(percentText(jsonNumber(e[QStringLiteral("value")])),
                          percentText(jsonNumber(e[QStringLiteral("lo")])),
                          percentText(jsonNumber(e[QStringLiteral("hi")]))));
    }
    QCOMPARE(cell(QStringLiteral("ai_csat"), HeadlineTableModel::ValueColumn),
             decimalText(jsonNumber(m_json[QStringLiteral("ai_csat")]), 1));
    QCOMPARE(cell(QStringLiteral("false_escalation_cost"), HeadlineTableModel::ValueColumn),
             moneyText(jsonNumber(m_json[QStringLiteral("cost")][QStringLiteral("false_escalation_cost")]),
                       QStringLiteral("USD")));
    // The target of the quarter is shown with whether it is met.
    QVERIFY(cell(QStringLiteral("false_escalation_rate"), HeadlineTableModel::TargetColumn)
                .startsWith(QStringLiteral("15.0 %")));
    for (const QJsonValue &name : m_json[QStringLiteral("top_false_categories")].toArray())
        QVERIFY(page->sectionText(QStringLiteral("top-false")).contains(name.toString()));
    for (const QJsonValue &group : m_json[QStringLiteral("by_category")].toArray()) {
        if (group[QStringLiteral("csat_flag")].toBool())
            QVERIFY(page->sectionText(QStringLiteral("flagged")).contains(group[QStringLiteral("name")].toString()));
    }
    for (const QJsonValue &r : m_json[QStringLiteral("recommendations")].toArray())
        QVERIFY(page->sectionText(QStringLiteral("recommendations")).contains(r[QStringLiteral("why")].toString()));
    const QJsonObject planner = m_json[QStringLiteral("margin_planner")].toObject();
    QVERIFY(page->sectionText(QStringLiteral("planner"))
                .contains(countText(planner[QStringLiteral("reviews_needed_escalated")].toInt())));
    // Two reviewers overlapped on 24 conversations: agreement with the disagreements.
    const QJsonArray agreement = m_json[QStringLiteral("agreement")].toArray();
    QCOMPARE(page->agreementTable()->rowCount(), agreement.size());
    QVERIFY(agreement.size() >= 1);
    QCOMPARE(page->agreementTable()->item(0, 1)->text(), countText(agreement[0][QStringLiteral("common")].toInt()));
}

void TestMetricsPages::costPageAgreesWithTheCli()
{
    MainWindow window(m_clock);
    openOn(window, m_path, QStringLiteral("cost"));
    CostPage *page = window.costPage();
    const QJsonObject cost = m_json[QStringLiteral("cost")].toObject();
    const QJsonObject whatif = m_json[QStringLiteral("whatif")].toObject();
    const QString usd = QStringLiteral("USD");
    QCOMPARE(page->figureText(QStringLiteral("cost")),
             moneyText(jsonNumber(cost[QStringLiteral("false_escalation_cost")]), usd));
    QCOMPARE(page->figureText(QStringLiteral("net-cost")),
             moneyText(jsonNumber(cost[QStringLiteral("false_escalation_net_cost")]), usd));
    QCOMPARE(page->figureText(QStringLiteral("monthly")), moneyText(whatif[QStringLiteral("monthly")].toDouble(), usd));
    QCOMPARE(page->figureText(QStringLiteral("yearly")), moneyText(whatif[QStringLiteral("yearly")].toDouble(), usd));
    QCOMPARE(page->figureText(QStringLiteral("monthly-net")),
             moneyText(whatif[QStringLiteral("monthly_net")].toDouble(), usd));

    // The sliders: a cut of 2 points at 15.00 an agent contact saves E x 0.02 x 15 a month, 12 times that a year.
    page->setWhatIf(2, 15, 1);
    const double escalated = m_json[QStringLiteral("escalated")].toDouble();
    QCOMPARE(page->figureText(QStringLiteral("monthly")), moneyText(escalated * 0.02 * 15, usd));
    QCOMPARE(page->figureText(QStringLiteral("yearly")), moneyText(escalated * 0.02 * 15 * 12, usd));
    QCOMPARE(page->figureText(QStringLiteral("monthly-net")), moneyText(escalated * 0.02 * 14, usd));
    // Every setting is listed with where its value comes from.
    QCOMPARE(page->settingsTable()->rowCount(), int(settingSpecs().size()));
    bool targetFromWorkspace = false;
    for (int row = 0; row < page->settingsTable()->rowCount(); ++row) {
        if (page->settingsTable()->item(row, 0)->text() == QStringLiteral("target.false_escalation_rate"))
            targetFromWorkspace = page->settingsTable()->item(row, 2)->text().startsWith(QStringLiteral("set in"));
    }
    QVERIFY(targetFromWorkspace);
}

void TestMetricsPages::periodSwitchReachesEveryPage()
{
    MainWindow window(m_clock);
    openOn(window, m_path, QStringLiteral("dashboard"));
    QComboBox *period = window.dashboardPage()->periodBox();
    period->setCurrentIndex(period->findData(QStringLiteral("2026-09")));
    QVERIFY(waitForReport(window));
    QCOMPARE(window.metricsSession()->report()->headline.period.key(), QStringLiteral("2026-09"));
    QVERIFY(window.monthlyPage()->sectionText(QStringLiteral("heading")).contains(QStringLiteral("September 2026")));
    QVERIFY(window.costPage()->findChild<QComboBox *>(QStringLiteral("period"))->currentData().toString() ==
            QStringLiteral("2026-09"));
    const QJsonObject september = metricsJsonOf(m_path, QStringLiteral("2026-09"));
    QCOMPARE(
        window.costPage()->figureText(QStringLiteral("monthly")),
        moneyText(september[QStringLiteral("whatif")][QStringLiteral("monthly")].toDouble(), QStringLiteral("USD")));
    // September has no reviews: the review charts say so instead of drawing nothing.
    QVERIFY(window.dashboardPage()
                ->chart(QStringLiteral("reviews"))
                ->emptyMessage()
                .contains(QStringLiteral("No reviews in 2026-09 yet")));
}

void TestMetricsPages::targetsSetOnTheDataPageReachTheMonthlyReview()
{
    const QString path = m_folder.path(QStringLiteral("targets.ewb"));
    QVERIFY(QFile::copy(m_path, path));
    MainWindow window(m_clock);
    openOn(window, path, QStringLiteral("monthly"));
    QTRY_VERIFY(!window.dataPage()->isLoading());
    // From the Monthly review's button to the Data page, with the first target focused.
    auto *setTargets = window.monthlyPage()->findChild<QPushButton *>(QStringLiteral("set-targets"));
    QVERIFY(setTargets);
    QTest::mouseClick(setTargets, Qt::LeftButton);
    QVERIFY(window.dataPage()->isVisible());
    TargetsPanel *panel = window.dataPage()->targetsPanel();
    QDoubleSpinBox *escalation = panel->field(QStringLiteral("target.escalation_rate"));
    QDoubleSpinBox *csat = panel->field(QStringLiteral("target.ai_csat"));
    QDoubleSpinBox *falseRate = panel->field(QStringLiteral("target.false_escalation_rate"));
    QVERIFY(escalation && csat && falseRate);
    QTRY_VERIFY(escalation->hasFocus());
    QCOMPARE(falseRate->value(), 15.0); // the stored 0.15, in percent
    QCOMPARE(escalation->text(), QStringLiteral("not set"));

    // Typed as a lead would: 22.5 % escalation, CSAT 80 points, the false-escalation target cleared.
    escalation->selectAll();
    QTest::keyClicks(escalation, QStringLiteral("22.5"));
    csat->setValue(80);
    falseRate->setValue(falseRate->minimum());
    auto *save = panel->findChild<QPushButton *>(QStringLiteral("save-targets"));
    QVERIFY(save->isEnabled());
    QSignalSpy recomputed(window.metricsSession(), &MetricsSession::reportChanged);
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(!save->isEnabled());
    QVERIFY(recomputed.wait(30000));
    QVERIFY(waitForReport(window));
    {
        auto db = Database::open(path);
        const WorkspaceSettings settings(*db);
        QCOMPARE(settings.value(QStringLiteral("target.escalation_rate")), QStringLiteral("0.225"));
        QCOMPARE(settings.value(QStringLiteral("target.ai_csat")), QStringLiteral("80"));
        QVERIFY(settings.isDefault(QStringLiteral("target.false_escalation_rate")));
    }
    const HeadlineTableModel &model = *window.monthlyPage()->headlineModel();
    QVERIFY(headlineCell(model, QStringLiteral("escalation_rate"), HeadlineTableModel::TargetColumn)
                .startsWith(QStringLiteral("22.5 %")));
    QVERIFY(headlineCell(model, QStringLiteral("ai_csat"), HeadlineTableModel::TargetColumn)
                .startsWith(QStringLiteral("80.0")));
    QCOMPARE(headlineCell(model, QStringLiteral("false_escalation_rate"), HeadlineTableModel::TargetColumn),
             QStringLiteral("—"));
    // The CLI reads the same targets.
    const QJsonArray targets = metricsJsonOf(path, QStringLiteral("2026-10"))[QStringLiteral("targets")].toArray();
    QCOMPARE(targets.size(), 2);
}

void TestMetricsPages::emptyWorkspaceSaysWhatToDo()
{
    MainWindow window(m_clock);
    window.show();
    QVERIFY(window.openWorkspace(m_folder.path(QStringLiteral("empty.ewb"))));
    MetricsSession *session = window.metricsSession();
    QSignalSpy overview(session, &MetricsSession::overviewChanged);
    QTRY_VERIFY(!session->isComputing());
    QVERIFY(window.dashboardPage()->chart(QStringLiteral("trend"))->emptyMessage().contains(QStringLiteral("import")));
    QVERIFY(!session->report());
}

void TestMetricsPages::screenshotsAtTwoSizesAndPalettes()
{
    // Every page at both sizes and in both palettes is laid out within the window and drawn; the images are
    // kept when WORKBENCH_SCREENSHOT_DIR names a folder.
    MainWindow window(m_clock);
    window.show();
    QVERIFY(window.openWorkspace(m_path));
    QVERIFY(waitForReport(window));
    for (const QSize &size : {QSize(1366, 768), QSize(2560, 1440)}) {
        window.resize(size);
        for (bool dark : {false, true}) {
            QApplication::setPalette(dark ? test::darkPalette() : QPalette());
            for (const char *page : {"dashboard", "monthly", "cost"}) {
                QVERIFY(window.showPageNamed(QString::fromLatin1(page)));
                QCoreApplication::processEvents();
                QVERIFY2(window.minimumSizeHint().width() <= size.width(), page);
                QCOMPARE(window.grab().size(), window.size());
                test::saveScreenshot(window, QStringLiteral("%1-%2x%3%4.png")
                                                 .arg(QString::fromLatin1(page))
                                                 .arg(size.width())
                                                 .arg(size.height())
                                                 .arg(dark ? QStringLiteral("-dark") : QString()));
            }
        }
    }
    QApplication::setPalette(QPalette());
}

QTEST_MAIN(TestMetricsPages)
#include "tst_metricspages.moc"
