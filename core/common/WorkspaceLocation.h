#pragma once

#include <QString>

namespace workbench {

/// The workspace the GUI opens and the CLI uses without --db: the last one opened, else the default file
/// in the platform's app-data folder.
QString defaultWorkspacePath();

/// Remembers `path` as the last workspace and puts it first in the recent list.
void rememberWorkspace(const QString &path);

/// Recently opened workspaces, most recent first (existing files only).
QStringList recentWorkspaces();

/// True for a command-line argument that names a workspace to open: a path ending in ".ewb", or an existing file.
bool isWorkspaceArgument(const QString &argument);

void setOrganisationAndApplicationNames();

} // namespace workbench
