#include "ReportCommand.h"

#include "CommandContext.h"
#include "MetricsCommand.h"
#include "common/Clock.h"
#include "report/PdfReport.h"
#include "report/ReportData.h"
#include "store/Database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

namespace workbench::app {

void addReportOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("period"), QStringLiteral("The month (2026-10) or ISO week to report on."),
                      QStringLiteral("P")});
    parser.addOption({QStringLiteral("pdf"), QStringLiteral("The PDF file to write."), QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("no-mask"), QStringLiteral("Leave customer emails, phone numbers and card numbers unmasked.")});
}

int runReportCommand(const CommandContext &context)
{
    const QCommandLineParser &parser = context.parser;
    const Period period = requiredPeriod(parser);
    if (!parser.isSet(QStringLiteral("pdf")) || parser.value(QStringLiteral("pdf")).isEmpty())
        throw UsageError{QStringLiteral("--pdf FILE is required (e.g. --pdf escalations-2026-10.pdf).")};
    const QString path = QFileInfo(parser.value(QStringLiteral("pdf"))).absoluteFilePath();
    QElapsedTimer timer;
    timer.start();
    auto database = context.openWorkspace();
    ReportOptions options;
    options.mask = !parser.isSet(QStringLiteral("no-mask"));
    const ReportData data = buildReportData(*database, period, options, context.clock);
    ui::writePdfReport(data, path);
    context.out << "Wrote " << QDir::toNativeSeparators(path) << " (" << period.key()
                << (options.mask ? ", customer data masked" : ", NOT masked") << ") in "
                << QString::number(double(timer.elapsed()) / 1000.0, 'f', 1) << " s.\n";
    return 0;
}

} // namespace workbench::app
