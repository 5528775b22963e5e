#pragma once

#include <QCommandLineParser>

namespace workbench::app {

struct CommandContext;

void addMetricsOptions(QCommandLineParser &parser);
int runMetricsCommand(const CommandContext &context);

} // namespace workbench::app
