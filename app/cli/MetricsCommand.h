#pragma once

#include "common/Period.h"

#include <QCommandLineParser>

namespace workbench::app {

struct CommandContext;

void addMetricsOptions(QCommandLineParser &parser);
int runMetricsCommand(const CommandContext &context);
/// The --period option, required and valid (throws UsageError saying what is expected).
Period requiredPeriod(const QCommandLineParser &parser);

} // namespace workbench::app
