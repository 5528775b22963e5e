#pragma once

#include <QComboBox>

class QLabel;
class QVBoxLayout;

namespace workbench::ui {

class MetricsSession;

/// The month picker of the Dashboard, Monthly review and Cost model pages: lists the session's months with
/// data, follows the session's period and sets it when the user picks one, so all pages show one month.
class PeriodPicker final : public QComboBox {
    Q_OBJECT
public:
    explicit PeriodPicker(MetricsSession &session, QWidget *parent = nullptr);

private:
    void showMonths();

    MetricsSession &m_session;
    bool m_updating = false;
};

/// Lays out a report page: a scrolling body under a bold heading with the month picker on its right.
/// Returns the body's layout; the scroll area fills `page`.
QVBoxLayout *makeReportPage(QWidget *page, QLabel *heading, PeriodPicker *picker);

} // namespace workbench::ui
