#include "ConversationDetails.h"

#include "store/Database.h"
#include "store/Statement.h"

namespace workbench {

std::optional<ConversationDetails> loadConversation(Database &db, const QString &conversationId)
{
    Statement facts(
        db, "SELECT c.id, c.created_at, c.escalated, cat.name, ch.name, t.name, a.name, c.customer_id, c.escalated_at,"
            " c.ai_confidence, c.csat, c.first_contact_resolution, c.handle_time_seconds, c.sentiment, c.transcript,"
            " c.escalation_reason, c.handoff_seq, c.signals, c.has_followup"
            " FROM conversations c JOIN dimensions cat ON cat.id = c.category_id"
            " LEFT JOIN dimensions ch ON ch.id = c.channel_id LEFT JOIN dimensions t ON t.id = c.team_id"
            " LEFT JOIN dimensions a ON a.id = c.agent_id WHERE c.conversation_id = ?1");
    facts.bind(1, conversationId, false);
    if (!facts.step())
        return std::nullopt;
    ConversationDetails details;
    details.rowId = facts.columnInt64(0);
    Conversation &c = details.conversation;
    c.conversationId = conversationId;
    c.createdAtMsecs = facts.columnInt64(1);
    c.escalated = facts.columnInt64(2) != 0;
    c.category = facts.columnText(3);
    c.channel = facts.columnText(4);
    c.team = facts.columnText(5);
    c.agent = facts.columnText(6);
    c.customerId = facts.columnText(7);
    auto optionalInt = [&](int column) {
        return facts.columnIsNull(column) ? std::nullopt : std::optional<qint64>(facts.columnInt64(column));
    };
    auto optionalReal = [&](int column) {
        return facts.columnIsNull(column) ? std::nullopt : std::optional<double>(facts.columnDouble(column));
    };
    c.escalatedAtMsecs = optionalInt(8);
    c.aiConfidence = optionalReal(9);
    if (const auto csat = optionalInt(10))
        c.csat = int(*csat);
    if (const auto fcr = optionalInt(11))
        c.firstContactResolution = *fcr != 0;
    c.handleTimeSeconds = optionalReal(12);
    c.sentiment = optionalReal(13);
    c.transcript = facts.columnText(14);
    c.escalationReason = facts.columnText(15);
    if (const auto handoff = optionalInt(16))
        details.handoffSeq = int(*handoff);
    details.signalMask = int(facts.columnInt64(17));
    details.hasFollowup = facts.columnInt64(18) != 0;

    Statement messages(db, "SELECT role, author, text, sent_at FROM messages WHERE conversation_ref = ?1 ORDER BY seq");
    messages.bind(1, details.rowId);
    while (messages.step())
        c.messages.push_back({roleFromName(messages.columnText(0)).value_or(Role::System), messages.columnText(2),
                              messages.columnIsNull(3) ? std::nullopt : std::optional<qint64>(messages.columnInt64(3)),
                              messages.columnText(1)});

    Statement tags(db,
                   "SELECT t.id, t.reviewer, t.verdict, t.reason, t.note, t.tagged_at, t.takeover_seq, d.name, t.role"
                   " FROM tags t LEFT JOIN dimensions d ON d.id = t.corrected_category_id"
                   " WHERE t.conversation_ref = ?1 ORDER BY t.tagged_at, t.id");
    tags.bind(1, details.rowId);
    while (tags.step())
        details.tags.push_back({tags.columnInt64(0), tags.columnText(1), tags.columnText(2), tags.columnText(3),
                                tags.columnText(4), tags.columnInt64(5),
                                tags.columnIsNull(6) ? std::nullopt : std::optional<int>(int(tags.columnInt64(6))),
                                tags.columnText(7), tags.columnText(8)});
    return details;
}

} // namespace workbench
