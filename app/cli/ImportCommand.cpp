#include "ImportCommand.h"

#include "CommandContext.h"
#include "common/NumberText.h"
#include "import/ImportJob.h"
#include "import/ValueParsers.h"
#include "store/Database.h"

#include <QElapsedTimer>

namespace workbench::app {

void addImportOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("csv, jsonl, chatlog, zendesk or intercom (default: detected per file)."),
                      QStringLiteral("FORMAT")});
    parser.addOption({QStringLiteral("mapping"),
                      QStringLiteral("Read CSV columns through a saved mapping (by name) or a mapping JSON file."),
                      QStringLiteral("NAME|FILE")});
    parser.addOption({QStringLiteral("messages"),
                      QStringLiteral("A messages CSV (conversation_id, seq, role, text, sent_at, author) for the "
                                     "conversations."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("lenient"), QStringLiteral("Skip bad rows (and list them) instead of refusing "
                                                                "the whole import.")});
    // Chat logs.
    parser.addOption(
        {QStringLiteral("start"),
         QStringLiteral("Chat logs without timestamps: the first conversation's start (YYYY-MM-DD or ISO-8601, UTC)."),
         QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("spacing"),
                      QStringLiteral("Chat logs without timestamps: minutes between conversations (default 60)."),
                      QStringLiteral("MINUTES")});
    parser.addOption(
        {QStringLiteral("handoff-tool"),
         QStringLiteral("Chat logs: the tool whose call is the hand-off (default transfer_to_human_agents)."),
         QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("id-fields"),
                      QStringLiteral("Chat logs: dotted paths joined into the conversation id (e.g. task_id,trial)."),
                      QStringLiteral("PATHS")});
    parser.addOption({QStringLiteral("customer-field"), QStringLiteral("Chat logs: dotted path of the customer id."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("category-field"), QStringLiteral("Chat logs: dotted path of the category."),
                      QStringLiteral("PATH")});
    // Help desks.
    parser.addOption({QStringLiteral("ai-authors"),
                      QStringLiteral("Zendesk/Intercom: author ids that are the AI assistant, comma-separated."),
                      QStringLiteral("IDS")});
    parser.addOption(
        {QStringLiteral("category-from"),
         QStringLiteral("Zendesk/Intercom: tags (first tag), tag-prefix:PREFIX or field:NAME (default tags)."),
         QStringLiteral("SOURCE")});
    parser.addOption({QStringLiteral("comments"),
                      QStringLiteral("Zendesk: comments in a separate file (each with ticket_id)."),
                      QStringLiteral("FILE")});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Files to import, all in one transaction."),
                                 QStringLiteral("FILE..."));
}

int runImportCommand(const CommandContext &context)
{
    const QCommandLineParser &parser = context.parser;
    ImportRequest request;
    request.files = parser.positionalArguments();
    request.messagesFile = parser.value(QStringLiteral("messages"));
    request.lenient = parser.isSet(QStringLiteral("lenient"));
    if (request.files.isEmpty())
        throw UsageError{QStringLiteral("name at least one file to import.")};
    if (parser.isSet(QStringLiteral("format"))) {
        request.format = formatFromName(parser.value(QStringLiteral("format")));
        if (!request.format)
            throw UsageError{QStringLiteral("--format takes csv, jsonl, chatlog, zendesk or intercom, not \"%1\".")
                                 .arg(parser.value(QStringLiteral("format")))};
    }
    auto given = [&](const char *name) { return parser.isSet(QString::fromLatin1(name)); };
    auto value = [&](const char *name) { return parser.value(QString::fromLatin1(name)); };
    // Option values are checked before the workspace is opened: a usage error changes nothing.
    std::optional<qint64> start;
    if (given("start")) {
        qint64 msecs = 0;
        if (!values::parseTimestamp(value("start").toUtf8(), msecs))
            throw UsageError{QStringLiteral("--start takes a date or time (YYYY-MM-DD or ISO-8601), not \"%1\".")
                                 .arg(value("start"))};
        start = msecs;
    }
    std::optional<qint64> spacingMinutes;
    if (given("spacing")) {
        bool ok = false;
        spacingMinutes = value("spacing").toLongLong(&ok);
        if (!ok || *spacingMinutes < 0 || *spacingMinutes > 7 * 24 * 60)
            throw UsageError{
                QStringLiteral("--spacing takes minutes from 0 to 10080, not \"%1\".").arg(value("spacing"))};
    }

    auto database = context.openWorkspace();
    if (parser.isSet(QStringLiteral("mapping"))) {
        const ColumnMapping mapping = resolveMapping(*database, parser.value(QStringLiteral("mapping")));
        if (mapping.readerOptions) {
            // A saved mapping of a chat log or help-desk export: its reader and options; flags below win.
            request.readerOptions = *mapping.readerOptions;
            if (!request.format)
                request.format = formatFromName(mapping.format);
        }
        if (!mapping.columns.empty())
            request.mapping = mapping;
    }
    ReaderOptions &options = request.readerOptions;
    if (start)
        options.startMsecs = start;
    if (spacingMinutes)
        options.spacingSeconds = *spacingMinutes * 60;
    if (given("handoff-tool"))
        options.handoffTool = value("handoff-tool");
    if (given("id-fields"))
        options.idFields = value("id-fields");
    if (given("customer-field"))
        options.customerField = value("customer-field");
    if (given("category-field"))
        options.categoryField = value("category-field");
    if (given("ai-authors"))
        options.aiAuthorIds = value("ai-authors").split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (given("category-from"))
        options.categoryFrom = value("category-from");
    if (given("comments"))
        options.commentsFile = value("comments");

    QElapsedTimer timer;
    timer.start();
    const ImportSummary summary = runImport(*database, request, context.clock);

    const double seconds = double(timer.elapsed()) / 1000.0;
    const qsizetype fileCount = request.files.size() + (request.messagesFile.isEmpty() ? 0 : 1);
    context.out << "Imported " << fileCount << (fileCount == 1 ? " file" : " files") << " ("
                << decimalText(double(summary.bytes) / (1 << 20), 1) << " MB) in " << QString::number(seconds, 'f', 1)
                << " s: " << countText(summary.inserted) << " inserted, " << countText(summary.updated) << " updated, "
                << countText(summary.skipped) << " skipped, " << countText(summary.warnings())
                << (summary.warnings() == 1 ? " warning" : " warnings");
    if (summary.messages > 0)
        context.out << "; " << countText(summary.messages) << " messages";
    context.out << ".\n";
    for (const QString &note : summary.remarks())
        context.out << "note: " << note << '\n';
    context.out.flush();
    for (const ImportIssue &issue : summary.skippedRows)
        context.err << "skipped: " << issue.text() << '\n';
    return 0;
}

} // namespace workbench::app
