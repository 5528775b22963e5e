#include "MetricsSession.h"

#include "common/Clock.h"
#include "common/WorkbenchError.h"
#include "store/Database.h"

namespace workbench::ui {

MetricsSession::MetricsSession(const Clock &clock, QObject *parent) : QObject(parent), m_clock(clock)
{}

MetricsSession::~MetricsSession()
{
    for (const std::shared_ptr<TaskControl> &task : {m_overviewTask, m_reportTask}) {
        if (task)
            task->waitForWorker();
    }
}

bool MetricsSession::isComputing() const
{
    const auto running = [](const std::shared_ptr<TaskControl> &task) { return task && task->isRunning(); };
    return running(m_overviewTask) || running(m_reportTask) || m_overviewPending || m_reportPending;
}

void MetricsSession::setWorkspace(const QString &path)
{
    m_path = path;
    m_periodChosen = false;
    m_report.reset();
    m_trend.clear();
    m_events.clear();
    m_months.clear();
    Q_EMIT overviewChanged();
    Q_EMIT reportChanged();
    refresh();
}

void MetricsSession::refresh()
{
    if (m_path.isEmpty())
        return;
    loadOverview();
    if (m_periodChosen || m_report)
        computeReport();
}

void MetricsSession::setPeriod(const Period &period)
{
    m_periodChosen = true;
    if (period == m_period && m_report)
        return;
    m_period = period;
    computeReport();
}

void MetricsSession::loadOverview()
{
    if (m_path.isEmpty()) {
        m_overviewPending = false;
        return;
    }
    if (m_overviewTask && m_overviewTask->isRunning()) {
        m_overviewPending = true; // the last request wins: read again once this one is in
        return;
    }
    m_overviewPending = false;
    m_overviewTask = runInBackground(
        this,
        [path = m_path](TaskControl &) {
            auto database = Database::open(path);
            return Overview{path, computeMonthlyTrend(*database), listEvents(*database), {}};
        },
        [this, path = m_path](TaskOutcome<Overview> outcome) { applyOverview(path, std::move(outcome)); });
}

void MetricsSession::applyOverview(const QString &path, TaskOutcome<Overview> outcome)
{
    if (m_overviewPending || path != m_path) { // asked again meanwhile, or read from a workspace closed since
        // Pending until the next read starts (after this handler, when the task no longer counts as running),
        // so that isComputing() never reads false in between.
        m_overviewPending = true;
        QMetaObject::invokeMethod(this, &MetricsSession::loadOverview, Qt::QueuedConnection);
        return;
    }
    Overview overview = outcome.result.value_or(Overview{path, {}, {}, outcome.error});
    m_trend = std::move(overview.trend);
    m_events = std::move(overview.events);
    m_months.clear();
    for (auto month = m_trend.rbegin(); month != m_trend.rend(); ++month) {
        if (month->figures.conversations > 0)
            m_months.push_back(month->month);
    }
    if (!m_periodChosen && !m_months.empty()) {
        // The last full month, as a monthly review looks back on it; else the newest month with data.
        const Period lastFull = Period::monthContaining(m_clock.nowUtc().toMSecsSinceEpoch()).previous();
        const bool hasLastFull = std::find(m_months.begin(), m_months.end(), lastFull) != m_months.end();
        const Period chosen = hasLastFull ? lastFull : m_months.front();
        if (!(chosen == m_period) || !m_report) {
            m_period = chosen;
            computeReport();
        }
    }
    Q_EMIT overviewChanged();
}

void MetricsSession::computeReport()
{
    if (m_path.isEmpty()) {
        m_reportPending = false;
        return;
    }
    if (m_reportTask && m_reportTask->isRunning()) {
        m_reportPending = true;
        return;
    }
    m_reportPending = false;
    m_reportTask = runInBackground(
        this,
        [path = m_path, period = m_period](TaskControl &) {
            auto database = Database::open(path);
            return computeMetrics(*database, period);
        },
        [this, path = m_path, period = m_period](TaskOutcome<MetricsReport> outcome) {
            if (m_reportPending || path != m_path || !(period == m_period)) {
                m_reportPending = true; // as for the overview: computing until the next one starts
                QMetaObject::invokeMethod(this, &MetricsSession::computeReport, Qt::QueuedConnection);
                return;
            }
            m_report = std::move(outcome.result);
            m_error = outcome.error;
            Q_EMIT reportChanged();
        });
}

} // namespace workbench::ui
