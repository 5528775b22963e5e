#pragma once

#include <QCommandLineParser>

namespace workbench::app {

struct CommandContext;

void addWorkspaceOptions(QCommandLineParser &parser);
/// `workspace check` (SQLite's full integrity check) and `workspace recover FILE` (a repaired copy).
int runWorkspaceCommand(const CommandContext &context);

} // namespace workbench::app
