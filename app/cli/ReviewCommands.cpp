#include "ReviewCommands.h"

#include "CommandContext.h"
#include "common/Clock.h"
#include "import/ImportJob.h"
#include "import/ValueParsers.h"
#include "review/ConversationDetails.h"
#include "review/ReasonCodes.h"
#include "review/Sampling.h"
#include "review/Tagging.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace workbench::app {

void addSampleOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("period"),
                      QStringLiteral("A month (2026-09) or an ISO week (2026-W40); default: the last full week."),
                      QStringLiteral("P")});
    parser.addOption({QStringLiteral("population"), QStringLiteral("escalated (default) or contained."),
                      QStringLiteral("POPULATION")});
    parser.addOption(
        {QStringLiteral("method"), QStringLiteral("random (default) or targeted."), QStringLiteral("METHOD")});
    parser.addOption(
        {QStringLiteral("size"), QStringLiteral("Conversations to draw (default 50)."), QStringLiteral("K")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random samples: the seed (default: chosen and stored)."),
                      QStringLiteral("S")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON document.")});
}

int runSampleCommand(const CommandContext &context)
{
    const QCommandLineParser &parser = context.parser;
    SampleRequest request;
    request.period = lastFullIsoWeek(context.clock.nowUtc());
    if (parser.isSet(QStringLiteral("period"))) {
        const auto period = Period::parse(parser.value(QStringLiteral("period")));
        if (!period)
            throw UsageError{QStringLiteral("--period takes a month (2026-09) or an ISO week (2026-W40), not \"%1\".")
                                 .arg(parser.value(QStringLiteral("period")))};
        request.period = *period;
    }
    if (parser.isSet(QStringLiteral("population"))) {
        const auto population = populationFromName(parser.value(QStringLiteral("population")));
        if (!population)
            throw UsageError{QStringLiteral("--population takes escalated or contained, not \"%1\".")
                                 .arg(parser.value(QStringLiteral("population")))};
        request.population = *population;
    }
    if (parser.isSet(QStringLiteral("method"))) {
        const auto method = methodFromName(parser.value(QStringLiteral("method")));
        if (!method)
            throw UsageError{QStringLiteral("--method takes random or targeted, not \"%1\".")
                                 .arg(parser.value(QStringLiteral("method")))};
        request.method = *method;
    }
    if (parser.isSet(QStringLiteral("size"))) {
        bool ok = false;
        request.size = parser.value(QStringLiteral("size")).toLongLong(&ok);
        if (!ok || request.size < 1 || request.size > 1'000'000)
            throw UsageError{QStringLiteral("--size takes a whole number from 1 to 1000000, not \"%1\".")
                                 .arg(parser.value(QStringLiteral("size")))};
    }
    if (parser.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok || seed > (quint64(1) << 53))
            throw UsageError{QStringLiteral("--seed takes a whole number from 0 to 2^53, not \"%1\".")
                                 .arg(parser.value(QStringLiteral("seed")))};
        request.seed = seed;
    }
    request.createdAtMsecs = context.clock.nowUtc().toMSecsSinceEpoch();
    auto database = context.openWorkspace();
    const Sample sample = drawSample(*database, request);
    if (!sample.warning.isEmpty())
        context.err << "warning: " << sample.warning << '\n';
    if (parser.isSet(QStringLiteral("json"))) {
        const QJsonObject json{
            {QStringLiteral("sample_id"), double(sample.id)},
            {QStringLiteral("period"), request.period.key()},
            {QStringLiteral("population"), populationName(request.population)},
            {QStringLiteral("method"), methodName(request.method)},
            {QStringLiteral("seed"), sample.seed ? QJsonValue(double(*sample.seed)) : QJsonValue()},
            {QStringLiteral("size"), double(sample.conversationIds.size())},
            {QStringLiteral("conversation_ids"), QJsonArray::fromStringList(sample.conversationIds)}};
        context.out << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    context.out << "Sample " << sample.id << ": " << sample.conversationIds.size() << ' '
                << populationName(request.population) << " conversations of " << request.period.key() << ", "
                << methodName(request.method);
    if (sample.seed)
        context.out << " (seed " << *sample.seed << ')';
    context.out << '\n';
    for (const QString &id : sample.conversationIds)
        context.out << id << '\n';
    return 0;
}

void addTagOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("conversation"), QStringLiteral("The conversation id."), QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("verdict"),
         QStringLiteral(
             "correct_escalation or false_escalation (escalated), correct_resolution or missed_escalation (kept)."),
         QStringLiteral("V")});
    parser.addOption({QStringLiteral("reason"), QStringLiteral("A reason code."), QStringLiteral("R")});
    parser.addOption({QStringLiteral("note"), QStringLiteral("A note."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("reviewer"), QStringLiteral("Who judged it."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("at"), QStringLiteral("When (ISO-8601 or epoch seconds; default now)."),
                      QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("new-reason"),
                      QStringLiteral("Add the --reason code to the verdict's codes when it is not among them.")});
    parser.addOption({QStringLiteral("category"),
                      QStringLiteral("The category the conversation really belongs to (one of the workspace's)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("takeover-turn"),
                      QStringLiteral("For a missed escalation: the turn (numbered from 1, as the transcript shows "
                                     "them) where a person should have taken over."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("role"),
                      QStringLiteral("review (default) or adjudication (a lead settling a disagreement)."),
                      QStringLiteral("ROLE")});
}

int runTagCommand(const CommandContext &context)
{
    const QCommandLineParser &parser = context.parser;
    for (const char *required : {"conversation", "verdict", "reviewer"}) {
        if (!parser.isSet(QLatin1String(required)))
            throw UsageError{QStringLiteral("--%1 is required.").arg(QLatin1String(required))};
    }
    TagRequest request;
    request.conversationId = parser.value(QStringLiteral("conversation"));
    request.reviewer = parser.value(QStringLiteral("reviewer"));
    request.reason = parser.value(QStringLiteral("reason"));
    request.note = parser.value(QStringLiteral("note"));
    request.taggedAtMsecs = context.clock.nowUtc().toMSecsSinceEpoch();
    if (parser.isSet(QStringLiteral("at")) &&
        !values::parseTimestamp(parser.value(QStringLiteral("at")).toUtf8(), request.taggedAtMsecs))
        throw UsageError{QStringLiteral("--at takes ISO-8601 or epoch seconds, not \"%1\".")
                             .arg(parser.value(QStringLiteral("at")))};
    const auto verdict = verdictFromName(parser.value(QStringLiteral("verdict")));
    if (!verdict)
        throw WorkbenchError(
            QStringLiteral("\"%1\" is not a verdict (expected correct_escalation, false_escalation, correct_resolution "
                           "or missed_escalation).")
                .arg(parser.value(QStringLiteral("verdict"))));
    request.verdict = *verdict;
    request.correctedCategory = parser.value(QStringLiteral("category"));
    if (parser.isSet(QStringLiteral("takeover-turn"))) {
        bool ok = false;
        const int turn = parser.value(QStringLiteral("takeover-turn")).toInt(&ok);
        if (!ok || turn < 1)
            throw UsageError{QStringLiteral("--takeover-turn takes a turn number from 1, not \"%1\".")
                                 .arg(parser.value(QStringLiteral("takeover-turn")))};
        request.takeoverSeq = turn - 1;
    }
    if (parser.isSet(QStringLiteral("role"))) {
        const auto role = tagRoleFromName(parser.value(QStringLiteral("role")));
        if (!role)
            throw UsageError{QStringLiteral("--role takes review or adjudication, not \"%1\".")
                                 .arg(parser.value(QStringLiteral("role")))};
        request.role = *role;
    }
    auto database = context.openWorkspace();
    if (!request.reason.trimmed().isEmpty()) {
        const auto details = loadConversation(*database, request.conversationId.trimmed());
        const QString category = details ? details->conversation.category : QString();
        if (parser.isSet(QStringLiteral("new-reason")))
            addReasonCode(*database, request.verdict, request.reason);
        else
            requireReasonCode(*database, request.verdict, category, request.reason);
    }
    addTag(*database, request);
    context.out << "Tagged " << request.conversationId << " as " << verdictName(request.verdict) << " ("
                << request.reviewer << ").\n";
    return 0;
}

void addTagsOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("import|export"),
                                 QStringLiteral("Read tags from, or write them to, a CSV file."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QString::fromLatin1(kTagsCsvHeader));
}

int runTagsCommand(const CommandContext &context)
{
    const QStringList words = context.parser.positionalArguments();
    if (words.size() != 2 || (words[0] != QLatin1String("import") && words[0] != QLatin1String("export")))
        throw UsageError{QStringLiteral("expected tags import FILE or tags export FILE.")};
    auto database = context.openWorkspace();
    if (words[0] == QLatin1String("export")) {
        const qint64 count = exportTags(*database, words[1]);
        context.out << "Wrote " << count << " tags to " << words[1] << ".\n";
        return 0;
    }
    const TagsImportSummary summary = importTags(*database, words[1], context.clock);
    context.out << "Imported " << summary.added << " tags; " << summary.alreadyStored << " were stored already.\n";
    return 0;
}

} // namespace workbench::app
