#include "MainWindow.h"

#include "common/Clock.h"
#include "display/Format.h"
#include "common/WorkbenchError.h"
#include "common/WorkspaceLocation.h"
#include "data/DataPage.h"
#include "dialogs/DemoDataDialog.h"
#include "store/Database.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace workbench::ui {
namespace {

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kWorkspaceFilter = QStringLiteral("Escalation Workbench workspaces (*.ewb);;All files (*)");

} // namespace

MainWindow::MainWindow(const Clock &clock, QWidget *parent)
    : QMainWindow(parent),
      m_clock(clock),
      m_navigation(new QListWidget(this)),
      m_pages(new QStackedWidget(this)),
      m_dataPage(new DataPage(this)),
      m_pathLabel(new QLabel(this)),
      m_countLabel(new QLabel(this))
{
    setWindowTitle(tr("Escalation Workbench"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/escalation-workbench.svg")));

    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setSpacing(2);
    m_navigation->setFixedWidth(168);
    m_navigation->setBackgroundRole(QPalette::Window);
    QFont navigationFont = m_navigation->font();
    navigationFont.setPointSizeF(navigationFont.pointSizeF() * 1.08);
    m_navigation->setFont(navigationFont);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    auto *separator = new QFrame(central);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    layout->addWidget(separator);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    createActions();
    addPage(m_dataPage, tr("Data"), style()->standardIcon(QStyle::SP_FileDialogDetailedView), QKeySequence(Qt::CTRL | Qt::Key_5));
    m_navigation->setCurrentRow(0);

    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pathLabel->setObjectName(QStringLiteral("status-path"));
    m_countLabel->setObjectName(QStringLiteral("status-count"));
    statusBar()->addWidget(m_pathLabel, 1);
    statusBar()->addPermanentWidget(m_countLabel);
    connect(m_dataPage, &DataPage::factsLoaded, this, &MainWindow::updateStatus);
    connect(m_dataPage, &DataPage::demoDataRequested, this, &MainWindow::askForDemoData);
    connect(&m_demoWatcher, &QFutureWatcher<QString>::finished, this, [this] {
        const QString error = m_demoWatcher.result();
        m_demoAction->setEnabled(true);
        if (!error.isEmpty())
            showError(tr("Demo data"), error);
        m_dataPage->refresh();
        Q_EMIT backgroundWorkFinished();
    });

    const QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1440, 900);
    restoreState(settings.value(kStateKey).toByteArray());
}

MainWindow::~MainWindow()
{
    m_demoCancelled = true;
    m_demoWatcher.waitForFinished();
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
        QMessageBox::critical(this, title, text);
}

void MainWindow::addPage(QWidget *page, const QString &title, const QIcon &icon, const QKeySequence &shortcut)
{
    const int index = m_pages->addWidget(page);
    auto *item = new QListWidgetItem(icon, title, m_navigation);
    item->setSizeHint(QSize(0, 36));
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
    m_demoAction = fileMenu->addAction(tr("Fill with &Demo Data…"), this, &MainWindow::askForDemoData);
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *refreshAction = m_viewMenu->addAction(tr("&Refresh"), m_dataPage, &DataPage::refresh);
    refreshAction->setShortcut(QKeySequence::Refresh);
    m_viewMenu->addSeparator();

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
    m_dataPage->showWorkspace(m_database->path());
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
        showError(tr("New workspace"), tr("%1 already exists. Use File > Open Workspace to open it.")
                                           .arg(QDir::toNativeSeparators(path)));
        return;
    }
    openWorkspace(path);
}

void MainWindow::chooseWorkspace()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Workspace"), QFileInfo(workspacePath()).absolutePath(),
                                                      kWorkspaceFilter);
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
    return m_demoWatcher.isRunning();
}

void MainWindow::fillWithDemoData(const DemoOptions &options)
{
    if (!m_database || isBusy())
        return;
    m_demoDone = 0;
    m_demoCancelled = false;
    m_demoAction->setEnabled(false);

    auto *progress = new QProgressDialog(tr("Generating demo conversations…"), tr("Cancel"), 0,
                                         int(options.conversations), this);
    progress->setWindowTitle(tr("Demo data"));
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(progress, &QProgressDialog::canceled, this, [this] { m_demoCancelled = true; });
    auto *timer = new QTimer(progress);
    connect(timer, &QTimer::timeout, progress, [this, progress] { progress->setValue(int(m_demoDone.load())); });
    timer->start(100);
    connect(&m_demoWatcher, &QFutureWatcher<QString>::finished, progress, &QProgressDialog::close,
            Qt::SingleShotConnection);

    m_demoWatcher.setFuture(QtConcurrent::run([this, path = m_database->path(), options]() -> QString {
        try {
            auto database = Database::open(path);
            fillDemoWorkspace(*database, options, m_clock, [this](qint64 done, qint64) {
                m_demoDone = done;
                return !m_demoCancelled.load();
            });
            return {};
        } catch (const Cancelled &) {
            return {};
        } catch (const WorkbenchError &error) {
            return error.message();
        }
    }));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_demoCancelled = true;
    m_demoWatcher.waitForFinished();
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    event->accept();
}

} // namespace workbench::ui
