// The cost model and the workspace settings, against METRICS.md's worked example and definitions.
#include "TestSupport.h"
#include "common/WorkbenchError.h"
#include "cost/CostModel.h"
#include "store/Database.h"
#include "store/WorkspaceSettings.h"

#include <QTest>

using namespace workbench;

class TestCostModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void workedExample();
    void cutIsCappedAtTheFalseRate();
    void unknownFalseRate();
    void isoWeekScalesToAMonth();
    void settingsDefaultsAndSources();
    void settingsValidate_data();
    void settingsValidate();
    void settingsSetAllIsAllOrNothing();
    void benchmarkBands_data();
    void benchmarkBands();
};

void TestCostModel::workedExample()
{
    // 5,000 conversations, 25 % escalated (1,250), f = 20 %: 250 false escalations, 3,000.00 a month at 12.00;
    // lowering f by 5 points saves 750.00 a month and 9,000.00 a year.
    CostInputs inputs;
    inputs.escalated = 1250;
    inputs.falseRate = 0.20;
    const CostFigures figures = costModel(inputs);
    QCOMPARE(QString::number(*figures.falseEscalationCost, 'f', 2), QStringLiteral("3000.00"));
    QCOMPARE(QString::number(figures.monthly, 'f', 2), QStringLiteral("750.00"));
    QCOMPARE(QString::number(figures.yearly, 'f', 2), QStringLiteral("9000.00"));
    // Net of what the AI would have cost: 12.00 - 1.84 = 10.16 a contact.
    QCOMPARE(QString::number(*figures.falseEscalationNetCost, 'f', 2), QStringLiteral("2540.00"));
    QCOMPARE(QString::number(figures.monthlyNet, 'f', 2), QStringLiteral("635.00"));
    QCOMPARE(QString::number(figures.yearlyNet, 'f', 2), QStringLiteral("7620.00"));
    QCOMPARE(figures.cutPoints, 5.0);
}

void TestCostModel::cutIsCappedAtTheFalseRate()
{
    CostInputs inputs;
    inputs.escalated = 1000;
    inputs.falseRate = 0.03;
    inputs.cutPoints = 5;
    const CostFigures figures = costModel(inputs);
    QVERIFY(qFuzzyCompare(figures.cutPoints, 3.0));
    QVERIFY(qFuzzyCompare(figures.monthly, 1000 * 0.03 * 12.0));
}

void TestCostModel::unknownFalseRate()
{
    CostInputs inputs;
    inputs.escalated = 1250;
    const CostFigures figures = costModel(inputs);
    QVERIFY(!figures.falseEscalationCost);
    QVERIFY(!figures.falseEscalationNetCost);
    // The what-if does not rest on f (only its cap does).
    QCOMPARE(QString::number(figures.monthly, 'f', 2), QStringLiteral("750.00"));
}

void TestCostModel::isoWeekScalesToAMonth()
{
    CostInputs inputs;
    inputs.escalated = 300;
    inputs.falseRate = 0.2;
    inputs.periodKind = Period::Kind::IsoWeek;
    const CostFigures figures = costModel(inputs);
    QVERIFY(qFuzzyCompare(figures.monthly, 300.0 * 52.0 / 12.0 * 0.05 * 12.0));
    QVERIFY(qFuzzyCompare(*figures.falseEscalationCost, 300 * 0.2 * 12.0)); // the period's own cost is not scaled
}

void TestCostModel::settingsDefaultsAndSources()
{
    const test::TempFolder folder;
    auto db = Database::open(folder.path());
    WorkspaceSettings settings(*db);
    QCOMPARE(settings.value(QStringLiteral("agent_cost")), QStringLiteral("12.00"));
    QCOMPARE(*settings.number(QStringLiteral("ai_cost")), 1.84);
    QCOMPARE(settings.value(QStringLiteral("currency")), QStringLiteral("USD"));
    QCOMPARE(settings.value(QStringLiteral("benchmark")), QStringLiteral("general"));
    QVERIFY(!settings.number(QStringLiteral("target.escalation_rate")));
    QVERIFY(settings.isDefault(QStringLiteral("agent_cost")));
    for (const SettingSpec &spec : settingSpecs()) {
        if (spec.key == QLatin1String("agent_cost") || spec.key == QLatin1String("ai_cost"))
            QVERIFY2(spec.source.contains(QStringLiteral("Gartner")), qPrintable(spec.key));
    }
    settings.set(QStringLiteral("agent_cost"), QStringLiteral("13.50"));
    QCOMPARE(*settings.number(QStringLiteral("agent_cost")), 13.5);
    QVERIFY(!settings.isDefault(QStringLiteral("agent_cost")));
    settings.set(QStringLiteral("agent_cost"), QString());
    QCOMPARE(settings.value(QStringLiteral("agent_cost")), QStringLiteral("12.00"));
    settings.set(QStringLiteral("target.escalation_rate"), QStringLiteral("0.2"));
    QCOMPARE(*settings.number(QStringLiteral("target.escalation_rate")), 0.2);
    settings.set(QStringLiteral("target.escalation_rate"), QString());
    QVERIFY(!settings.number(QStringLiteral("target.escalation_rate")));
    QVERIFY_THROWS_EXCEPTION(WorkbenchError, settings.value(QStringLiteral("colour")));
}

void TestCostModel::settingsValidate_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("cost") << "agent_cost"
                          << "8.5" << true;
    QTest::newRow("negative cost") << "agent_cost"
                                   << "-1" << false;
    QTest::newRow("words for a cost") << "ai_cost"
                                      << "cheap" << false;
    QTest::newRow("currency") << "currency"
                              << "EUR" << true;
    QTest::newRow("bad currency") << "currency"
                                  << "euro" << false;
    QTest::newRow("gap points") << "csat_gap_points"
                                << "15" << true;
    QTest::newRow("min reviewed 0") << "min_reviewed"
                                    << "0" << false;
    QTest::newRow("margin") << "target_margin"
                            << "0.03" << true;
    QTest::newRow("margin as percent") << "target_margin"
                                       << "5" << false;
    QTest::newRow("custom band") << "benchmark"
                                 << "custom:8-14" << true;
    QTest::newRow("unknown band") << "benchmark"
                                  << "banking" << false;
    QTest::newRow("rate target as percent") << "target.false_escalation_rate"
                                            << "20" << false;
    QTest::newRow("CSAT target in points") << "target.ai_csat"
                                           << "80" << true;
}

void TestCostModel::settingsValidate()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    const test::TempFolder folder;
    auto db = Database::open(folder.path());
    WorkspaceSettings settings(*db);
    try {
        settings.set(key, value);
        QVERIFY(valid);
        QCOMPARE(settings.value(key), value);
    } catch (const WorkbenchError &error) {
        QVERIFY2(!valid, qPrintable(error.message()));
        QVERIFY(error.message().contains(QStringLiteral("expected")));
        QVERIFY(settings.isDefault(key));
    }
}

void TestCostModel::settingsSetAllIsAllOrNothing()
{
    const test::TempFolder folder;
    auto db = Database::open(folder.path());
    WorkspaceSettings settings(*db);
    settings.set(QStringLiteral("target.ai_csat"), QStringLiteral("80"));
    // The second value is not a rate: nothing of the batch is stored, the earlier target stays.
    QVERIFY_THROWS_EXCEPTION(WorkbenchError,
                             settings.setAll({{QStringLiteral("target.escalation_rate"), QStringLiteral("0.2")},
                                              {QStringLiteral("target.false_escalation_rate"), QStringLiteral("12")},
                                              {QStringLiteral("target.ai_csat"), QString()}}));
    QVERIFY(settings.isDefault(QStringLiteral("target.escalation_rate")));
    QCOMPARE(settings.value(QStringLiteral("target.ai_csat")), QStringLiteral("80"));
    settings.setAll({{QStringLiteral("target.escalation_rate"), QStringLiteral("0.2")},
                     {QStringLiteral("target.ai_csat"), QString()}});
    QCOMPARE(settings.number(QStringLiteral("target.escalation_rate")), std::optional<double>(0.2));
    QVERIFY(settings.isDefault(QStringLiteral("target.ai_csat")));
    QVERIFY(isTargetSetting(QStringLiteral("target.ai_csat")));
    QVERIFY(!isTargetSetting(QStringLiteral("agent_cost")));
}

void TestCostModel::benchmarkBands_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::newRow("general") << "general" << 0.05 << 0.10;
    QTest::newRow("ecommerce") << "ecommerce" << 0.12 << 0.18;
    QTest::newRow("luxury") << "luxury" << 0.30 << 0.35;
    QTest::newRow("regulated") << "regulated" << 0.30 << 0.40;
    QTest::newRow("custom") << "custom:7.5-12" << 0.075 << 0.12;
}

void TestCostModel::benchmarkBands()
{
    // The default setting's band, which a workspace without its own uses.
    QCOMPARE(defaultBenchmarkBand().name, QStringLiteral("general"));
    QVERIFY(qFuzzyCompare(defaultBenchmarkBand().high, 0.10));
    QFETCH(QString, setting);
    QFETCH(double, low);
    QFETCH(double, high);
    const auto band = benchmarkBand(setting);
    QVERIFY(band);
    QVERIFY(qFuzzyCompare(band->low, low));
    QVERIFY(qFuzzyCompare(band->high, high));
    QVERIFY(!benchmarkBand(QStringLiteral("custom:20-10")));
}

QTEST_GUILESS_MAIN(TestCostModel)
#include "tst_costmodel.moc"
