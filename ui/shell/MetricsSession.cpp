#include "MetricsSession.h"

#include "common/Clock.h"
#include "common/WorkbenchError.h"
#include "store/Database.h"

#include <QtConcurrent/QtConcurrentRun>

namespace workbench::ui {

MetricsSession::MetricsSession(const Clock &clock, QObject *parent) : QObject(parent), m_clock(clock)
{
    connect(&m_overviewWatcher, &QFutureWatcher<Overview>::finished, this, [this] {
        m_overviewInFlight = false;
        if (m_overviewPending) {
            m_overviewPending = false;
            loadOverview();
            return;
        }
        Overview overview = m_overviewWatcher.result();
        if (overview.path != m_path) { // read from a workspace closed since
            loadOverview();
            return;
        }
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
    });
    connect(&m_reportWatcher, &QFutureWatcher<ReportResult>::finished, this, [this] {
        m_reportInFlight = false;
        if (m_reportPending) {
            m_reportPending = false;
            computeReport();
            return;
        }
        ReportResult result = m_reportWatcher.result();
        if (result.path != m_path || !(result.period == m_period)) {
            computeReport();
            return;
        }
        m_report = std::move(result.report);
        m_error = result.error;
        Q_EMIT reportChanged();
    });
}

MetricsSession::~MetricsSession()
{
    m_overviewWatcher.waitForFinished();
    m_reportWatcher.waitForFinished();
}

bool MetricsSession::isComputing() const
{
    return m_overviewInFlight || m_reportInFlight || m_overviewPending || m_reportPending;
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
    if (m_path.isEmpty())
        return;
    if (m_overviewInFlight) {
        m_overviewPending = true;
        return;
    }
    m_overviewInFlight = true;
    m_overviewWatcher.setFuture(QtConcurrent::run([path = m_path]() -> Overview {
        try {
            auto database = Database::open(path);
            return {path, computeMonthlyTrend(*database), listEvents(*database), {}};
        } catch (const WorkbenchError &error) {
            return {path, {}, {}, error.message()};
        }
    }));
}

void MetricsSession::computeReport()
{
    if (m_path.isEmpty())
        return;
    if (m_reportInFlight) {
        m_reportPending = true;
        return;
    }
    m_reportInFlight = true;
    m_reportWatcher.setFuture(QtConcurrent::run([path = m_path, period = m_period]() -> ReportResult {
        try {
            auto database = Database::open(path);
            return {path, period, computeMetrics(*database, period), {}};
        } catch (const WorkbenchError &error) {
            return {path, period, std::nullopt, error.message()};
        }
    }));
}

} // namespace workbench::ui
