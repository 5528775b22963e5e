#pragma once

#include "Verdict.h"
#include "import/ImportTypes.h"

#include <QString>

#include <optional>

namespace workbench {

class Clock;
class Database;

struct TagRequest {
    QString conversationId;
    QString reviewer;
    Verdict verdict = Verdict::CorrectEscalation;
    QString reason;
    QString note;
    qint64 taggedAtMsecs = 0;
    /// For a missed escalation: the turn where a person should have taken over.
    std::optional<int> takeoverSeq;
    /// The category the reviewer says the conversation belongs to (empty: unchanged).
    QString correctedCategory;
};

/// Stores one tag and its history row (who, when, from which verdict to which), committed at once so that
/// a finished tag survives a kill of the process. Throws WorkbenchError for an unknown conversation, a verdict
/// that does not fit it (e.g. missed_escalation on an escalated one) or an empty reviewer; nothing is stored then.
qint64 addTag(Database &db, const TagRequest &request);

/// Undoes tag `tagId` (the reviewer's last action): the tag is removed and the history keeps an "undo" row
/// from its verdict to the verdict that stands again. Throws WorkbenchError for an unknown tag.
void undoTag(Database &db, qint64 tagId, const QString &reviewer, qint64 atMsecs);
/// Sets an undone tag again, recorded as "redo"; returns the new tag's id.
qint64 redoTag(Database &db, const TagRequest &request);

/// The conversation's verdict: its latest tag (a tie goes to the tag stored last); nullopt when untagged.
std::optional<Verdict> currentVerdict(Database &db, const QString &conversationId);

/// Writes every tag as CSV: conversation_id,reviewer,verdict,reason,note,tagged_at (UTC ISO-8601), in the
/// order they were made. Returns the number written.
qint64 exportTags(Database &db, const QString &path);

struct TagsImportSummary {
    qint64 added = 0;
    qint64 alreadyStored = 0; ///< identical in all six fields to a stored tag or an earlier row: stored once
};

/// Imports tags from CSV (the export's columns), all or nothing: keeps tagged_at (now when empty), stores a tag
/// identical in all six fields (time as an instant) to a stored or earlier one only once. Throws ImportRefused
/// listing each bad row (file:line, column, value, what was expected).
TagsImportSummary importTags(Database &db, const QString &path, const Clock &clock);

} // namespace workbench
