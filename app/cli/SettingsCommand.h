#pragma once

#include <QCommandLineParser>

namespace workbench::app {

struct CommandContext;

void addSettingsOptions(QCommandLineParser &parser);
int runSettingsCommand(const CommandContext &context);

} // namespace workbench::app
