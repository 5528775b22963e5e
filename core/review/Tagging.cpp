#include "Tagging.h"

#include "common/Clock.h"
#include "common/Utf8.h"
#include "common/WorkbenchError.h"
#include "import/CanonicalWriter.h"
#include "import/CsvReader.h"
#include "import/ImportJob.h"
#include "import/ValueParsers.h"
#include "store/Database.h"
#include "store/DimensionCache.h"
#include "store/Sql.h"
#include "store/Transaction.h"

#include <QDir>
#include <QFile>
#include <QSet>

namespace workbench {
namespace {

struct Target {
    qint64 rowId = 0;
    bool escalated = false;
};

std::optional<Target> findConversation(Database &db, const QString &conversationId)
{
    QSqlQuery query =
        sql::run(db.sql(), QStringLiteral("SELECT id, escalated FROM conversations WHERE conversation_id = :id"),
                 {{":id", conversationId.trimmed()}});
    if (!query.next())
        return std::nullopt;
    return Target{query.value(0).toLongLong(), query.value(1).toInt() != 0};
}

struct Latest {
    QString verdict;
    QString reason;
};

Latest latestTag(Database &db, qint64 rowId)
{
    QSqlQuery query = sql::run(db.sql(),
                               QStringLiteral("SELECT verdict, reason FROM verdicts WHERE conversation_ref = :id"),
                               {{":id", rowId}});
    return query.next() ? Latest{query.value(0).toString(), query.value(1).toString()} : Latest{};
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

// Inserts the tag and its history row inside the caller's transaction.
qint64 storeTag(Database &db, const Target &target, const TagRequest &request, const QString &action)
{
    const Latest before = latestTag(db, target.rowId);
    QVariant category;
    if (!request.correctedCategory.trimmed().isEmpty()) {
        DimensionCache dimensions(db);
        category = *dimensions.resolve(DimensionKind::Category, request.correctedCategory);
    }
    sql::run(
        db.sql(),
        QStringLiteral(
            "INSERT INTO tags (conversation_ref, reviewer, verdict, reason, note, corrected_category_id,"
            " takeover_seq, tagged_at) VALUES (:row, :reviewer, :verdict, :reason, :note, :category, :takeover, :at)"),
        {{":row", target.rowId},
         {":reviewer", request.reviewer.trimmed()},
         {":verdict", verdictName(request.verdict)},
         {":reason", textOrNull(request.reason.trimmed())},
         {":note", textOrNull(request.note)},
         {":category", category},
         {":takeover", request.takeoverSeq ? QVariant(*request.takeoverSeq) : QVariant()},
         {":at", request.taggedAtMsecs}});
    const qint64 id = sql::scalar(db.sql(), QStringLiteral("SELECT last_insert_rowid()")).toLongLong();
    sql::run(db.sql(),
             QStringLiteral(
                 "INSERT INTO tag_history (conversation_ref, reviewer, changed_at, action, from_verdict, to_verdict,"
                 " from_reason, to_reason) VALUES (:row, :reviewer, :at, :action, :from, :to, :fromReason, :toReason)"),
             {{":row", target.rowId},
              {":reviewer", request.reviewer.trimmed()},
              {":at", request.taggedAtMsecs},
              {":action", action},
              {":from", textOrNull(before.verdict)},
              {":to", verdictName(request.verdict)},
              {":fromReason", textOrNull(before.reason)},
              {":toReason", textOrNull(request.reason.trimmed())}});
    return id;
}

} // namespace

namespace {

qint64 addTagAs(Database &db, const TagRequest &request, std::optional<QString> action)
{
    if (request.reviewer.trimmed().isEmpty())
        throw WorkbenchError(QStringLiteral("A tag needs a reviewer's name."));
    Transaction transaction(db);
    const auto target = findConversation(db, request.conversationId);
    if (!target)
        throw WorkbenchError(QStringLiteral("No conversation \"%1\" in this workspace.").arg(request.conversationId));
    if (!verdictFits(request.verdict, target->escalated))
        throw WorkbenchError(
            QStringLiteral("%1 does not fit conversation \"%2\": it was %3, so its verdict is %4.")
                .arg(verdictName(request.verdict), request.conversationId,
                     target->escalated ? QStringLiteral("escalated") : QStringLiteral("kept by the AI"),
                     validVerdicts(target->escalated)));
    const Latest before = latestTag(db, target->rowId);
    const qint64 id = storeTag(db, *target, request,
                               action                     ? *action
                               : before.verdict.isEmpty() ? QStringLiteral("set")
                                                          : QStringLiteral("change"));
    transaction.commit();
    return id;
}

} // namespace

qint64 addTag(Database &db, const TagRequest &request)
{
    return addTagAs(db, request, std::nullopt);
}

qint64 redoTag(Database &db, const TagRequest &request)
{
    return addTagAs(db, request, QStringLiteral("redo"));
}

void undoTag(Database &db, qint64 tagId, const QString &reviewer, qint64 atMsecs)
{
    Transaction transaction(db);
    QSqlQuery tag =
        sql::run(db.sql(), QStringLiteral("SELECT conversation_ref, verdict, reason FROM tags WHERE id = :id"),
                 {{":id", tagId}});
    if (!tag.next())
        throw WorkbenchError(QStringLiteral("No tag %1 to undo.").arg(tagId));
    const qint64 rowId = tag.value(0).toLongLong();
    const QString verdict = tag.value(1).toString();
    const QString reason = tag.value(2).toString();
    tag.finish();
    sql::run(db.sql(), QStringLiteral("DELETE FROM tags WHERE id = :id"), {{":id", tagId}});
    const Latest standing = latestTag(db, rowId);
    sql::run(db.sql(),
             QStringLiteral(
                 "INSERT INTO tag_history (conversation_ref, reviewer, changed_at, action, from_verdict, to_verdict,"
                 " from_reason, to_reason) VALUES (:row, :reviewer, :at, 'undo', :from, :to, :fromReason, :toReason)"),
             {{":row", rowId},
              {":reviewer", reviewer},
              {":at", atMsecs},
              {":from", verdict},
              {":to", textOrNull(standing.verdict)},
              {":fromReason", textOrNull(reason)},
              {":toReason", textOrNull(standing.reason)}});
    transaction.commit();
}

std::optional<Verdict> currentVerdict(Database &db, const QString &conversationId)
{
    const auto target = findConversation(db, conversationId);
    if (!target)
        return std::nullopt;
    return verdictFromName(latestTag(db, target->rowId).verdict);
}

qint64 exportTags(Database &db, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw WorkbenchError(
            QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    QByteArray out = "conversation_id,reviewer,verdict,reason,note,tagged_at\n";
    QSqlQuery query = sql::run(
        db.sql(), QStringLiteral("SELECT c.conversation_id, t.reviewer, t.verdict, t.reason, t.note, t.tagged_at"
                                 " FROM tags t JOIN conversations c ON c.id = t.conversation_ref"
                                 " ORDER BY t.tagged_at, t.id"));
    qint64 count = 0;
    while (query.next()) {
        for (int column = 0; column < 5; ++column) {
            appendCsvField(out, query.value(column).toString());
            out += ',';
        }
        out += isoTimestamp(query.value(5).toLongLong()).toLatin1();
        out += '\n';
        ++count;
    }
    if (file.write(out) != out.size() || !file.flush())
        throw WorkbenchError(
            QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return count;
}

TagsImportSummary importTags(Database &db, const QString &path, const Clock &clock)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw WorkbenchError(
            QStringLiteral("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    CsvReader reader(file, path);
    if (!reader.readRecord())
        throw WorkbenchError(
            QStringLiteral("%1:1: the file is empty (expected conversation_id,reviewer,verdict,reason,note,tagged_at)")
                .arg(QDir::toNativeSeparators(path)));
    QStringList headers;
    for (qsizetype i = 0; i < reader.fieldCount(); ++i)
        headers << QString::fromUtf8(reader.field(i)).trimmed().toLower();
    QStringList missing;
    for (const char *required : {"conversation_id", "reviewer", "verdict"}) {
        if (!headers.contains(QLatin1String(required)))
            missing << QStringLiteral("\"%1\"").arg(QLatin1String(required));
    }
    if (!missing.isEmpty())
        throw WorkbenchError(
            QStringLiteral(
                "%1:1: missing required column%2 %3 (expected conversation_id,reviewer,verdict,reason,note,tagged_at)")
                .arg(QDir::toNativeSeparators(path), missing.size() > 1 ? QStringLiteral("s") : QString(),
                     missing.join(QStringLiteral(", "))));
    auto cell = [&](const char *name) {
        const qsizetype index = headers.indexOf(QLatin1String(name));
        return index >= 0 && index < reader.fieldCount() ? QString::fromUtf8(reader.field(index)) : QString();
    };

    TagsImportSummary summary;
    std::vector<ImportIssue> problems;
    QSet<QString> seen; // the six fields of the rows stored by this import
    const qint64 now = clock.nowUtc().toMSecsSinceEpoch();
    Transaction transaction(db);
    while (reader.readRecord() && problems.size() < 20) {
        const qint64 line = reader.recordLine();
        bool valid = true;
        for (qsizetype i = 0; i < reader.fieldCount(); ++i)
            valid = valid && isValidUtf8(reader.field(i));
        if (!valid) {
            problems.push_back(
                {path, line, QString(), QStringLiteral("the row is not valid UTF-8 text (expected UTF-8)")});
            continue;
        }
        TagRequest request;
        request.conversationId = cell("conversation_id").trimmed();
        request.reviewer = cell("reviewer").trimmed();
        request.reason = cell("reason").trimmed();
        request.note = cell("note");
        const QString timeText = cell("tagged_at").trimmed();
        request.taggedAtMsecs = now;
        if (!timeText.isEmpty() && !values::parseTimestamp(timeText.toUtf8(), request.taggedAtMsecs)) {
            problems.push_back(
                {path, line, QStringLiteral("tagged_at"),
                 QStringLiteral("%1 is not a timestamp (%2)").arg(quotedValue(timeText), values::expectedTimestamp())});
            continue;
        }
        const auto verdict = verdictFromName(cell("verdict"));
        if (!verdict) {
            problems.push_back(
                {path, line, QStringLiteral("verdict"),
                 QStringLiteral(
                     "%1 is not a verdict (expected correct_escalation, false_escalation, correct_resolution "
                     "or missed_escalation)")
                     .arg(quotedValue(cell("verdict")))});
            continue;
        }
        request.verdict = *verdict;
        if (request.reviewer.isEmpty()) {
            problems.push_back(
                {path, line, QStringLiteral("reviewer"), QStringLiteral("is empty (a reviewer's name is required)")});
            continue;
        }
        const auto target = findConversation(db, request.conversationId);
        if (!target) {
            problems.push_back({path, line, QStringLiteral("conversation_id"),
                                QStringLiteral("%1 is not a conversation of this workspace")
                                    .arg(quotedValue(request.conversationId))});
            continue;
        }
        if (!verdictFits(request.verdict, target->escalated)) {
            problems.push_back(
                {path, line, QStringLiteral("verdict"),
                 QStringLiteral("%1 does not fit a conversation that was %2 (expected %3)")
                     .arg(quotedValue(verdictName(request.verdict)),
                          target->escalated ? QStringLiteral("escalated") : QStringLiteral("kept by the AI"),
                          validVerdicts(target->escalated))});
            continue;
        }
        if (!problems.empty())
            continue; // refused already: look for more problems only
        const QString key =
            QStringList{request.conversationId, request.reviewer, verdictName(request.verdict),
                        request.reason,         request.note,     QString::number(request.taggedAtMsecs)}
                .join(QChar(0x1f));
        const bool stored =
            sql::scalar(db.sql(),
                        QStringLiteral("SELECT 1 FROM tags WHERE conversation_ref = :row AND reviewer = :reviewer"
                                       " AND verdict = :verdict AND ifnull(reason, '') = :reason"
                                       " AND ifnull(note, '') = :note AND tagged_at = :at"),
                        {{":row", target->rowId},
                         {":reviewer", request.reviewer},
                         {":verdict", verdictName(request.verdict)},
                         {":reason", request.reason},
                         {":note", request.note},
                         {":at", request.taggedAtMsecs}})
                .isValid();
        if (stored || seen.contains(key)) {
            ++summary.alreadyStored;
            continue;
        }
        seen.insert(key);
        storeTag(db, *target, request, QStringLiteral("import"));
        ++summary.added;
    }
    if (!problems.empty())
        throw ImportRefused(std::move(problems));
    transaction.commit();
    return summary;
}

} // namespace workbench
