#pragma once

#include "import/ColumnMapping.h"
#include "store/WorkspaceFacts.h"

#include <QWidget>
#include <memory>

#include <functional>

class QLabel;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTableView;
class QTreeWidget;

namespace workbench::ui {

class TaskControl;

class ChartPanel;
class EventDialog;
class FactCard;
class TargetsPanel;
class VolumeTableModel;

/// The Data page: what the workspace holds (size, date range, volume and escalation rate per month and
/// per category), and what the lead keeps in it: events, the quarter's targets, saved mappings. Facts load on a worker
/// thread with their own connection, so a workspace of a million conversations never blocks the window.
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
    /// Empty: the workspace can be written. Else why not (read-only, damaged): the page's writing buttons are
    /// disabled and say so.
    void setReadOnlyReason(const QString &why);

    FactCard *card(const QString &key) const;
    /// Asks for an event and stores it; a test answers the dialog through setEventDialogAnswer.
    void askForEvent();
    /// Removes the event selected in the list.
    void removeSelectedEvent();
    void setEventDialogAnswer(std::function<bool(EventDialog &)> answer);
    /// Stores the targets as the targets panel holds them, all or nothing.
    void saveTargets();
    /// Scrolls to the targets and puts the focus on the first one.
    void showTargetsPanel();
    /// Forgets the saved mapping selected in the list.
    void removeSelectedMapping();
    QTreeWidget *eventsList() const { return m_events; }
    QTreeWidget *mappingsList() const { return m_mappings; }
    TargetsPanel *targetsPanel() const { return m_targets; }
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
    /// The targets changed: figures compared with them are stale.
    void settingsChanged();

private:
    struct LoadResult {
        WorkspaceFacts facts;
        std::vector<std::pair<QString, QString>> targets; ///< (key, stored value; empty: not set)
        std::vector<SavedMappingInfo> mappings;
        QString error;
    };

    void applyLoad(const LoadResult &result);
    /// Runs `change` on a connection of its own; returns the error to show, empty when it worked.
    QString changeWorkspace(const std::function<void(Database &)> &change);
    void showKeptItems(const LoadResult &result);
    void showFacts(const WorkspaceFacts &facts);
    void showMessage(const QString &text, bool offerDemo);

    QString m_path;
    WorkspaceFacts m_facts;
    std::shared_ptr<TaskControl> m_loadTask; ///< counts as loading until applyLoad has run
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
    QScrollArea *m_scroll;
    QTreeWidget *m_events;
    TargetsPanel *m_targets;
    QTreeWidget *m_mappings;
    std::function<bool(EventDialog &)> m_eventAnswer;
};

} // namespace workbench::ui
