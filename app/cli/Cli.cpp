#include "Cli.h"

#include "CommandContext.h"
#include "DemoCommand.h"
#include "ImportCommand.h"
#include "MetricsCommand.h"
#include "ReportCommand.h"
#include "ReviewCommands.h"
#include "SettingsCommand.h"
#include "WorkspaceCommand.h"
#include "common/Clock.h"
#include "common/WorkbenchError.h"
#include "common/WorkspaceLocation.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QDir>

#include <algorithm>
#include <functional>
#include <vector>

namespace workbench::app {
namespace {

struct CommandSpec {
    QString name;
    QString synopsis;
    QString summary;
    std::function<void(QCommandLineParser &)> addOptions;
    std::function<int(const CommandContext &)> run;
    bool takesFiles = false;
};

const std::vector<CommandSpec> &commands()
{
    static const std::vector<CommandSpec> specs = {
        {QStringLiteral("demo"),
         QStringLiteral("demo [--conversations N] [--months M] [--end YYYY-MM] [--seed S] [--export DIR]"),
         QStringLiteral("Fill an empty workspace with a realistic synthetic support queue."), addDemoOptions,
         runDemoCommand},
        {QStringLiteral("import"),
         QStringLiteral("import [--format csv|jsonl|chatlog|zendesk|intercom] [--mapping NAME|FILE] [--messages FILE] "
                        "[--lenient] FILE..."),
         QStringLiteral("Import conversations (CSV, JSONL, chat logs, Zendesk, Intercom), all or nothing."),
         addImportOptions, runImportCommand, true},
        {QStringLiteral("sample"),
         QStringLiteral("sample [--period P] [--population escalated|contained] [--method random|targeted] [--size K] "
                        "[--seed S] [--json]"),
         QStringLiteral("Draw and store a review sample (default: last full week, escalated, random, 50)."),
         addSampleOptions, runSampleCommand},
        {QStringLiteral("tag"),
         QStringLiteral("tag --conversation ID --verdict V [--reason R] [--note T] --reviewer NAME [--at TIME]"),
         QStringLiteral("Tag one conversation with a verdict."), addTagOptions, runTagCommand},
        {QStringLiteral("tags"), QStringLiteral("tags import FILE | tags export FILE"),
         QStringLiteral("Import (all or nothing) or export tags as CSV."), addTagsOptions, runTagsCommand, true},
        {QStringLiteral("metrics"), QStringLiteral("metrics --period P [--baseline P] [--json]"),
         QStringLiteral("Every figure of METRICS.md for a month or an ISO week."), addMetricsOptions,
         runMetricsCommand},
        {QStringLiteral("report"), QStringLiteral("report --period P --pdf FILE [--no-mask]"),
         QStringLiteral("Write the PDF summary of a month, customer contact data masked."), addReportOptions,
         runReportCommand},
        {QStringLiteral("settings"), QStringLiteral("settings get|set [KEY] [VALUE] [--json]"),
         QStringLiteral("Read or change the cost model, thresholds, benchmark band and targets."), addSettingsOptions,
         runSettingsCommand, true},
        {QStringLiteral("workspace"), QStringLiteral("workspace check | recover FILE | init URI | copy SRC DST"),
         QStringLiteral("Check a workspace with SQLite's integrity check, or write a repaired copy of a damaged one."),
         addWorkspaceOptions, runWorkspaceCommand, true},
    };
    return specs;
}

QString programName()
{
    return QStringLiteral("escalation-workbench");
}

QString overallUsage()
{
    QString text = QStringLiteral("Usage: %1 [--db FILE | FILE.ewb]  open the workbench window\n"
                                  "       %1 COMMAND [OPTIONS]        run a command\n\n"
                                  "Audit the hand-offs of AI customer-support assistants.\n\nCommands:\n")
                       .arg(programName());
    for (const CommandSpec &spec : commands())
        text += QStringLiteral("  %1  %2\n").arg(spec.name.leftJustified(10), spec.summary);
    text += QStringLiteral("\nEvery command takes --db FILE or --db postgresql://HOST/DB (default: the workspace the "
                           "window opens, now %1)\n"
                           "and --help. Exit codes: 0 success, 1 a user error, 2 a usage error.\n")
                .arg(QDir::toNativeSeparators(defaultWorkspacePath()));
    return text;
}

} // namespace

QString CommandContext::workspacePath() const
{
    const QString given = parser.value(QStringLiteral("db"));
    return given.isEmpty() ? defaultWorkspacePath() : given;
}

std::unique_ptr<Database> CommandContext::openWorkspace() const
{
    auto database = Database::open(workspacePath());
    // A command may wait: an import publishing a few million rows holds the write lock for a minute or more.
    if (database->isWritable())
        database->setBusyTimeout(300000);
    if (database->access() == WorkspaceAccess::Damaged)
        err << programName() << ": warning: " << database->whyReadOnly() << '\n';
    return database;
}

namespace {

bool isCommandName(const QString &word)
{
    return word == QLatin1String("help") || std::any_of(commands().begin(), commands().end(),
                                                        [&](const CommandSpec &spec) { return spec.name == word; });
}

// `escalation-workbench --db F settings get` means `settings get --db F`: the command is the first word that is
// neither an option nor the value of --db.
QStringList withCommandFirst(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &word = arguments.at(i);
        if (word == QLatin1String("--db")) {
            ++i;
            continue;
        }
        if (word.startsWith(QLatin1Char('-')))
            continue;
        if (i == 1 || !isCommandName(word))
            return arguments;
        QStringList reordered = arguments;
        reordered.removeAt(i);
        reordered.insert(1, word);
        return reordered;
    }
    return arguments;
}

} // namespace

bool isCliInvocation(const QStringList &givenArguments)
{
    const QStringList arguments = withCommandFirst(givenArguments);
    if (arguments.size() < 2)
        return false;
    const QString &first = arguments.at(1);
    if (first.startsWith(QLatin1Char('-')))
        return first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("--version");
    // A workspace file instead of a command opens the window on it (the desktop entry passes one: Exec ... %f).
    return isCommandName(first) || !isWorkspaceArgument(first);
}

bool commandDrawsCharts(const QStringList &arguments)
{
    return withCommandFirst(arguments).value(1) == QLatin1String("report");
}

int runCli(const QStringList &givenArguments)
{
    const QStringList arguments = withCommandFirst(givenArguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString first = arguments.value(1);
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        out << overallUsage();
        return ExitSuccess;
    }
    if (first == QLatin1String("--version")) {
        out << programName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        return ExitSuccess;
    }
    const auto &specs = commands();
    const auto spec = std::find_if(specs.begin(), specs.end(), [&](const CommandSpec &s) { return s.name == first; });
    if (spec == specs.end()) {
        err << programName() << ": unknown command \"" << first << "\"\n\n" << overallUsage();
        return ExitUsageError;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(spec->summary);
    parser.addOption({QStringLiteral("db"),
                      QStringLiteral("The workspace file or a postgresql:// URI (default: the one the window opens)."),
                      QStringLiteral("FILE")});
    const QCommandLineOption helpOption = parser.addHelpOption();
    spec->addOptions(parser);
    QStringList commandArguments = arguments.mid(2);
    commandArguments.prepend(programName() + QLatin1Char(' ') + spec->name);
    auto usageFailure = [&](const QString &message) {
        err << programName() << ' ' << spec->name << ": " << message << "\nUsage: " << programName() << ' '
            << spec->synopsis << "\nTry '" << programName() << ' ' << spec->name << " --help'.\n";
        return ExitUsageError;
    };
    if (!parser.parse(commandArguments))
        return usageFailure(parser.errorText());
    if (parser.isSet(helpOption)) {
        out << "Usage: " << programName() << ' ' << spec->synopsis << "\n\n"
            << parser.helpText().section(QLatin1Char('\n'), 1);
        return ExitSuccess;
    }
    if (!spec->takesFiles && !parser.positionalArguments().isEmpty())
        return usageFailure(QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));

    const SystemClock clock;
    const CommandContext context{parser, out, err, clock};
    try {
        return spec->run(context);
    } catch (const UsageError &error) {
        return usageFailure(error.message);
    } catch (const WorkbenchError &error) {
        out.flush();
        err << programName() << ' ' << spec->name << ": " << error.message() << '\n';
        return ExitUserError;
    }
}

} // namespace workbench::app
