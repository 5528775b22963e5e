#include "DemoCommand.h"

#include "CommandContext.h"
#include "common/NumberText.h"
#include "demo/DemoGenerator.h"
#include "store/Database.h"

#include <QElapsedTimer>

namespace workbench::app {

void addDemoOptions(QCommandLineParser &parser)
{
    parser.addOption(
        {QStringLiteral("conversations"),
         QStringLiteral("Conversations in the whole data set (default 30000: 5,000 a month for 6 months)."),
         QStringLiteral("N"), QStringLiteral("30000")});
    parser.addOption({QStringLiteral("months"), QStringLiteral("Months of history (default 6)."), QStringLiteral("M"),
                      QStringLiteral("6")});
    parser.addOption({QStringLiteral("end"), QStringLiteral("Last month, YYYY-MM (default: the last full month)."),
                      QStringLiteral("YYYY-MM")});
    parser.addOption({QStringLiteral("seed"),
                      QStringLiteral("Random seed; the same arguments give the same data (default 1)."),
                      QStringLiteral("S"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("export"),
                      QStringLiteral("Also write the data as canonical conversations.csv, messages.csv and "
                                     "conversations.jsonl into DIR."),
                      QStringLiteral("DIR")});
}

int runDemoCommand(const CommandContext &context)
{
    const QCommandLineParser &parser = context.parser;
    DemoOptions options;
    bool ok = false;
    options.conversations = parser.value(QStringLiteral("conversations")).toLongLong(&ok);
    if (!ok || options.conversations < 1 || options.conversations > 50'000'000)
        throw UsageError{QStringLiteral("--conversations takes a whole number from 1 to 50000000, not \"%1\".")
                             .arg(parser.value(QStringLiteral("conversations")))};
    options.months = parser.value(QStringLiteral("months")).toInt(&ok);
    if (!ok || options.months < 1 || options.months > 240)
        throw UsageError{QStringLiteral("--months takes a whole number from 1 to 240, not \"%1\".")
                             .arg(parser.value(QStringLiteral("months")))};
    options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        throw UsageError{QStringLiteral("--seed takes a non-negative whole number, not \"%1\".")
                             .arg(parser.value(QStringLiteral("seed")))};
    if (parser.isSet(QStringLiteral("end"))) {
        const auto end = Period::parse(parser.value(QStringLiteral("end")));
        if (!end || end->kind() != Period::Kind::Month)
            throw UsageError{
                QStringLiteral("--end takes a month as YYYY-MM, not \"%1\".").arg(parser.value(QStringLiteral("end")))};
        options.endMonth = *end;
    }

    QElapsedTimer timer;
    timer.start();
    auto database = context.openWorkspace();
    const DemoSummary summary =
        fillDemoWorkspace(*database, options, context.clock, {}, parser.value(QStringLiteral("export")));
    context.out << "Filled " << database->path() << " with " << countText(summary.conversations)
                << " demo conversations, " << summary.firstMonth.key() << " to " << summary.lastMonth.key() << ", in "
                << QString::number(double(timer.elapsed()) / 1000.0, 'f', 1) << " s.\n";
    if (parser.isSet(QStringLiteral("export")))
        context.out << "Wrote conversations.csv, messages.csv and conversations.jsonl to "
                    << parser.value(QStringLiteral("export")) << ".\n";
    return 0;
}

} // namespace workbench::app
