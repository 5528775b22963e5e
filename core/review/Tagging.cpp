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

namespace workbench {
namespace {

struct Target {
    qint64 rowId = 0;
    bool escalated = false;
};

struct TagProblem {
    QString column;  ///< the tags CSV column at fault
    QString message; ///< empty: no problem
};

struct Latest {
    QString verdict;
    QString reason;
};

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

const QString kTagColumns = QString::fromLatin1(kTagsCsvHeader);

/// The statements of tagging, prepared once: a tags import runs them for every row.
class TagStatements {
public:
    explicit TagStatements(Database &db)
        : m_db(db),
          m_find(sql::prepare(db.sql(),
                              QStringLiteral("SELECT id, escalated FROM conversations WHERE conversation_id = :id"))),
          m_latest(sql::prepare(db.sql(),
                                QStringLiteral("SELECT verdict, reason FROM verdicts WHERE conversation_ref = :id"))),
          m_insertTag(sql::prepare(db.sql(),
                                   QStringLiteral("INSERT INTO tags (conversation_ref, reviewer, verdict, reason, note,"
                                                  " corrected_category_id, takeover_seq, tagged_at, role) VALUES (:row,"
                                                  " :reviewer, :verdict, :reason, :note, :category, :takeover, :at,"
                                                  " :role) RETURNING id"))),
          m_insertHistory(
              sql::prepare(db.sql(), QStringLiteral("INSERT INTO tag_history (conversation_ref, reviewer, changed_at,"
                                                    " action, from_verdict, to_verdict, from_reason, to_reason)"
                                                    " VALUES (:row, :reviewer, :at, :action, :from, :to,"
                                                    " :fromReason, :toReason)"))),
          m_dropDraft(sql::prepare(
              db.sql(),
              QStringLiteral("DELETE FROM review_drafts WHERE conversation_ref = :row AND reviewer = :reviewer")))
    {}

    std::optional<Target> find(const QString &conversationId)
    {
        m_find.bindValue(QStringLiteral(":id"), conversationId.trimmed());
        sql::exec(m_find);
        std::optional<Target> target;
        if (m_find.next())
            target = Target{m_find.value(0).toLongLong(), m_find.value(1).toInt() != 0};
        m_find.finish();
        return target;
    }

    Latest latest(qint64 rowId)
    {
        m_latest.bindValue(QStringLiteral(":id"), rowId);
        sql::exec(m_latest);
        Latest latest;
        if (m_latest.next())
            latest = {m_latest.value(0).toString(), m_latest.value(1).toString()};
        m_latest.finish();
        return latest;
    }

    void history(qint64 rowId, const QString &reviewer, qint64 at, const QString &action, const Latest &from,
                 const Latest &to)
    {
        m_insertHistory.bindValue(QStringLiteral(":row"), rowId);
        m_insertHistory.bindValue(QStringLiteral(":reviewer"), reviewer);
        m_insertHistory.bindValue(QStringLiteral(":at"), at);
        m_insertHistory.bindValue(QStringLiteral(":action"), action);
        m_insertHistory.bindValue(QStringLiteral(":from"), textOrNull(from.verdict));
        m_insertHistory.bindValue(QStringLiteral(":to"), textOrNull(to.verdict));
        m_insertHistory.bindValue(QStringLiteral(":fromReason"), textOrNull(from.reason));
        m_insertHistory.bindValue(QStringLiteral(":toReason"), textOrNull(to.reason));
        sql::exec(m_insertHistory);
    }

    /// Inserts the tag and its history row inside the caller's transaction. Without an `action`, it is "set"
    /// for a conversation's first verdict and "change" after that.
    /// The stored category a correction names (null for none); nullopt when the workspace has no such category.
    std::optional<QVariant> categoryRef(const QString &name)
    {
        if (name.trimmed().isEmpty())
            return QVariant();
        m_findCategory.bindValue(QStringLiteral(":kind"), int(DimensionKind::Category));
        m_findCategory.bindValue(QStringLiteral(":folded"), DimensionCache::matchKey(name));
        sql::exec(m_findCategory);
        std::optional<QVariant> id;
        if (m_findCategory.next())
            id = m_findCategory.value(0);
        m_findCategory.finish();
        return id;
    }

    /// What is wrong with the request's category and take-over turn for this conversation; empty when nothing.
    TagProblem problemWith(const Target &target, const TagRequest &request)
    {
        if (!categoryRef(request.correctedCategory))
            return {QStringLiteral("category"),
                    QStringLiteral("there is no category \"%1\" in this workspace (categories are corrected to one "
                                   "that exists)")
                        .arg(request.correctedCategory.trimmed())};
        if (!request.takeoverSeq)
            return {};
        if (request.verdict != Verdict::MissedEscalation)
            return {QStringLiteral("takeover_turn"), QStringLiteral("a take-over turn belongs to a missed_escalation, "
                                                                    "not to %1")
                                                         .arg(verdictName(request.verdict))};
        m_turns.bindValue(QStringLiteral(":row"), target.rowId);
        sql::exec(m_turns);
        const int turns = m_turns.next() ? m_turns.value(0).toInt() : 0;
        m_turns.finish();
        if (*request.takeoverSeq < 0 || *request.takeoverSeq >= turns)
            return {QStringLiteral("takeover_turn"), QStringLiteral("turn %1 is not a turn of the conversation (it "
                                                                    "has %2)")
                                                         .arg(*request.takeoverSeq + 1)
                                                         .arg(turns)};
        return {};
    }

    qint64 store(const Target &target, const TagRequest &request, std::optional<QString> action)
    {
        const Latest before = latest(target.rowId);
        const QVariant category = categoryRef(request.correctedCategory).value_or(QVariant());
        const Latest after{verdictName(request.verdict), request.reason.trimmed()};
        m_insertTag.bindValue(QStringLiteral(":row"), target.rowId);
        m_insertTag.bindValue(QStringLiteral(":reviewer"), request.reviewer.trimmed());
        m_insertTag.bindValue(QStringLiteral(":verdict"), after.verdict);
        m_insertTag.bindValue(QStringLiteral(":reason"), textOrNull(after.reason));
        m_insertTag.bindValue(QStringLiteral(":note"), textOrNull(request.note));
        m_insertTag.bindValue(QStringLiteral(":category"), category);
        m_insertTag.bindValue(QStringLiteral(":takeover"),
                              request.takeoverSeq ? QVariant(*request.takeoverSeq) : QVariant());
        m_insertTag.bindValue(QStringLiteral(":at"), request.taggedAtMsecs);
        m_insertTag.bindValue(QStringLiteral(":role"), tagRoleName(request.role));
        sql::exec(m_insertTag);
        const qint64 id = m_insertTag.next() ? m_insertTag.value(0).toLongLong() : 0;
        m_insertTag.finish(); // RETURNING leaves SQLite's statement running until it is finished
        // The draft is what this tag now says.
        m_dropDraft.bindValue(QStringLiteral(":row"), target.rowId);
        m_dropDraft.bindValue(QStringLiteral(":reviewer"), request.reviewer.trimmed());
        sql::exec(m_dropDraft);
        history(target.rowId, request.reviewer.trimmed(), request.taggedAtMsecs,
                action                     ? *action
                : before.verdict.isEmpty() ? QStringLiteral("set")
                                           : QStringLiteral("change"),
                before, after);
        return id;
    }

    /// A tag identical in every exported field (time as an instant) is stored already.
    bool exists(const Target &target, const TagRequest &request)
    {
        const QVariant category = categoryRef(request.correctedCategory).value_or(QVariant());
        m_exists.bindValue(QStringLiteral(":category"), category.isNull() ? QVariant(qint64(0)) : category);
        m_exists.bindValue(QStringLiteral(":takeover"),
                           request.takeoverSeq ? QVariant(*request.takeoverSeq) : QVariant(qint64(-1)));
        m_exists.bindValue(QStringLiteral(":role"), tagRoleName(request.role));
        m_exists.bindValue(QStringLiteral(":row"), target.rowId);
        m_exists.bindValue(QStringLiteral(":reviewer"), request.reviewer);
        m_exists.bindValue(QStringLiteral(":verdict"), verdictName(request.verdict));
        m_exists.bindValue(QStringLiteral(":reason"), request.reason);
        m_exists.bindValue(QStringLiteral(":note"), request.note);
        m_exists.bindValue(QStringLiteral(":at"), request.taggedAtMsecs);
        sql::exec(m_exists);
        const bool found = m_exists.next();
        m_exists.finish();
        return found;
    }

private:
    Database &m_db;
    QSqlQuery m_exists = sql::prepare(
        m_db.sql(),
        QStringLiteral("SELECT 1 FROM tags WHERE conversation_ref = :row"
                       " AND reviewer = :reviewer AND verdict = :verdict"
                       " AND coalesce(reason, '') = coalesce(:reason, '') AND coalesce(note, '') = coalesce(:note, '')"
                       " AND tagged_at = :at AND coalesce(corrected_category_id, 0) = :category"
                       " AND coalesce(takeover_seq, -1) = :takeover AND role = :role"));
    QSqlQuery m_find;
    QSqlQuery m_latest;
    QSqlQuery m_insertTag;
    QSqlQuery m_insertHistory;
    QSqlQuery m_dropDraft;
    QSqlQuery m_findCategory =
        sql::prepare(m_db.sql(), QStringLiteral("SELECT id FROM dimensions WHERE kind = :kind AND folded = :folded"));
    QSqlQuery m_turns =
        sql::prepare(m_db.sql(), QStringLiteral("SELECT count(*) FROM messages WHERE conversation_ref = :row"));
};

qint64 addTagAs(Database &db, const TagRequest &request, std::optional<QString> action)
{
    db.requireWritable(QStringLiteral("Tagging"));
    if (request.reviewer.trimmed().isEmpty())
        throw WorkbenchError(QStringLiteral("A tag needs a reviewer's name."));
    Transaction transaction(db, QStringLiteral("Tagging"));
    TagStatements statements(db);
    const auto target = statements.find(request.conversationId);
    if (!target)
        throw WorkbenchError(QStringLiteral("No conversation \"%1\" in this workspace.").arg(request.conversationId));
    if (!verdictFits(request.verdict, target->escalated))
        throw WorkbenchError(
            QStringLiteral("%1 does not fit conversation \"%2\": it was %3, so its verdict is %4.")
                .arg(verdictName(request.verdict), request.conversationId,
                     target->escalated ? QStringLiteral("escalated") : QStringLiteral("kept by the AI"),
                     validVerdicts(target->escalated)));
    if (const TagProblem problem = statements.problemWith(*target, request); !problem.message.isEmpty())
        throw WorkbenchError(QStringLiteral("Cannot tag \"%1\": %2.").arg(request.conversationId, problem.message));
    const qint64 id = statements.store(*target, request, action);
    transaction.commit();
    return id;
}

} // namespace

QString tagRoleName(TagRole role)
{
    return role == TagRole::Adjudication ? QStringLiteral("adjudication") : QStringLiteral("review");
}

std::optional<TagRole> tagRoleFromName(QStringView name)
{
    if (name == u"review")
        return TagRole::Review;
    if (name == u"adjudication")
        return TagRole::Adjudication;
    return std::nullopt;
}

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
    Transaction transaction(db, QStringLiteral("Tagging"));
    TagStatements statements(db);
    QSqlQuery tag =
        sql::run(db.sql(), QStringLiteral("SELECT conversation_ref, verdict, reason FROM tags WHERE id = :id"),
                 {{":id", tagId}});
    if (!tag.next())
        throw WorkbenchError(QStringLiteral("No tag %1 to undo.").arg(tagId));
    const qint64 rowId = tag.value(0).toLongLong();
    const Latest undone{tag.value(1).toString(), tag.value(2).toString()};
    tag.finish();
    sql::run(db.sql(), QStringLiteral("DELETE FROM tags WHERE id = :id"), {{":id", tagId}});
    statements.history(rowId, reviewer, atMsecs, QStringLiteral("undo"), undone, statements.latest(rowId));
    transaction.commit();
}

std::optional<Verdict> currentVerdict(Database &db, const QString &conversationId)
{
    TagStatements statements(db);
    const auto target = statements.find(conversationId);
    if (!target)
        return std::nullopt;
    return verdictFromName(statements.latest(target->rowId).verdict);
}

qint64 exportTags(Database &db, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw WorkbenchError(
            QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    QByteArray out = QByteArray(kTagsCsvHeader) + '\n';
    QSqlQuery query = sql::run(
        db.sql(), QStringLiteral("SELECT c.conversation_id, t.reviewer, t.verdict, t.reason, t.note, t.tagged_at,"
                                 " d.name, t.takeover_seq, t.role"
                                 " FROM tags t JOIN conversations c ON c.id = t.conversation_ref"
                                 " LEFT JOIN dimensions d ON d.id = t.corrected_category_id"
                                 " ORDER BY t.tagged_at, t.id"));
    qint64 count = 0;
    while (query.next()) {
        for (int column = 0; column < 5; ++column) {
            appendTextCell(out, query.value(column).toString());
            out += ',';
        }
        out += isoTimestamp(query.value(5).toLongLong()).toLatin1();
        out += ',';
        appendTextCell(out, query.value(6).toString());
        out += ',';
        if (!query.value(7).isNull())
            out += QByteArray::number(query.value(7).toLongLong() + 1);
        out += ',';
        out += query.value(8).toString().toLatin1();
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
            QStringLiteral("%1:1: the file is empty (expected %2)").arg(QDir::toNativeSeparators(path), kTagColumns));
    QStringList headers;
    for (qsizetype i = 0; i < reader.fieldCount(); ++i)
        headers << QString::fromUtf8(reader.field(i)).trimmed().toLower();
    QStringList missing;
    for (const char *required : {"conversation_id", "reviewer", "verdict"}) {
        if (!headers.contains(QLatin1String(required)))
            missing << QStringLiteral("\"%1\"").arg(QLatin1String(required));
    }
    if (!missing.isEmpty())
        throw WorkbenchError(QStringLiteral("%1:1: missing required column%2 %3 (expected %4)")
                                 .arg(QDir::toNativeSeparators(path),
                                      missing.size() > 1 ? QStringLiteral("s") : QString(),
                                      missing.join(QStringLiteral(", ")), kTagColumns));
    auto cell = [&](const char *name) {
        const qsizetype index = headers.indexOf(QLatin1String(name));
        return index >= 0 && index < reader.fieldCount() ? fromSpreadsheetSafe(QString::fromUtf8(reader.field(index)))
                                                         : QString();
    };

    TagsImportSummary summary;
    std::vector<ImportIssue> problems;
    const qint64 now = clock.nowUtc().toMSecsSinceEpoch();
    Transaction transaction(db, QStringLiteral("Tagging"));
    TagStatements statements(db);
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
        request.correctedCategory = cell("category").trimmed();
        const QString roleText = cell("role").trimmed();
        const auto role = roleText.isEmpty() ? std::optional<TagRole>(TagRole::Review) : tagRoleFromName(roleText);
        if (!role) {
            problems.push_back(
                {path, line, QStringLiteral("role"),
                 QStringLiteral("%1 is not a role (expected review or adjudication)").arg(quotedValue(roleText))});
            continue;
        }
        request.role = *role;
        const QString turnText = cell("takeover_turn").trimmed();
        if (!turnText.isEmpty()) {
            bool isNumber = false;
            const int turn = turnText.toInt(&isNumber);
            if (!isNumber || turn < 1) {
                problems.push_back({path, line, QStringLiteral("takeover_turn"),
                                    QStringLiteral("%1 is not a turn number (expected a whole number from 1)")
                                        .arg(quotedValue(turnText))});
                continue;
            }
            request.takeoverSeq = turn - 1;
        }
        if (request.reviewer.isEmpty()) {
            problems.push_back(
                {path, line, QStringLiteral("reviewer"), QStringLiteral("is empty (a reviewer's name is required)")});
            continue;
        }
        const auto target = statements.find(request.conversationId);
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
        if (const TagProblem problem = statements.problemWith(*target, request); !problem.message.isEmpty()) {
            problems.push_back({path, line, problem.column, problem.message});
            continue;
        }
        if (!problems.empty())
            continue; // refused already: look for more problems only
        // Rows stored earlier by this import are in the table already, inside the transaction.
        if (statements.exists(*target, request)) {
            ++summary.alreadyStored;
            continue;
        }
        statements.store(*target, request, QStringLiteral("import"));
        ++summary.added;
    }
    if (!problems.empty())
        throw ImportRefused(std::move(problems));
    transaction.commit();
    return summary;
}

} // namespace workbench
