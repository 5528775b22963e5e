#pragma once

#include "ConversationSource.h"
#include "JsonRecordFile.h"
#include "ReaderOptions.h"

#include <QHash>

#include <vector>

namespace workbench {

/// Zendesk tickets JSON (DATA.md section 2, item 4): the account export (one ticket per line), an API page
/// {"tickets": [...]} or an array; comments embedded (`comments`) or in a separate file. The requester is the
/// customer, the AI's author ids come from the options, every other author is a human agent: a public
/// comment by one means the ticket was escalated.
class ZendeskSource final : public ConversationSource {
public:
    ZendeskSource(const QString &path, const ReaderOptions &options);

    bool next(SourceRecord &record) override;
    qint64 bytesConsumed() const override { return m_file.bytesConsumed(); }
    QStringList notes() const override { return m_notes; }

private:
    QString m_path;
    ReaderOptions m_options;
    JsonRecordFile m_file;
    std::unique_ptr<JsonRecordFile> m_commentsFile;
    QHash<QString, std::vector<simdjson::dom::element>> m_comments; // by ticket id, from the comments file
    QStringList m_notes;
};

/// Intercom conversations JSON: an API page {"conversations": [...]}, one conversation per line, or a single
/// conversation. `ai_agent.resolution_state` decides escalated (routed_to_team) or contained; without it, a
/// reply by a human teammate means escalated. Part bodies are HTML and are imported as plain text.
class IntercomSource final : public ConversationSource {
public:
    IntercomSource(const QString &path, const ReaderOptions &options);

    bool next(SourceRecord &record) override;
    qint64 bytesConsumed() const override { return m_file.bytesConsumed(); }
    QStringList notes() const override { return m_notes; }

private:
    QString m_path;
    ReaderOptions m_options;
    JsonRecordFile m_file;
    QStringList m_notes;
    bool m_notedInference = false;
};

/// A Zendesk comment, from the JSON export or the comment table.
struct ZendeskComment {
    QString author; ///< as the transcript names it
    bool byCustomer = false;
    bool byAi = false;
    bool isPublic = true;
    QString body;
    std::optional<qint64> sentAt;
};

/// Adds a ticket's comments as turns: the customer's, the AI's, a person's (the first public one escalates the
/// ticket) or an internal note. Without comments, a human assignee means the ticket went to a person.
void addZendeskComments(Conversation &conversation, const std::vector<ZendeskComment> &comments);

/// The fields a help-desk reader gives (a column the export lacks clears nothing it does not name).
FieldSet helpDeskFields();

/// The category of a ticket or conversation by ReaderOptions::categoryFrom, from its tags (names) and custom
/// fields (name -> value).
QString categoryFromTags(const ReaderOptions &options, const QStringList &tags, const QHash<QString, QString> &fields);

} // namespace workbench
