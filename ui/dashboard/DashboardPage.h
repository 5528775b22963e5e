#pragma once

#include "charts/MetricsCharts.h"
#include "metrics/DrillDown.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace workbench {
class Database;
}

namespace workbench::ui {

class ChartPanel;
class DrillDownDialog;
class MetricsSession;
class PeriodPicker;

/// The Dashboard: period and breakdown pickers over six charts (escalation trend with the benchmark band
/// and events, rate by breakdown, CSAT gap, false/missed rates with intervals, precision and recall over
/// months, the threshold simulator). Every figure comes from the session's MetricsReport; a click on a bar
/// or point lists the conversations behind it.
class DashboardPage final : public QWidget {
    Q_OBJECT
public:
    DashboardPage(MetricsSession &session, QWidget *parent = nullptr);

    /// The store the drill-down lists read (the window's connection; not owned).
    void setDatabase(Database *db);
    Breakdown breakdown() const;
    void setBreakdown(Breakdown breakdown);
    /// Lists the conversations behind a figure (what a click does).
    void drill(const DrillDownRequest &request, const QString &title);

    ChartPanel *chart(const QString &name) const;
    QList<ChartPanel *> charts() const;
    DrillDownDialog *drillDownDialog() const { return m_drillDialog; }
    QComboBox *periodBox() const;

Q_SIGNALS:
    void openConversation(const QString &conversationId);
    /// Every chart shows the session's current report.
    void chartsRedrawn();

private:
    void redrawPeriodCharts();
    void redrawTrendCharts();
    /// What a click on a chart calls: list the conversations behind it.
    DrillHandler drillHandler();

    MetricsSession &m_session;
    Database *m_db = nullptr;
    PeriodPicker *m_periodBox;
    QComboBox *m_breakdownBox;
    QLabel *m_status;
    std::map<QString, ChartPanel *> m_charts;
    DrillDownDialog *m_drillDialog;
};

} // namespace workbench::ui
