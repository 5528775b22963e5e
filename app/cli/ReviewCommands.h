#pragma once

#include <QCommandLineParser>

namespace workbench::app {

struct CommandContext;

void addSampleOptions(QCommandLineParser &parser);
int runSampleCommand(const CommandContext &context);
void addTagOptions(QCommandLineParser &parser);
int runTagCommand(const CommandContext &context);
void addTagsOptions(QCommandLineParser &parser);
int runTagsCommand(const CommandContext &context);

} // namespace workbench::app
