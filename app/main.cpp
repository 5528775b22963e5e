#include "cli/Cli.h"
#include "common/WorkspaceLocation.h"
#include "gui/GuiMain.h"

#include <QApplication>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    if (workbench::app::isCliInvocation(arguments) && workbench::app::commandDrawsCharts(arguments)) {
        // The PDF's charts are widgets drawn off screen: a GUI application without a window, even over SSH.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
            qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication application(argc, argv);
        workbench::setOrganisationAndApplicationNames();
        return workbench::app::runCli(application.arguments());
    }
    if (workbench::app::isCliInvocation(arguments)) {
        // A command needs no display: a plain core application runs it anywhere, over SSH or in cron.
        QCoreApplication application(argc, argv);
        workbench::setOrganisationAndApplicationNames();
        return workbench::app::runCli(application.arguments());
    }
    return workbench::app::runGui(argc, argv);
}
