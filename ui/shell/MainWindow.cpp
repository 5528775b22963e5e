#include "MainWindow.h"

#include "MetricsSession.h"
#include "common/Clock.h"
#include "common/WorkbenchError.h"
#include "common/WorkspaceLocation.h"
#include "cost/CostPage.h"
#include "dashboard/DashboardPage.h"
#include "data/DataPage.h"
#include "dialogs/DemoDataDialog.h"
#include "dialogs/Notice.h"
#include "display/Format.h"
#include "import/ImportDialog.h"
#include "monthly/MonthlyReviewPage.h"
#include "report/ExportPdfDialog.h"
#include "report/PdfReport.h"
#include "report/ReportData.h"
#include "review/ReviewPage.h"
#include "review/Tagging.h"
#include "shell/BackgroundTask.h"
#include "store/Database.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>

#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

namespace workbench::ui {
namespace {

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kPageKey = QStringLiteral("window/page");
constexpr int kTitleRole = Qt::UserRole + 1; ///< a navigation item's title, kept while only its icon shows
const QString kWorkspaceFilter = QStringLiteral("Escalation Workbench workspaces (*.ewb);;All files (*)");

} // namespace

MainWindow::MainWindow(const Clock &clock, QWidget *parent)
    : QMainWindow(parent), m_clock(clock), m_navigation(new QListWidget(this)), m_pages(new QStackedWidget(this)),
      m_dataPage(new DataPage(this)), m_reviewPage(new ReviewPage(clock, this)),
      m_metrics(new MetricsSession(clock, this)), m_dashboardPage(new DashboardPage(*m_metrics, this)),
      m_monthlyPage(new MonthlyReviewPage(*m_metrics, this)), m_costPage(new CostPage(*m_metrics, this)),
      m_pathLabel(new QLabel(this)), m_countLabel(new QLabel(this)), m_readOnlyBanner(new QLabel(this))
{
    setWindowTitle(tr("Escalation Workbench"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/escalation-workbench.svg")));

    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setSpacing(2);
    m_navigation->setFixedWidth(m_navigationWidth);
    m_navigation->setBackgroundRole(QPalette::Window);
    QFont navigationFont = m_navigation->font();
    navigationFont.setPointSizeF(navigationFont.pointSizeF() * 1.08);
    m_navigation->setFont(navigationFont);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    // Only the page shown sets the window's minimum size: a wide Dashboard must not push the Review page past a
    // small screen.
    connect(m_pages, &QStackedWidget::currentChanged, this, &MainWindow::fitToShownPage);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    auto *separator = new QFrame(central);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    layout->addWidget(separator);
    // Above the pages: why this workspace can only be read (damaged, or a read-only file or folder).
    m_readOnlyBanner->setObjectName(QStringLiteral("readOnlyBanner"));
    m_readOnlyBanner->setTextFormat(Qt::PlainText);
    m_readOnlyBanner->setWordWrap(true);
    m_readOnlyBanner->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_readOnlyBanner->setContentsMargins(12, 8, 12, 8);
    m_readOnlyBanner->setAutoFillBackground(true);
    m_readOnlyBanner->hide();
    auto *pageColumn = new QVBoxLayout;
    pageColumn->setContentsMargins(0, 0, 0, 0);
    pageColumn->setSpacing(0);
    pageColumn->addWidget(m_readOnlyBanner);
    pageColumn->addWidget(m_pages, 1);
    layout->addLayout(pageColumn, 1);
    setCentralWidget(central);

    createActions();
    addPage(m_reviewPage, tr("Review"), style()->standardIcon(QStyle::SP_DialogApplyButton),
            QKeySequence(Qt::CTRL | Qt::Key_1));
    addPage(m_dashboardPage, tr("Dashboard"), style()->standardIcon(QStyle::SP_ComputerIcon),
            QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(m_dashboardPage, &DashboardPage::openConversation, this, &MainWindow::openInReview);
    addPage(m_monthlyPage, tr("Monthly review"), style()->standardIcon(QStyle::SP_FileDialogContentsView),
            QKeySequence(Qt::CTRL | Qt::Key_3));
    connect(m_monthlyPage, &MonthlyReviewPage::openConversation, this, &MainWindow::openInReview);
    connect(m_monthlyPage, &MonthlyReviewPage::targetsRequested, this, [this] {
        showPage(m_dataPage);
        m_dataPage->showTargetsPanel();
    });
    addPage(m_costPage, tr("Cost model"), style()->standardIcon(QStyle::SP_DriveHDIcon),
            QKeySequence(Qt::CTRL | Qt::Key_4));
    connect(m_costPage, &CostPage::settingsChanged, m_metrics, &MetricsSession::refresh);
    // A tag changes the figures: the dashboard re-reads (in the background) when the reviewer comes to it.
    connect(m_reviewPage, &ReviewPage::tagsChanged, m_metrics, &MetricsSession::refresh);
    addPage(m_dataPage, tr("Data"), style()->standardIcon(QStyle::SP_FileDialogDetailedView),
            QKeySequence(Qt::CTRL | Qt::Key_5));
    // Back on the page the user left; the Review page (the daily work) the first time.
    m_navigation->setCurrentRow(std::clamp(QSettings().value(kPageKey, 0).toInt(), 0, m_pages->count() - 1));
    fitToShownPage(m_pages->currentIndex());
    connect(m_navigation, &QListWidget::currentRowChanged, this, [](int row) { QSettings().setValue(kPageKey, row); });

    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pathLabel->setObjectName(QStringLiteral("status-path"));
    m_countLabel->setObjectName(QStringLiteral("status-count"));
    statusBar()->addWidget(m_pathLabel, 1);
    m_importBox = new QWidget(this);
    m_importBox->setObjectName(QStringLiteral("import-progress"));
    auto *importLayout = new QHBoxLayout(m_importBox);
    importLayout->setContentsMargins(0, 0, 0, 0);
    m_importStatus = new QLabel(m_importBox);
    m_importStatus->setTextFormat(Qt::PlainText);
    m_importProgress = new QProgressBar(m_importBox);
    m_importProgress->setRange(0, 1000);
    m_importProgress->setTextVisible(false);
    m_importProgress->setFixedWidth(160);
    auto *cancelImport = new QToolButton(m_importBox);
    cancelImport->setText(tr("Cancel"));
    cancelImport->setFocusPolicy(Qt::NoFocus); // the keyboard stays with the reviewer
    connect(cancelImport, &QToolButton::clicked, this, [this] {
        if (m_background)
            m_background->cancel();
    });
    importLayout->addWidget(m_importStatus);
    importLayout->addWidget(m_importProgress);
    importLayout->addWidget(cancelImport);
    m_importBox->hide();
    statusBar()->addPermanentWidget(m_importBox);
    statusBar()->addPermanentWidget(m_countLabel);
    connect(m_dataPage, &DataPage::factsLoaded, this, &MainWindow::updateStatus);
    connect(m_dataPage, &DataPage::demoDataRequested, this, &MainWindow::askForDemoData);
    connect(m_dataPage, &DataPage::importRequested, this, &MainWindow::askForImport);
    connect(m_dataPage, &DataPage::eventsChanged, m_metrics, &MetricsSession::refresh);
    connect(m_dataPage, &DataPage::settingsChanged, m_metrics, &MetricsSession::refresh);
    const QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1440, 900);
    restoreState(settings.value(kStateKey).toByteArray());
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    // A small window (1024 wide, or a large font) keeps the navigation's icons only: the room goes to the page.
    const bool compact = width() < 1180;
    if (compact == (m_navigation->width() < 100))
        return;
    for (int row = 0; row < m_navigation->count(); ++row) {
        QListWidgetItem *item = m_navigation->item(row);
        item->setText(compact ? QString() : item->data(kTitleRole).toString());
    }
    m_navigation->setFixedWidth(compact ? m_navigation->iconSize().width() + 28 : m_navigationWidth);
}

void MainWindow::fitToShownPage(int shown)
{
    for (int i = 0; i < m_pages->count(); ++i)
        m_pages->widget(i)->setSizePolicy(i == shown ? QSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred)
                                                     : QSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored));
    m_pages->updateGeometry();
}

MainWindow::~MainWindow()
{
    stopBackgroundWork();
    reviewPage()->setDatabase(nullptr); // keeps the reviewer's draft while the workspace is still open
}

void MainWindow::setImportSummaryPresenter(std::function<void(const ImportOutcome &)> presenter)
{
    m_importPresenter = std::move(presenter);
}

void MainWindow::setErrorPresenter(std::function<void(const QString &, const QString &)> presenter)
{
    m_errorPresenter = std::move(presenter);
}

void MainWindow::showError(const QString &title, const QString &text)
{
    if (m_errorPresenter)
        m_errorPresenter(title, text);
    else
        notice::show(this, notice::Kind::Error, title, text);
}

void MainWindow::addPage(QWidget *page, const QString &title, const QIcon &icon, const QKeySequence &shortcut)
{
    const int index = m_pages->addWidget(page);
    auto *item = new QListWidgetItem(icon, title, m_navigation);
    item->setSizeHint(QSize(0, 36));
    item->setData(kTitleRole, title);
    item->setToolTip(title);
    auto *action = m_viewMenu->addAction(icon, title);
    action->setShortcut(shortcut);
    connect(action, &QAction::triggered, this, [this, index] { m_navigation->setCurrentRow(index); });
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *newAction = fileMenu->addAction(tr("&New Workspace…"), this, &MainWindow::newWorkspace);
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction = fileMenu->addAction(tr("&Open Workspace…"), this, &MainWindow::chooseWorkspace);
    openAction->setShortcut(QKeySequence::Open);
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    fileMenu->addSeparator();
    m_importAction = fileMenu->addAction(tr("&Import…"), this, &MainWindow::askForImport);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_demoAction = fileMenu->addAction(tr("Fill with &Demo Data…"), this, &MainWindow::askForDemoData);
    fileMenu->addSeparator();
    m_importTagsAction = fileMenu->addAction(tr("Import &Tags…"), this, &MainWindow::importTags);
    fileMenu->addAction(tr("&Export Tags…"), this, &MainWindow::exportTags)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    fileMenu->addAction(tr("Export &PDF Summary…"), this, &MainWindow::askForPdfExport)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *refreshAction = m_viewMenu->addAction(tr("&Refresh"), this, &MainWindow::refreshAll);
    refreshAction->setShortcut(QKeySequence::Refresh);
    m_viewMenu->addSeparator();
    QMenu *reviewMenu = menuBar()->addMenu(tr("&Review"));
    m_reviewPage->populateMenus(reviewMenu, editMenu);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Escalation Workbench"), this, [this] {
        QMessageBox::about(this, tr("About Escalation Workbench"),
                           tr("<h3>Escalation Workbench %1</h3><p>Audits the hand-offs of AI customer-support "
                              "assistants: was each escalation correct?</p><p>Everything stays in one local SQLite "
                              "file on this machine; nothing is sent anywhere.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentWorkspaces();
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("No recent workspaces"))->setEnabled(false);
        return;
    }
    int number = 1;
    for (const QString &path : recent) {
        const QString label = QStringLiteral("&%1 %2").arg(number++).arg(QDir::toNativeSeparators(path));
        m_recentMenu->addAction(label, this, [this, path] { openWorkspace(path); });
    }
}

bool MainWindow::openWorkspace(const QString &path)
{
    if (isBusy()) {
        showError(tr("Open workspace"), tr("Wait for the demo data to finish, or cancel it, first."));
        return false;
    }
    try {
        auto database = Database::open(path);
        // No page may hold the connection being replaced.
        m_reviewPage->setDatabase(nullptr);
        m_dashboardPage->setDatabase(nullptr);
        m_costPage->setDatabase(nullptr);
        // The window's own writes (tags above all) run on the GUI thread: they wait 2 s at most for another
        // writer, then say so and lose nothing (a draft keeps what was prepared).
        if (database->isWritable())
            database->setBusyTimeout(2000);
        m_database = std::move(database);
    } catch (const WorkbenchError &error) {
        showError(tr("Open workspace"), error.message());
        return false;
    }
    rememberWorkspace(m_database->path());
    setWindowTitle(tr("%1 — Escalation Workbench").arg(QFileInfo(m_database->path()).fileName()));
    m_pathLabel->setText(QDir::toNativeSeparators(m_database->path()));
    m_countLabel->setText(tr("Loading…"));
    if (!m_database->migrationBackupPath().isEmpty())
        statusBar()->showMessage(tr("Upgraded the workspace; the previous version is kept as %1")
                                     .arg(QDir::toNativeSeparators(m_database->migrationBackupPath())),
                                 15000);
    showAccess();
    m_dataPage->showWorkspace(m_database->path());
    m_reviewPage->setDatabase(m_database.get());
    m_dashboardPage->setDatabase(m_database.get());
    m_costPage->setDatabase(m_database.get());
    m_metrics->setWorkspace(m_database->path());
    return true;
}

QString MainWindow::workspacePath() const
{
    return m_database ? m_database->path() : QString();
}

void MainWindow::updateStatus()
{
    const qint64 count = m_dataPage->facts().total.conversations;
    m_countLabel->setText(tr("%1 conversations").arg(formatCount(count)));
}

void MainWindow::newWorkspace()
{
    const QString start = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                              .filePath(QStringLiteral("escalations.ewb"));
    QString path = QFileDialog::getSaveFileName(this, tr("New Workspace"), start, kWorkspaceFilter, nullptr,
                                                QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".ewb");
    if (QFileInfo::exists(path)) {
        showError(tr("New workspace"),
                  tr("%1 already exists. Use File > Open Workspace to open it.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    openWorkspace(path);
}

void MainWindow::showPage(QWidget *page)
{
    const int index = m_pages->indexOf(page);
    if (index >= 0)
        m_navigation->setCurrentRow(index);
}

void MainWindow::refreshAll()
{
    m_dataPage->refresh();
    m_reviewPage->refresh();
    m_metrics->refresh();
}

void MainWindow::openInReview(const QString &conversationId)
{
    showPage(m_reviewPage);
    if (!m_reviewPage->showConversation(conversationId))
        showError(tr("Open conversation"), tr("%1 is not in this workspace.").arg(conversationId));
    raise();
    activateWindow();
}

bool MainWindow::showPageNamed(const QString &name)
{
    // "monthly", "monthly-review" and "Monthly review" all name the Monthly review page.
    auto normalized = [](QString text) { return text.toLower().remove(QLatin1Char(' ')).remove(QLatin1Char('-')); };
    const QString wanted = normalized(name);
    for (int row = 0; row < m_navigation->count() && !wanted.isEmpty(); ++row) {
        if (normalized(m_navigation->item(row)->text()).startsWith(wanted)) {
            m_navigation->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void MainWindow::askForPdfExport()
{
    if (!m_database)
        return;
    if (m_metrics->months().empty()) {
        showError(tr("Export PDF"), tr("This workspace has no conversations to report on yet."));
        return;
    }
    ExportPdfDialog dialog(*m_database, m_metrics->months(), m_metrics->period(),
                           QFileInfo(workspacePath()).absolutePath(), this);
    if (dialog.exec() == QDialog::Accepted)
        exportPdf(dialog.period(), dialog.path(), dialog.mask());
}

void MainWindow::showAccess()
{
    const bool writable = m_database && m_database->isWritable();
    m_readOnlyBanner->setVisible(!writable && m_database);
    if (m_database && !writable) {
        const bool damaged = m_database->access() == WorkspaceAccess::Damaged;
        QPalette palette = m_readOnlyBanner->palette();
        // Warning colours that read in light and dark alike.
        palette.setColor(QPalette::Window, damaged ? QColor(0x8a, 0x1c, 0x1c) : QColor(0x6b, 0x55, 0x10));
        palette.setColor(QPalette::WindowText, Qt::white);
        m_readOnlyBanner->setPalette(palette);
        m_readOnlyBanner->setText(m_database->whyReadOnly() +
                                  tr(" Pages and reports can be read; nothing can be imported, sampled or tagged."));
    }
    m_dataPage->setReadOnlyReason(writable || !m_database ? QString() : m_database->whyReadOnly());
    for (QAction *writing : {m_importAction, m_demoAction, m_importTagsAction}) {
        if (!writing)
            continue;
        writing->setEnabled(writable);
        writing->setStatusTip(writable || !m_database ? QString() : m_database->whyReadOnly());
    }
}

bool MainWindow::exportPdf(const Period &period, const QString &path, bool mask)
{
    if (!m_database || path.isEmpty())
        return false;
    QProgressDialog progress(tr("Gathering the figures of %1…").arg(period.key()), tr("Cancel"), 0, 0, this);
    progress.setWindowTitle(tr("Export PDF"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(200);
    progress.setMinimumWidth(420);
    // The figures come from a worker with its own connection (Cancel stops it between steps); the charts are
    // widgets, drawn here.
    ReportOptions options;
    options.mask = mask;
    TaskOutcome<ReportData> gathered;
    QEventLoop loop;
    const std::shared_ptr<TaskControl> control = runInBackground(
        this,
        [path = m_database->path(), period, options, &clock = m_clock](TaskControl &task) {
            auto database = Database::open(path);
            return buildReportData(*database, period, options, clock, task.progressCallback());
        },
        [&gathered, &loop](TaskOutcome<ReportData> outcome) {
            gathered = std::move(outcome);
            loop.quit();
        });
    connect(&progress, &QProgressDialog::canceled, this, [control] { control->cancel(); });
    loop.exec();
    if (gathered.cancelled || progress.wasCanceled()) {
        statusBar()->showMessage(tr("The PDF export was cancelled."), 8000);
        return false;
    }
    if (!gathered.result) {
        showError(tr("Export PDF"), gathered.error);
        return false;
    }
    const std::optional<ReportData> &reportData = gathered.result;
    progress.setLabelText(tr("Drawing the summary of %1…").arg(period.key()));
    try {
        writePdfReport(*reportData, path, [&progress](int done, int total) {
            progress.setMaximum(total);
            progress.setValue(done);
            QCoreApplication::processEvents();
            return !progress.wasCanceled();
        });
    } catch (const Cancelled &) {
        QFile::remove(path);
        statusBar()->showMessage(tr("The PDF export was cancelled."), 8000);
        return false;
    } catch (const WorkbenchError &failure) {
        QFile::remove(path);
        showError(tr("Export PDF"), failure.message());
        return false;
    }
    statusBar()->showMessage(
        tr("Wrote %1%2")
            .arg(QDir::toNativeSeparators(path), mask ? tr(" (customer data masked)") : tr(" (not masked)")),
        15000);
    return true;
}

void MainWindow::exportTags()
{
    if (!m_database)
        return;
    const QString start = QFileInfo(workspacePath()).absoluteDir().filePath(QStringLiteral("tags.csv"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Tags"), start, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    try {
        const qint64 written = workbench::exportTags(*m_database, path);
        statusBar()->showMessage(tr("Exported %1 tags to %2").arg(formatCount(written), QDir::toNativeSeparators(path)),
                                 10000);
    } catch (const WorkbenchError &error) {
        showError(tr("Export tags"), error.message());
    }
}

void MainWindow::importTags()
{
    if (!m_database)
        return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import Tags"), QFileInfo(workspacePath()).absolutePath(), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    try {
        const TagsImportSummary summary = workbench::importTags(*m_database, path, m_clock);
        refreshAll();
        statusBar()->showMessage(tr("Imported %1 tags; %2 were stored already")
                                     .arg(formatCount(summary.added), formatCount(summary.alreadyStored)),
                                 10000);
    } catch (const ImportRefused &refused) {
        QStringList lines;
        for (const ImportIssue &problem : refused.problems())
            lines << problem.text();
        showError(tr("Import tags"), tr("Nothing was imported: the workspace is as it was.\n\n%1\n%2")
                                         .arg(refused.message(), lines.join(QLatin1Char('\n'))));
    } catch (const WorkbenchError &error) {
        showError(tr("Import tags"), error.message());
    }
}

void MainWindow::chooseWorkspace()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Workspace"),
                                                      QFileInfo(workspacePath()).absolutePath(), kWorkspaceFilter);
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::askForDemoData()
{
    if (!m_database || isBusy())
        return;
    if (m_dataPage->facts().total.conversations > 0) {
        showError(tr("Demo data"), tr("This workspace already holds conversations; demo data goes into an empty "
                                      "workspace. Create one with File > New Workspace."));
        return;
    }
    DemoDataDialog dialog(DemoGenerator::lastFullMonth(m_clock.nowUtc()), this);
    if (dialog.exec() == QDialog::Accepted)
        fillWithDemoData(dialog.options());
}

bool MainWindow::isBusy() const
{
    return m_background && m_background->isRunning();
}

bool MainWindow::refuseUnlessWritable(const QString &title)
{
    if (!m_database || m_database->isWritable())
        return false;
    showError(title, m_database->whyReadOnly());
    return true;
}

void MainWindow::askForImport()
{
    if (!m_database || isBusy() || refuseUnlessWritable(tr("Import")))
        return;
    ImportDialog dialog(*m_database, m_clock, this);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    m_dataPage->refresh(); // a mapping saved in the dialog is listed even when nothing was imported
    if (accepted)
        importInBackground(dialog.request());
}

void MainWindow::importInBackground(const ImportRequest &request)
{
    if (!m_database || isBusy() || refuseUnlessWritable(tr("Import")))
        return;
    m_importAction->setEnabled(false);
    // Progress in the status bar, not a dialog: the reviewer keeps the keyboard and goes on tagging while the
    // import reads (it holds no lock until its short final publish).
    qint64 totalBytes = 0;
    for (const QString &file : request.files + QStringList(request.messagesFile))
        totalBytes += file.isEmpty() ? 0 : QFileInfo(file).size();
    m_importProgress->setValue(0);
    m_importStatus->setText(tr("Importing…"));
    m_importBox->show();

    m_background = runInBackground(
        this,
        [path = m_database->path(), request, &clock = m_clock](TaskControl &control) {
            auto database = Database::open(path);
            ImportRequest counted = request;
            counted.rowsRead = &control.counter();
            ImportOutcome outcome;
            try {
                outcome.summary = runImport(*database, counted, clock, control.progressCallback());
                outcome.succeeded = true;
            } catch (const ImportRefused &refused) { // the problems, not only the message
                outcome.error = refused.message();
                outcome.problems = refused.problems();
            }
            return outcome;
        },
        [this](TaskOutcome<ImportOutcome> result) {
            m_importBox->hide();
            showAccess();
            ImportOutcome outcome = result.result.value_or(ImportOutcome{});
            outcome.cancelled = result.cancelled;
            if (!result.error.isEmpty())
                outcome.error = result.error;
            refreshAll();
            showImportOutcome(outcome);
            Q_EMIT backgroundWorkFinished();
        });
    auto *timer = new QTimer(m_importBox);
    auto *clock = new QElapsedTimer;
    clock->start();
    connect(timer, &QObject::destroyed, this, [clock] { delete clock; });
    const std::weak_ptr<TaskControl> watched = m_background;
    connect(timer, &QTimer::timeout, m_importBox, [this, totalBytes, clock, timer, watched] {
        const std::shared_ptr<TaskControl> control = watched.lock();
        if (!control || !control->isRunning()) {
            timer->deleteLater();
            return;
        }
        const qint64 bytes = control->done();
        const qint64 rows = control->counter().load();
        const double seconds = std::max(0.001, double(clock->elapsed()) / 1000.0);
        m_importProgress->setValue(totalBytes > 0 ? int(1000 * bytes / totalBytes) : 0);
        m_importStatus->setText(bytes >= totalBytes && totalBytes > 0
                                    ? tr("Importing: publishing %1 rows…").arg(formatCount(rows))
                                    : tr("Importing… %1 of %2 MB · %3 rows · %4 rows/s")
                                          .arg(double(bytes) / (1 << 20), 0, 'f', 1)
                                          .arg(double(totalBytes) / (1 << 20), 0, 'f', 1)
                                          .arg(formatCount(rows), formatCount(qint64(double(rows) / seconds))));
    });
    timer->start(100);
}

void MainWindow::showImportOutcome(const ImportOutcome &outcome)
{
    if (m_importPresenter) {
        m_importPresenter(outcome);
        return;
    }
    QMessageBox box(this);
    box.setWindowTitle(tr("Import"));
    if (outcome.cancelled) {
        box.setIcon(QMessageBox::Information);
        box.setText(tr("The import was cancelled; the workspace is as it was."));
    } else if (!outcome.succeeded) {
        box.setIcon(QMessageBox::Warning);
        box.setText(tr("Nothing was imported: the workspace is as it was."));
        box.setInformativeText(outcome.problems.empty()
                                   ? outcome.error
                                   : tr("%n problem(s) found; fix them, or tick \"Skip bad rows\".", nullptr,
                                        int(outcome.problems.size())));
        if (!outcome.problems.empty()) {
            QStringList lines;
            for (const ImportIssue &problem : outcome.problems)
                lines << problem.text();
            box.setDetailedText(lines.join(QLatin1Char('\n')));
        }
    } else {
        const ImportSummary &s = outcome.summary;
        box.setIcon(QMessageBox::Information);
        box.setText(tr("Imported: %1 inserted, %2 updated, %3 skipped, %4 warnings.")
                        .arg(formatCount(s.inserted), formatCount(s.updated), formatCount(s.skipped),
                             formatCount(s.warnings())));
        QStringList lines = s.remarks();
        for (const ImportIssue &issue : s.skippedRows)
            lines << tr("skipped: %1").arg(issue.text());
        if (!lines.isEmpty())
            box.setDetailedText(lines.join(QLatin1Char('\n')));
    }
    notice::makePlain(box);
    box.exec();
}

void MainWindow::fillWithDemoData(const DemoOptions &options)
{
    if (!m_database || isBusy() || refuseUnlessWritable(tr("Demo data")))
        return;
    m_demoAction->setEnabled(false);

    auto *progress =
        new QProgressDialog(tr("Generating demo conversations…"), tr("Cancel"), 0, int(options.conversations), this);
    progress->setWindowTitle(tr("Demo data"));
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    m_background = runInBackground(
        this,
        [path = m_database->path(), options, &clock = m_clock](TaskControl &control) {
            auto database = Database::open(path);
            fillDemoWorkspace(*database, options, clock, control.progressCallback());
            return true;
        },
        [this, progress = QPointer<QProgressDialog>(progress)](TaskOutcome<bool> outcome) {
            if (progress)
                progress->close();
            showAccess();
            if (!outcome.error.isEmpty())
                showError(tr("Demo data"), outcome.error);
            refreshAll();
            Q_EMIT backgroundWorkFinished();
        });
    const std::weak_ptr<TaskControl> watched = m_background;
    connect(progress, &QProgressDialog::canceled, this, [watched] {
        if (const auto control = watched.lock())
            control->cancel();
    });
    auto *timer = new QTimer(progress);
    connect(timer, &QTimer::timeout, progress, [progress, watched] {
        if (const auto control = watched.lock())
            progress->setValue(int(control->done()));
    });
    timer->start(100);
}

void MainWindow::stopBackgroundWork()
{
    if (m_background) {
        m_background->cancel();
        m_background->waitForWorker();
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    stopBackgroundWork();
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    event->accept();
}

} // namespace workbench::ui
