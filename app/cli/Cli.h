#pragma once

#include <QStringList>

namespace workbench::app {

/// Exit codes of CLI.md.
enum ExitCode { ExitSuccess = 0, ExitUserError = 1, ExitUsageError = 2 };

/// True when the arguments name a command (or ask for help) rather than opening the GUI.
bool isCliInvocation(const QStringList &arguments);

/// True for a command that draws charts (report): it needs a GUI application, run without a window.
bool commandDrawsCharts(const QStringList &arguments);

/// Runs the command in `arguments` (arguments[0] is the program) and returns its exit code.
int runCli(const QStringList &arguments);

} // namespace workbench::app
