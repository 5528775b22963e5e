#pragma once

#include "store/WorkspaceFacts.h"

#include <QFutureWatcher>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTreeWidget;

namespace workbench::ui {

class ChartPanel;
class EventDialog;
class FactCard;
class VolumeTableModel;

/// The Data page: what the workspace holds (size, date range, volume and escalation rate per month and
/// per category, events). Facts load on a worker thread with their own connection, so a workspace of a
/// million conversations never blocks the window.
class DataPage final : public QWidget {
    Q_OBJECT
public:
    explicit DataPage(QWidget *parent = nullptr);
    ~DataPage() override;

    /// Shows the workspace at `path`, loading its facts in the background.
    void showWorkspace(const QString &path);
    void refresh();

    bool isLoading() const;
    const WorkspaceFacts &facts() const { return m_facts; }

    FactCard *card(const QString &key) const;
    /// Asks for an event and stores it; a test answers the dialog through setEventDialogAnswer.
    void askForEvent();
    /// Removes the event selected in the list.
    void removeSelectedEvent();
    void setEventDialogAnswer(std::function<bool(EventDialog &)> answer);
    QTreeWidget *eventsList() const { return m_events; }
    VolumeTableModel *monthModel() const { return m_monthModel; }
    VolumeTableModel *categoryModel() const { return m_categoryModel; }
    ChartPanel *monthChart() const { return m_monthChart; }
    ChartPanel *categoryChart() const { return m_categoryChart; }

Q_SIGNALS:
    /// The facts of the current workspace are shown (or the load failed: see the page's message).
    void factsLoaded();
    /// The user asked to fill the (empty) workspace with demo data.
    void demoDataRequested();
    /// The user asked to import files.
    void importRequested();
    /// An event was added or removed: the trend's markers are stale.
    void eventsChanged();

private:
    struct LoadResult {
        WorkspaceFacts facts;
        QString error;
    };

    void applyLoad();
    void showFacts(const WorkspaceFacts &facts);
    void showMessage(const QString &text, bool offerDemo);

    QString m_path;
    WorkspaceFacts m_facts;
    QFutureWatcher<LoadResult> m_watcher;
    bool m_loadInFlight = false; // until applyLoad has run, not merely until the worker is done
    bool m_reloadPending = false;

    QStackedWidget *m_stack;
    QLabel *m_message;
    QPushButton *m_demoButton;
    QPushButton *m_importButton;
    QLabel *m_heading;
    std::map<QString, FactCard *> m_cards;
    ChartPanel *m_monthChart;
    ChartPanel *m_categoryChart;
    VolumeTableModel *m_monthModel;
    VolumeTableModel *m_categoryModel;
    QTableView *m_monthTable;
    QTableView *m_categoryTable;
    QTreeWidget *m_events;
    std::function<bool(EventDialog &)> m_eventAnswer;
};

} // namespace workbench::ui
