#include "ReviewDrafts.h"

#include "store/Database.h"
#include "store/Sql.h"

namespace workbench {
namespace {

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

const QString kConversationRow = QStringLiteral("(SELECT id FROM conversations WHERE conversation_id = :id)");

/// The reviewer as stored: a window without a name yet keeps its drafts under '' (a null QString would bind NULL).
QString reviewerKey(const QString &reviewer)
{
    return reviewer.isNull() ? QStringLiteral("") : reviewer;
}

} // namespace

void saveReviewDraft(Database &db, const QString &conversationId, const QString &reviewer, const ReviewDraft &draft,
                     qint64 atMsecs)
{
    db.requireWritable(QStringLiteral("Saving a draft"));
    if (draft.isEmpty()) {
        discardReviewDraft(db, conversationId, reviewer);
        return;
    }
    sql::run(db.sql(),
             QStringLiteral("INSERT INTO review_drafts (conversation_ref, reviewer, reason_verdict, reason, note,"
                            " corrected_category, takeover_seq, updated_at)"
                            " SELECT c.id, :reviewer, :verdict, :reason, :note, :category, :takeover, :at"
                            " FROM conversations c WHERE c.conversation_id = :id"
                            " ON CONFLICT (conversation_ref, reviewer) DO UPDATE SET"
                            " reason_verdict = excluded.reason_verdict, reason = excluded.reason,"
                            " note = excluded.note, corrected_category = excluded.corrected_category,"
                            " takeover_seq = excluded.takeover_seq, updated_at = excluded.updated_at"),
             {{":reviewer", reviewerKey(reviewer)},
              {":verdict", draft.reasonVerdict ? QVariant(verdictName(*draft.reasonVerdict)) : QVariant()},
              {":reason", textOrNull(draft.reason)},
              {":note", textOrNull(draft.note)},
              {":category", textOrNull(draft.correctedCategory)},
              {":takeover", draft.takeoverSeq ? QVariant(*draft.takeoverSeq) : QVariant()},
              {":at", atMsecs},
              {":id", conversationId}});
}

std::optional<ReviewDraft> loadReviewDraft(Database &db, const QString &conversationId, const QString &reviewer)
{
    QSqlQuery query =
        sql::run(db.sql(),
                 QStringLiteral("SELECT reason_verdict, reason, note, corrected_category, takeover_seq"
                                " FROM review_drafts WHERE reviewer = :reviewer AND conversation_ref = ") +
                     kConversationRow,
                 {{":reviewer", reviewerKey(reviewer)}, {":id", conversationId}});
    if (!query.next())
        return std::nullopt;
    ReviewDraft draft;
    draft.reasonVerdict = verdictFromName(query.value(0).toString());
    draft.reason = query.value(1).toString();
    draft.note = query.value(2).toString();
    draft.correctedCategory = query.value(3).toString();
    if (!query.value(4).isNull())
        draft.takeoverSeq = query.value(4).toInt();
    return draft;
}

void discardReviewDraft(Database &db, const QString &conversationId, const QString &reviewer)
{
    db.requireWritable(QStringLiteral("Discarding a draft"));
    sql::run(db.sql(),
             QStringLiteral("DELETE FROM review_drafts WHERE reviewer = :reviewer AND conversation_ref = ") +
                 kConversationRow,
             {{":reviewer", reviewerKey(reviewer)}, {":id", conversationId}});
}

} // namespace workbench
