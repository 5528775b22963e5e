#pragma once

#include "DerivedFacts.h"
#include "DimensionCache.h"
#include "model/Conversation.h"

#include <map>
#include <memory>

namespace workbench {

class Database;
class Statement;

/// Writes conversations and their messages with prepared statements, inside the caller's transaction.
/// A conversation id already stored is updated in place (its row id, and so its tags, are kept); only the
/// fields the conversation has (`presentFields`) are written, so a column a file lacks keeps its value.
class ConversationWriter {
public:
    explicit ConversationWriter(Database &db);
    ~ConversationWriter();

    enum class Outcome { Inserted, Updated };
    /// Writes one conversation; `facts` are its messages' facts when the caller worked them out already.
    Outcome write(const Conversation &conversation, const MessageFacts *facts = nullptr);

    /// The row id of the conversation written last.
    qint64 lastRowId() const { return m_lastRowId; }
    qint64 insertedCount() const { return m_inserted; }
    qint64 updatedCount() const { return m_updated; }

private:
    void bindColumns(Statement &statement, const Conversation &conversation, bool inserting, const MessageFacts *facts);
    void writeMessages(qint64 rowId, const std::vector<Message> &messages);

    Database &m_db;
    DimensionCache m_dimensions;
    std::unique_ptr<Statement> m_findId;
    std::unique_ptr<Statement> m_insert;
    std::map<FieldSet, std::unique_ptr<Statement>> m_updates;
    std::unique_ptr<Statement> m_deleteMessages;
    std::unique_ptr<Statement> m_insertMessage;
    std::unique_ptr<Statement> m_insertMessages; ///< kTurnsPerStatement turns at once
    static constexpr int kTurnsPerStatement = 8;
    qint64 m_lastRowId = 0;
    qint64 m_inserted = 0;
    qint64 m_updated = 0;
};

} // namespace workbench
