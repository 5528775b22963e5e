#include "GuiMain.h"

#include "common/Clock.h"
#include "common/WorkspaceLocation.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

namespace workbench::app {

int runGui(int argc, char *argv[])
{
    QApplication application(argc, argv);
    setOrganisationAndApplicationNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Escalation Workbench"));
    QApplication::setDesktopFileName(QStringLiteral("escalation-workbench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Escalation Workbench: audit the hand-offs of AI support assistants."));
    parser.addOption({QStringLiteral("db"), QStringLiteral("The workspace file to open."), QStringLiteral("FILE")});
    parser.addVersionOption();
    parser.process(application);

    const SystemClock clock;
    ui::MainWindow window(clock);
    const QString path =
        parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : defaultWorkspacePath();
    window.show();
    if (!window.openWorkspace(path) && path != defaultWorkspacePath())
        window.openWorkspace(defaultWorkspacePath());
    return application.exec();
}

} // namespace workbench::app
