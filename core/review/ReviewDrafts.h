#pragma once

#include "Verdict.h"

#include <QString>

#include <optional>

namespace workbench {

class Database;

/// What a reviewer has prepared for the next tag of one conversation and not committed yet.
struct ReviewDraft {
    std::optional<Verdict> reasonVerdict; ///< the verdict the chosen reason belongs to
    QString reason;
    QString note;
    QString correctedCategory; ///< empty: as imported
    std::optional<int> takeoverSeq;

    bool isEmpty() const
    {
        return !reasonVerdict && reason.isEmpty() && note.isEmpty() && correctedCategory.isEmpty() && !takeoverSeq;
    }
    friend bool operator==(const ReviewDraft &, const ReviewDraft &) = default;
};

/// Keeps `draft` for (conversation, reviewer), committed at once (a killed program keeps it); an empty draft
/// removes the stored one. Unknown conversations are ignored: there is nothing to keep a draft for.
void saveReviewDraft(Database &db, const QString &conversationId, const QString &reviewer, const ReviewDraft &draft,
                     qint64 atMsecs);
/// The reviewer's stored draft of a conversation, if any.
std::optional<ReviewDraft> loadReviewDraft(Database &db, const QString &conversationId, const QString &reviewer);
/// Drops the draft (discarded, or committed as a tag).
void discardReviewDraft(Database &db, const QString &conversationId, const QString &reviewer);

} // namespace workbench
