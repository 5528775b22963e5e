#pragma once

#include "metrics/MetricsReport.h"
#include "metrics/Trend.h"
#include "store/WorkspaceFacts.h"

#include "BackgroundTask.h"

#include <QObject>

#include <optional>

namespace workbench {
class Clock;
}

namespace workbench::ui {

/// The figures the Dashboard, Monthly review and Cost model pages render: the monthly trend, the events and
/// the MetricsReport of the chosen period, computed on worker threads with their own connections (the last
/// request wins). One period for all three pages, so they always agree.
class MetricsSession final : public QObject {
    Q_OBJECT
public:
    explicit MetricsSession(const Clock &clock, QObject *parent = nullptr);
    ~MetricsSession() override;

    /// The workspace to read (empty: none); the period resets to the last full month with data.
    void setWorkspace(const QString &path);
    /// Re-reads everything (after tags, an import, a settings change).
    void refresh();

    /// The months with conversations, newest first.
    const std::vector<Period> &months() const { return m_months; }
    const Period &period() const { return m_period; }
    void setPeriod(const Period &period);

    /// The report of period(); nullopt until computed (or without a workspace).
    const std::optional<MetricsReport> &report() const { return m_report; }
    const std::vector<TrendMonth> &trend() const { return m_trend; }
    const std::vector<WorkspaceEvent> &events() const { return m_events; }
    bool isComputing() const;
    QString workspacePath() const { return m_path; }
    QString error() const { return m_error; }

Q_SIGNALS:
    /// The trend, events and month list were (re)read.
    void overviewChanged();
    /// The report of the period is ready (or failed: see error()).
    void reportChanged();

private:
    struct Overview {
        QString path;
        std::vector<TrendMonth> trend;
        std::vector<WorkspaceEvent> events;
        QString error;
    };
    void loadOverview();
    void applyOverview(const QString &path, TaskOutcome<Overview> outcome);
    void computeReport();

    const Clock &m_clock;
    QString m_path;
    Period m_period = Period::month(1970, 1);
    bool m_periodChosen = false;
    std::vector<Period> m_months;
    std::vector<TrendMonth> m_trend;
    std::vector<WorkspaceEvent> m_events;
    std::optional<MetricsReport> m_report;
    QString m_error;
    std::shared_ptr<TaskControl> m_overviewTask;
    std::shared_ptr<TaskControl> m_reportTask;
    // Asked again while a read runs: the result in flight is dropped and read afresh (the last request wins).
    bool m_overviewPending = false;
    bool m_reportPending = false;
};

} // namespace workbench::ui
