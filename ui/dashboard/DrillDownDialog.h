#pragma once

#include "metrics/DrillDown.h"

#include <QDialog>

class QLabel;
class QTableView;

namespace workbench::ui {

class DrillDownModel;

/// Lists the conversations behind a figure; Return or a double click opens one in the Review page.
class DrillDownDialog final : public QDialog {
    Q_OBJECT
public:
    explicit DrillDownDialog(QWidget *parent = nullptr);

    void show(const QString &title, const DrillDown &result);
    DrillDownModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

Q_SIGNALS:
    void openRequested(const QString &conversationId);

private:
    void openCurrent();

    QLabel *m_summary;
    DrillDownModel *m_model;
    QTableView *m_view;
};

} // namespace workbench::ui
