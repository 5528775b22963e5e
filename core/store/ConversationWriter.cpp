#include "ConversationWriter.h"

#include "common/WorkbenchError.h"

#include "ConversationColumns.h"
#include "Database.h"
#include "DerivedFacts.h"
#include "Statement.h"

#include <sqlite3.h>

#include <array>

namespace workbench {
namespace {

// Parameter order shared by the insert and the update; ?1 is the conversation id.
// A stored id makes the insert a no-op (one probe of the id index instead of a look-up and an insert).
constexpr const char *kInsert =
    "INSERT INTO conversations (conversation_id, created_at, escalated, category_id, channel_id, team_id,"
    " agent_id, customer_id, escalated_at, ai_confidence, csat, first_contact_resolution, handle_time_seconds,"
    " sentiment, transcript, escalation_reason, handoff_seq, signals)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"
    " ON CONFLICT (conversation_id) DO NOTHING";
// An update of the given fields only: a column the source lacks keeps its stored value (DATA.md section 3).
// Parameters as in kInsert (the order of kFieldColumns); ?19 is the row id.
QByteArray updateStatement(FieldSet fields)
{
    QByteArray statement = "UPDATE conversations SET ";
    bool first = true;
    int parameter = 1;
    for (const FieldColumns &field : kFieldColumns) {
        for (const char *column : field.columns) {
            if (!column)
                continue;
            ++parameter;
            if (!(fields & fieldBit(field.field)))
                continue;
            statement += first ? "" : ", ";
            statement += QByteArray(column) + " = ?" + QByteArray::number(parameter);
            first = false;
        }
    }
    if (first)
        statement += "conversation_id = ?1"; // nothing but the id: a no-op update
    statement += " WHERE id = ?19";
    return statement;
}

std::optional<qint64> optionalInt(const std::optional<int> &value)
{
    return value ? std::optional<qint64>(*value) : std::nullopt;
}

std::optional<qint64> optionalBool(const std::optional<bool> &value)
{
    return value ? std::optional<qint64>(*value ? 1 : 0) : std::nullopt;
}

} // namespace

ConversationWriter::ConversationWriter(Database &db) : m_db(db), m_dimensions(db)
{
    // Rows are written to a file: a workspace file, or an import's staging file. A team workspace receives them
    // by `workspace copy` (COPY on the server); an import straight into it is not there yet.
    if (db.kind() != StoreKind::SqliteFile)
        throw WorkbenchError(QStringLiteral("Writing conversations straight into %1 is not possible in this version: "
                                            "import into a workspace file and copy it to the server with "
                                            "`escalation-workbench workspace copy FILE %1`.")
                                 .arg(db.path()));
    m_findId = std::make_unique<Statement>(db, "SELECT id FROM conversations WHERE conversation_id = ?1");
    m_insert = std::make_unique<Statement>(db, kInsert);
    m_deleteMessages = std::make_unique<Statement>(db, "DELETE FROM messages WHERE conversation_ref = ?1");
    m_insertMessage = std::make_unique<Statement>(
        db,
        "INSERT INTO messages (conversation_ref, seq, role, author, text, sent_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    QByteArray several = "INSERT INTO messages (conversation_ref, seq, role, author, text, sent_at) VALUES ";
    for (int row = 0; row < kTurnsPerStatement; ++row) {
        const int first = row * 6;
        several += (row ? ", (?" : "(?") + QByteArray::number(first + 1);
        for (int column = 2; column <= 6; ++column)
            several += ", ?" + QByteArray::number(first + column);
        several += ')';
    }
    m_insertMessages = std::make_unique<Statement>(db, several.constData());
}

ConversationWriter::~ConversationWriter() = default;

void ConversationWriter::bindColumns(Statement &statement, const Conversation &conversation, bool inserting,
                                     const MessageFacts *precomputed)
{
    const FieldSet present = inserting ? kAllFields : conversation.presentFields;
    const QString category = storedCategory(conversation.category);
    const MessageFacts facts = !(present & fieldBit(Field::Messages)) ? MessageFacts{}
                               : precomputed                          ? *precomputed
                                             : analyzeMessages(conversation.messages, conversation.handoffSeq);
    statement.bind(1, conversation.conversationId);
    statement.bind(2, conversation.createdAtMsecs);
    statement.bind(3, qint64(conversation.escalated ? 1 : 0));
    if (present & fieldBit(Field::Category))
        statement.bind(4, m_dimensions.resolve(DimensionKind::Category, category));
    statement.bind(5, m_dimensions.resolve(DimensionKind::Channel, conversation.channel));
    statement.bind(6, m_dimensions.resolve(DimensionKind::Team, conversation.team));
    statement.bind(7, m_dimensions.resolve(DimensionKind::Agent, conversation.agent));
    statement.bind(8, conversation.customerId.trimmed());
    statement.bind(9, conversation.escalatedAtMsecs);
    statement.bind(10, conversation.aiConfidence);
    statement.bind(11, optionalInt(conversation.csat));
    statement.bind(12, optionalBool(conversation.firstContactResolution));
    statement.bind(13, conversation.handleTimeSeconds);
    statement.bind(14, conversation.sentiment);
    // With messages, the transcript is derived from them on read; storing it twice would double the file.
    statement.bind(15, conversation.messages.empty() ? conversation.transcript : QString());
    statement.bind(16, conversation.escalationReason);
    statement.bind(17, optionalInt(facts.handoffSeq));
    statement.bind(18, qint64(facts.signals));
}

ConversationWriter::Outcome ConversationWriter::write(const Conversation &conversation, const MessageFacts *facts)
{
    bindColumns(*m_insert, conversation, true, facts);
    m_insert->step();
    m_insert->reset();
    if (sqlite3_changes(m_db.handle()) > 0) {
        m_lastRowId = sqlite3_last_insert_rowid(m_db.handle());
        ++m_inserted;
        writeMessages(m_lastRowId, conversation.messages);
        return Outcome::Inserted;
    }

    // The id is stored already: update the fields the source has, in place.
    m_findId->bind(1, conversation.conversationId, false);
    m_findId->step();
    m_lastRowId = m_findId->columnInt64(0);
    m_findId->reset();
    FieldSet fields = conversation.presentFields;
    if ((fields & fieldBit(Field::Messages)) && !conversation.messages.empty())
        fields |= fieldBit(Field::Transcript); // derived from the messages from now on
    auto &update = m_updates[fields];
    if (!update)
        update = std::make_unique<Statement>(m_db, updateStatement(fields).constData());
    bindColumns(*update, conversation, false, facts);
    update->bind(19, m_lastRowId);
    update->step();
    update->reset();
    ++m_updated;
    if (conversation.presentFields & fieldBit(Field::Messages)) {
        m_deleteMessages->bind(1, m_lastRowId);
        m_deleteMessages->step();
        m_deleteMessages->reset();
        writeMessages(m_lastRowId, conversation.messages);
    }
    return Outcome::Updated;
}

void ConversationWriter::writeMessages(qint64 rowId, const std::vector<Message> &messages)
{
    // Eight turns per statement where there are eight: a transcript costs a few statements, not one per turn.
    size_t seq = 0;
    auto bindTurn = [&](Statement &statement, int row, size_t at) {
        const Message &message = messages[at];
        const int first = row * 6;
        statement.bind(first + 1, rowId);
        statement.bind(first + 2, qint64(at));
        statement.bindLatin1(first + 3, roleNameLatin1(message.role));
        statement.bind(first + 4, message.author);
        statement.bind(first + 5, message.text, false);
        statement.bind(first + 6, message.sentAtMsecs);
    };
    for (; seq + kTurnsPerStatement <= messages.size(); seq += kTurnsPerStatement) {
        for (int row = 0; row < kTurnsPerStatement; ++row)
            bindTurn(*m_insertMessages, row, seq + size_t(row));
        m_insertMessages->step();
        m_insertMessages->reset();
    }
    for (; seq < messages.size(); ++seq) {
        bindTurn(*m_insertMessage, 0, seq);
        m_insertMessage->step();
        m_insertMessage->reset();
    }
}

} // namespace workbench
