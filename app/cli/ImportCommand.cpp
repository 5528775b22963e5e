#include "ImportCommand.h"

#include "CommandContext.h"
#include "import/ImportJob.h"
#include "store/Database.h"

#include <QElapsedTimer>
#include <QLocale>

namespace workbench::app {

void addImportOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("format"), QStringLiteral("csv or jsonl (default: detected per file)."),
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
            throw UsageError{QStringLiteral("--format takes csv or jsonl, not \"%1\".").arg(parser.value(QStringLiteral("format")))};
    }

    QElapsedTimer timer;
    timer.start();
    auto database = context.openWorkspace();
    if (parser.isSet(QStringLiteral("mapping")))
        request.mapping = resolveMapping(*database, parser.value(QStringLiteral("mapping")));
    const ImportSummary summary = runImport(*database, request, context.clock);

    const QLocale locale(QLocale::English);
    const double seconds = double(timer.elapsed()) / 1000.0;
    const qsizetype fileCount = request.files.size() + (request.messagesFile.isEmpty() ? 0 : 1);
    context.out << "Imported " << fileCount << (fileCount == 1 ? " file" : " files") << " ("
                << locale.toString(double(summary.bytes) / (1 << 20), 'f', 1) << " MB) in "
                << QString::number(seconds, 'f', 1) << " s: " << locale.toString(summary.inserted) << " inserted, "
                << locale.toString(summary.updated) << " updated, " << locale.toString(summary.skipped) << " skipped, "
                << locale.toString(summary.warnings()) << (summary.warnings() == 1 ? " warning" : " warnings");
    if (summary.messages > 0)
        context.out << "; " << locale.toString(summary.messages) << " messages";
    context.out << ".\n";
    for (const QString &note : summary.remarks())
        context.out << "note: " << note << '\n';
    context.out.flush();
    for (const ImportIssue &issue : summary.skippedRows)
        context.err << "skipped: " << issue.text() << '\n';
    return 0;
}

} // namespace workbench::app
