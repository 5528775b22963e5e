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
    parser.addOption({QStringLiteral("page"),
                      QStringLiteral("The page to open on: review, dashboard, monthly, cost or data."),
                      QStringLiteral("NAME")});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace file to open (as --db)."),
                                 QStringLiteral("[FILE]"));
    parser.addVersionOption();
    parser.process(application);

    const SystemClock clock;
    ui::MainWindow window(clock);
    QString path = defaultWorkspacePath();
    if (parser.isSet(QStringLiteral("db")))
        path = parser.value(QStringLiteral("db"));
    else if (!parser.positionalArguments().isEmpty())
        path = parser.positionalArguments().constFirst();
    window.show();
    if (!window.openWorkspace(path) && path != defaultWorkspacePath())
        window.openWorkspace(defaultWorkspacePath());
    if (parser.isSet(QStringLiteral("page")) && !window.showPageNamed(parser.value(QStringLiteral("page"))))
        qWarning("No page is called %s; the window opens where it was left.",
                 qPrintable(parser.value(QStringLiteral("page"))));
    return application.exec();
}

} // namespace workbench::app
