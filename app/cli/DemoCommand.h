#pragma once

#include <QCommandLineParser>

namespace workbench::app {

struct CommandContext;

void addDemoOptions(QCommandLineParser &parser);
int runDemoCommand(const CommandContext &context);

} // namespace workbench::app
