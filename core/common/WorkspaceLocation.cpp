#include "WorkspaceLocation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace workbench {
namespace {

constexpr int kMaxRecent = 8;
const QString kLastWorkspaceKey = QStringLiteral("workspace/last");
const QString kRecentKey = QStringLiteral("workspace/recent");

} // namespace

void setOrganisationAndApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("EscalationWorkbench"));
    QCoreApplication::setApplicationName(QStringLiteral("escalation-workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WORKBENCH_VERSION));
}

QString defaultWorkspacePath()
{
    const QSettings settings;
    const QString last = settings.value(kLastWorkspaceKey).toString();
    if (!last.isEmpty() && QFileInfo::exists(last))
        return last;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("workspace.ewb"));
}

void rememberWorkspace(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QSettings settings;
    settings.setValue(kLastWorkspaceKey, absolute);
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
}

bool isWorkspaceArgument(const QString &argument)
{
    return argument.endsWith(QLatin1String(".ewb"), Qt::CaseInsensitive) || QFileInfo(argument).isFile();
}

QStringList recentWorkspaces()
{
    const QSettings settings;
    QStringList recent;
    for (const QString &path : settings.value(kRecentKey).toStringList()) {
        if (QFileInfo::exists(path))
            recent.append(path);
    }
    return recent;
}

} // namespace workbench
