// Dashboard speed (issue 6): on a 1,000,000-conversation workspace with a reviewed random sample in each of the
// last months, switching the period redraws every chart of the dashboard: the report computed (off the GUI
// thread, as the app does), the six charts rebuilt and the page drawn. Median of 12 switches (goal < 200 ms).
// Usage: bench_dashboard [WORKSPACE] (default: a demo workspace generated in a temporary folder)
#include "BenchReport.h"
#include "common/Clock.h"
#include "dashboard/DashboardPage.h"
#include "shell/MetricsSession.h"
#include "store/Database.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>

using namespace workbench;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir directory;
    const QString workspace =
        bench::benchWorkspace(argc, argv, directory.path(), QStringLiteral("dashboard.ewb"), true);
    const FixedClock clock(bench::benchNow());
    auto database = Database::open(workspace);

    ui::MetricsSession session(clock);
    ui::DashboardPage page(session);
    page.setDatabase(database.get());
    page.resize(1600, 1000);
    page.show();
    QSignalSpy redrawn(&page, &ui::DashboardPage::chartsRedrawn);
    QElapsedTimer first;
    first.start();
    session.setWorkspace(workspace);
    while (session.isComputing() || !session.report())
        redrawn.wait(50);
    page.grab();
    bench::report(QStringLiteral("open: trend of 24 months and the first report"), double(first.elapsed()),
                  QStringLiteral("ms"));

    std::vector<double> switches;
    const Period months[] = {Period::month(2026, 9), Period::month(2026, 8), Period::month(2026, 7),
                             Period::month(2026, 10)};
    for (int i = 0; i < 12; ++i) {
        const Period period = months[i % 4];
        redrawn.clear();
        QElapsedTimer timer;
        timer.start();
        session.setPeriod(period);
        while (redrawn.isEmpty() || session.isComputing())
            redrawn.wait(1);
        page.grab(); // every chart laid out and painted
        switches.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!session.report() || !(session.report()->headline.period == period))
            qFatal("the dashboard did not switch to %s", qPrintable(period.key()));
    }
    bench::report(QStringLiteral("switch the period, redraw every chart, median (goal < 200)"), bench::median(switches),
                  QStringLiteral("ms"));
    bench::report(QStringLiteral("switch the period, slowest of 12"),
                  *std::max_element(switches.begin(), switches.end()), QStringLiteral("ms"));
    bench::report(QStringLiteral("peak memory"), bench::peakResidentMiB(), QStringLiteral("MiB"));
    return 0;
}
