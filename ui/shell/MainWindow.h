#pragma once

#include "common/Period.h"
#include "demo/DemoGenerator.h"
#include "import/ImportJob.h"

#include <QMainWindow>
#include <memory>

#include <atomic>
#include <functional>
#include <memory>

class QLabel;
class QProgressBar;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace workbench {
class Clock;
class Database;
} // namespace workbench

namespace workbench::ui {

class TaskControl;

class CostPage;
class DashboardPage;
class DataPage;
class MetricsSession;
class MonthlyReviewPage;
class ReviewPage;

/// The workbench window: File menu, page navigation, status bar (workspace path, conversation count);
/// geometry and the last workspace are remembered between runs.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const Clock &clock, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens (creating when new) the workspace at `path`; on failure shows why and keeps the current one.
    bool openWorkspace(const QString &path);
    QString workspacePath() const;

    /// Fills the open (empty) workspace with demo data on a worker thread, with progress and Cancel.
    void fillWithDemoData(const DemoOptions &options);
    /// Imports on a worker thread with progress (rows, MB, rate) and Cancel; the summary follows.
    void importInBackground(const ImportRequest &request);
    /// What an import ended with, for the summary.
    struct ImportOutcome {
        bool succeeded = false;
        bool cancelled = false;
        ImportSummary summary;
        QString error;
        std::vector<ImportIssue> problems;
    };
    /// Where import summaries go; a message box by default, replaced in tests.
    void setImportSummaryPresenter(std::function<void(const ImportOutcome &)> presenter);
    bool isBusy() const;

    DataPage *dataPage() const { return m_dataPage; }
    ReviewPage *reviewPage() const { return m_reviewPage; }
    DashboardPage *dashboardPage() const { return m_dashboardPage; }
    MonthlyReviewPage *monthlyPage() const { return m_monthlyPage; }
    CostPage *costPage() const { return m_costPage; }
    MetricsSession *metricsSession() const { return m_metrics; }
    /// Shows `page` and selects it in the navigation.
    void showPage(QWidget *page);
    /// Shows a page by its name or the start of it ("review", "monthly", "cost"); false when none has it.
    bool showPageNamed(const QString &name);

    /// Writes the PDF summary of `period` to `path`: figures gathered on a worker thread, then drawn with a
    /// progress dialog that can cancel (the partial file is removed). False when cancelled or failed.
    bool exportPdf(const Period &period, const QString &path, bool mask);

    /// Where error messages go; a message box by default, replaced in tests.
    void setErrorPresenter(std::function<void(const QString &title, const QString &text)> presenter);

Q_SIGNALS:
    /// Background work (demo fill) finished, successfully or not.
    void backgroundWorkFinished();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    /// Only the page shown sets the window's minimum size (a wide Dashboard must not push a small screen's Review page
    /// off it).
    void fitToShownPage(int shown);
    void createActions();
    void rebuildRecentMenu();
    void updateStatus();
    void newWorkspace();
    void chooseWorkspace();
    void askForDemoData();
    void askForImport();
    void exportTags();
    void askForPdfExport();
    void openInReview(const QString &conversationId);
    /// Data changed (import, demo, tags): every page re-reads.
    void refreshAll();
    void importTags();
    /// The banner and the writing actions follow whether the workspace can be written.
    void showAccess();
    /// Cancels the work running and waits for its worker (the window is closing).
    void stopBackgroundWork();
    /// True (after saying why) when the workspace cannot be written.
    bool refuseUnlessWritable(const QString &title);
    void showImportOutcome(const ImportOutcome &outcome);
    void showError(const QString &title, const QString &text);
    void addPage(QWidget *page, const QString &title, const QIcon &icon, const QKeySequence &shortcut);

    const Clock &m_clock;
    std::unique_ptr<Database> m_database;
    int m_navigationWidth = 168;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    DataPage *m_dataPage;
    ReviewPage *m_reviewPage;
    MetricsSession *m_metrics;
    DashboardPage *m_dashboardPage;
    MonthlyReviewPage *m_monthlyPage;
    CostPage *m_costPage;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_demoAction = nullptr;
    QLabel *m_pathLabel;
    QLabel *m_countLabel;
    QLabel *m_readOnlyBanner;
    QWidget *m_importBox = nullptr; ///< the import's progress in the status bar
    QLabel *m_importStatus = nullptr;
    QProgressBar *m_importProgress = nullptr;
    QAction *m_importTagsAction = nullptr;
    std::function<void(const QString &, const QString &)> m_errorPresenter;

    /// The demo data or the import running now (one at a time), until its outcome has been shown.
    std::shared_ptr<TaskControl> m_background;
    std::function<void(const ImportOutcome &)> m_importPresenter;
    QAction *m_importAction = nullptr;
};

} // namespace workbench::ui
