#pragma once

#include <QCommandLineParser>

namespace workbench::app {

struct CommandContext;

void addImportOptions(QCommandLineParser &parser);
int runImportCommand(const CommandContext &context);

} // namespace workbench::app
