#pragma once

#include "cost/CostModel.h"

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QTableWidget;

namespace workbench {
class Database;
}

namespace workbench::ui {

class MetricsSession;
class PeriodPicker;

/// The cost model: this month's cost of false escalations (gross and net of what the AI would have cost),
/// live what-if sliders (cut false escalations by d points; agent and AI cost) with monthly and yearly
/// savings, and every setting with where its value comes from. The figures come from the core cost model.
class CostPage final : public QWidget {
    Q_OBJECT
public:
    explicit CostPage(MetricsSession &session, QWidget *parent = nullptr);

    /// The store the settings are read from and saved to (not owned).
    void setDatabase(Database *db);

    /// The what-if as the sliders set it, and what it gives.
    CostInputs whatIfInputs() const;
    CostFigures whatIf() const;
    void setWhatIf(double cutPoints, double agentCost, double aiCost);
    /// The text of a figure by name ("cost", "net-cost", "monthly", "yearly", "monthly-net", "yearly-net",
    /// "false-estimate").
    QString figureText(const QString &name) const;
    QTableWidget *settingsTable() const { return m_settings; }

Q_SIGNALS:
    /// Settings were saved to the workspace: figures elsewhere are stale.
    void settingsChanged();

private:
    void showReport();
    void showSettings();
    void updateWhatIf();
    void saveCosts();
    QLabel *figure(const QString &name);

    MetricsSession &m_session;
    Database *m_db = nullptr;
    PeriodPicker *m_periodBox;
    QLabel *m_heading;
    QLabel *m_explanation;
    std::map<QString, QLabel *> m_figures;
    QSlider *m_cut;
    QLabel *m_cutLabel;
    QDoubleSpinBox *m_agentCost;
    QDoubleSpinBox *m_aiCost;
    QPushButton *m_save;
    QLabel *m_saveMessage;
    QTableWidget *m_settings;
};

} // namespace workbench::ui
