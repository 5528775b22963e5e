#pragma once

#include "Verdict.h"
#include "import/ImportTypes.h"

#include <QString>

#include <optional>

namespace workbench {

class Clock;
class Database;

/// Who a tag speaks for (METRICS.md, several reviewers): a review, or a lead's adjudication of a disagreement,
/// which becomes the conversation's verdict.
enum class TagRole { Review, Adjudication };
QString tagRoleName(TagRole role);
std::optional<TagRole> tagRoleFromName(QStringView name);

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
    TagRole role = TagRole::Review;
};

/// Stores one tag and its history row (who, when, from which verdict to which), committed at once so that
/// a finished tag survives a kill of the process; the reviewer's draft of the conversation goes with it. Throws
/// WorkbenchError for an unknown conversation, a verdict that does not fit it (e.g. missed_escalation on an escalated
/// one) or an empty reviewer; nothing is stored then.
qint64 addTag(Database &db, const TagRequest &request);

/// Undoes tag `tagId` (the reviewer's last action): the tag is removed and the history keeps an "undo" row
/// from its verdict to the verdict that stands again. Throws WorkbenchError for an unknown tag.
void undoTag(Database &db, qint64 tagId, const QString &reviewer, qint64 atMsecs);
/// Sets an undone tag again, recorded as "redo"; returns the new tag's id.
qint64 redoTag(Database &db, const TagRequest &request);

/// The conversation's verdict: its latest tag (a tie goes to the tag stored last); nullopt when untagged.
std::optional<Verdict> currentVerdict(Database &db, const QString &conversationId);

/// The columns of a tags export (CLI.md, additions); an import also reads the first six alone.
inline constexpr const char *kTagsCsvHeader =
    "conversation_id,reviewer,verdict,reason,note,tagged_at,category,takeover_turn,role";

/// Writes every tag as CSV (kTagsCsvHeader; tagged_at in UTC ISO-8601, the take-over turn numbered from 1 as the
/// transcript shows it), in the order they were made, each cell safe to open in a spreadsheet. Returns the count.
qint64 exportTags(Database &db, const QString &path);

struct TagsImportSummary {
    qint64 added = 0;
    qint64 alreadyStored = 0; ///< identical in every field to a stored tag or an earlier row: stored once
};

/// Imports tags from CSV (the export's columns, or its first six), all or nothing: keeps tagged_at (now when empty),
/// stores a tag identical in every field (time as an instant) to a stored or earlier one only once. Throws
/// ImportRefused listing each bad row (file:line, column, value, what was expected).
TagsImportSummary importTags(Database &db, const QString &path, const Clock &clock);

} // namespace workbench
