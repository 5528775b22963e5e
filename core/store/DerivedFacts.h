#pragma once

#include "model/Conversation.h"

#include <QtGlobal>

#include <optional>
#include <vector>

namespace workbench {

class Database;

/// Review signals read from a transcript once, at write time, so that badges and targeted samples stay cheap.
enum class Signal : int {
    AskedForPerson = 1 << 0,   ///< the customer asked for a human
    RepeatedQuestion = 1 << 1, ///< the customer asked the same thing twice
};

struct MessageFacts {
    /// Index of the first human-agent turn: where the hand-off took effect; nullopt without one.
    std::optional<int> handoffSeq;
    /// Bitwise OR of Signal values.
    int signals = 0;
};

/// True when a customer's message asks for a person (the "asked for a person" signal).
bool asksForPerson(const QString &text);

/// Reads the signals and the hand-off turn from a conversation's messages; `markedHandoff` is the turn the
/// source marked as the hand-off, if any (else the first human-agent turn).
MessageFacts analyzeMessages(const std::vector<Message> &messages, std::optional<int> markedHandoff = std::nullopt);

/// Recomputes `has_followup` (METRICS.md "Follow-ups": same customer, same category, next contact
/// within (0, 48 h]) for every conversation of the workspace; writes only the rows that change.
/// Call inside the transaction that changed the conversations.
void recomputeFollowups(Database &db);

/// Re-reads the messages of the given conversations and stores their hand-off turn and signals (after a
/// messages file replaced them); their transcript column is cleared, as it derives from the messages now.
void recomputeMessageFacts(Database &db, const std::vector<qint64> &conversationRowIds);

/// 48 hours in milliseconds: the follow-up window.
constexpr qint64 kFollowupWindowMsecs = 48LL * 3600 * 1000;

} // namespace workbench
