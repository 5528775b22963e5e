#pragma once

class QCommandLineParser;

namespace workbench::app {

struct CommandContext;

void addReportOptions(QCommandLineParser &parser);
/// `report --period P --pdf FILE [--no-mask]`: the PDF summary of a month (CLI.md).
int runReportCommand(const CommandContext &context);

} // namespace workbench::app
