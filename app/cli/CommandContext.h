#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

#include <memory>

namespace workbench {
class Clock;
class Database;
} // namespace workbench

namespace workbench::app {

/// What every command gets: its parsed options, the output streams and the injected clock.
struct CommandContext {
    QCommandLineParser &parser;
    QTextStream &out;
    QTextStream &err;
    const Clock &clock;

    /// --db, or the workspace the GUI would open.
    QString workspacePath() const;
    /// Opens the workspace (throws WorkbenchError with a clear message).
    std::unique_ptr<Database> openWorkspace() const;
};

/// Thrown by a command for a usage error (exit code 2): a bad option value, a missing required option.
struct UsageError {
    QString message;
};

} // namespace workbench::app
