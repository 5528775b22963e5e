#pragma once

#include "model/Conversation.h"

#include <QString>

#include <optional>
#include <vector>

namespace workbench {

class Database;

/// One tag of a conversation as the Review page lists it.
struct TagRecord {
    qint64 id = 0;
    QString reviewer;
    QString verdict;
    QString reason;
    QString note;
    qint64 taggedAtMsecs = 0;
    std::optional<int> takeoverSeq;
    QString correctedCategory; ///< the category the reviewer says it belongs to; empty: unchanged
    QString role;              ///< "review" or "adjudication"
};

/// Everything the Review page shows of one conversation: its facts, signals, transcript and tags.
struct ConversationDetails {
    qint64 rowId = 0;
    Conversation conversation; ///< with its messages (or the transcript of a source without turns)
    std::optional<int> handoffSeq;
    int signalMask = 0; ///< Signal bits read at import
    bool hasFollowup = false;
    std::vector<TagRecord> tags; ///< oldest first; the last is the verdict
};

/// Loads one conversation by its id (nullopt when there is none): two indexed queries.
std::optional<ConversationDetails> loadConversation(Database &db, const QString &conversationId);

} // namespace workbench
