#pragma once

#include <QWidget>

class QLabel;
class QTableView;
class QTableWidget;

namespace workbench::ui {

class HeadlineTableModel;
class MetricsSession;
class PeriodPicker;

/// The monthly review cadence on one screen: headline figures with intervals beside the baseline and the
/// quarter's target, the top 3 false-escalation categories, CSAT-flagged categories, recommendations with
/// their reasons, reviewer agreement with the disagreements, and the margin planner. It renders the
/// session's MetricsReport and computes nothing.
class MonthlyReviewPage final : public QWidget {
    Q_OBJECT
public:
    explicit MonthlyReviewPage(MetricsSession &session, QWidget *parent = nullptr);

    HeadlineTableModel *headlineModel() const { return m_headline; }
    /// The text of a section by name ("top-false", "flagged", "recommendations", "planner", "heading").
    QString sectionText(const QString &name) const;
    QTableWidget *agreementTable() const { return m_agreement; }

Q_SIGNALS:
    void openConversation(const QString &conversationId);
    /// The user wants to set the quarter's targets (they live on the Data page).
    void targetsRequested();

private:
    void showReport();
    QLabel *section(const QString &name);

    MetricsSession &m_session;
    PeriodPicker *m_periodBox;
    QLabel *m_heading;
    HeadlineTableModel *m_headline;
    QTableView *m_headlineView;
    std::map<QString, QLabel *> m_sections;
    QTableWidget *m_agreement;
};

} // namespace workbench::ui
