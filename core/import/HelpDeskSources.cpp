#include "HelpDeskSources.h"

#include "FieldValues.h"
#include "JsonSupport.h"
#include "ValueParsers.h"
#include "common/WorkbenchError.h"

#include <QDir>

namespace workbench {
namespace {

std::optional<qint64> timeOf(simdjson::dom::element element, const QString &path)
{
    const auto value = json::at(element, path);
    if (!value)
        return std::nullopt;
    qint64 msecs = 0;
    double seconds = 0;
    if (value->type() == simdjson::dom::element_type::STRING) {
        if (values::parseTimestamp(json::text(*value).toUtf8(), msecs))
            return msecs;
    } else if (!value->get_double().get(seconds) && values::timestampFromEpochNumber(seconds, msecs)) {
        return msecs;
    }
    return std::nullopt;
}

QStringList tagNames(simdjson::dom::element tags)
{
    QStringList names;
    simdjson::dom::array list;
    if (tags.get_array().get(list))
        return names;
    for (simdjson::dom::element tag : list)
        names << (tag.type() == simdjson::dom::element_type::OBJECT ? json::textAt(tag, QStringLiteral("name"))
                                                                    : json::text(tag));
    return names;
}

// The common start of a help-desk record: the next object of the file, its id and creation time. False when
// the record is done already (the end of the file, or a problem recorded in `record.issues`); `object` is
// the record's JSON otherwise.
enum class Start { End, Problem, Ready };
Start startRecord(JsonRecordFile &file, const QString &path, SourceRecord &record, simdjson::dom::element &object,
                  const QString &what)
{
    QString problem;
    if (!file.next(object, record.line, problem))
        return Start::End;
    record.conversation = emptyConversation();
    record.issues.clear();
    record.facts = {};
    if (!problem.isEmpty()) {
        record.issues.push_back({path, record.line, QString(), problem});
        return Start::Problem;
    }
    Conversation &c = record.conversation;
    c.presentFields = helpDeskFields();
    c.conversationId = json::textAt(object, QStringLiteral("id"));
    if (c.conversationId.isEmpty()) {
        record.issues.push_back(
            {path, record.line, QStringLiteral("id"), QStringLiteral("is missing (expected the %1 id)").arg(what)});
        return Start::Problem;
    }
    const auto created = timeOf(object, QStringLiteral("created_at"));
    if (!created) {
        record.issues.push_back(
            {path, record.line, QStringLiteral("created_at"),
             QStringLiteral("%1 is not a timestamp (%2)")
                 .arg(quotedValue(json::textAt(object, QStringLiteral("created_at"))), values::expectedTimestamp())});
        return Start::Problem;
    }
    c.createdAtMsecs = *created;
    return Start::Ready;
}

} // namespace

FieldSet helpDeskFields()
{
    return fieldBit(Field::ConversationId) | fieldBit(Field::CreatedAt) | fieldBit(Field::Escalated) |
           fieldBit(Field::Category) | fieldBit(Field::Channel) | fieldBit(Field::Team) | fieldBit(Field::Agent) |
           fieldBit(Field::CustomerId) | fieldBit(Field::EscalatedAt) | fieldBit(Field::Csat) |
           fieldBit(Field::Messages);
}

void addZendeskComments(Conversation &c, const std::vector<ZendeskComment> &comments)
{
    for (const ZendeskComment &comment : comments) {
        Role role = Role::Agent;
        QString body = comment.body;
        if (comment.byCustomer) {
            role = Role::Customer;
        } else if (comment.byAi) {
            role = Role::Ai;
        } else if (!comment.isPublic) {
            role = Role::System;
            body = QStringLiteral("Internal note: ") + body;
        }
        if (role == Role::Agent && !c.escalated) {
            c.escalated = true; // a person answered the customer
            c.escalatedAtMsecs = comment.sentAt;
        }
        c.messages.push_back({role, body, comment.sentAt, comment.author});
    }
    if (comments.empty())
        c.escalated = !c.agent.isEmpty(); // no transcript: a ticket with a human assignee went to a person
}

QString categoryFromTags(const ReaderOptions &options, const QStringList &tags, const QHash<QString, QString> &fields)
{
    const QString from = options.categoryFrom.trimmed();
    if (from.startsWith(QLatin1String("field:")))
        return fields.value(from.mid(6).trimmed());
    if (from.startsWith(QLatin1String("tag-prefix:"))) {
        const QString prefix = from.mid(11).trimmed();
        for (const QString &tag : tags) {
            if (tag.startsWith(prefix, Qt::CaseInsensitive))
                return tag.mid(prefix.size()).replace(QLatin1Char('_'), QLatin1Char(' ')).trimmed();
        }
        return {};
    }
    return tags.value(0);
}

// ---- Zendesk ----

ZendeskSource::ZendeskSource(const QString &path, const ReaderOptions &options)
    : m_path(path), m_options(options),
      m_file(path, {QStringLiteral("tickets"), QStringLiteral("results")},
             QStringLiteral("Zendesk tickets: {\"tickets\": [...]}, an array or one ticket per line"))
{
    if (!options.commentsFile.isEmpty()) {
        m_commentsFile = std::make_unique<JsonRecordFile>(options.commentsFile, QStringList{QStringLiteral("comments")},
                                                          QStringLiteral("Zendesk comments with ticket_id"));
        simdjson::dom::element comment;
        qint64 line = 0;
        QString problem;
        while (m_commentsFile->next(comment, line, problem)) {
            const QString ticket = json::textAt(comment, QStringLiteral("ticket_id"));
            if (!problem.isEmpty() || ticket.isEmpty())
                throw WorkbenchError(
                    QStringLiteral("%1:%2: %3")
                        .arg(QDir::toNativeSeparators(options.commentsFile))
                        .arg(line)
                        .arg(problem.isEmpty()
                                 ? QStringLiteral(
                                       "a comment without ticket_id (expected each comment to name its ticket)")
                                 : problem));
            m_comments[ticket].push_back(comment);
        }
    }
}

bool ZendeskSource::next(SourceRecord &record)
{
    simdjson::dom::element ticket;
    if (const Start start = startRecord(m_file, m_path, record, ticket, QStringLiteral("ticket"));
        start != Start::Ready)
        return start == Start::Problem; // a problem is a record (to report); the end is not
    Conversation &c = record.conversation;
    c.channel = json::textAt(ticket, QStringLiteral("via.channel"));
    c.team = json::textAt(ticket, QStringLiteral("group_id"));
    c.agent = json::textAt(ticket, QStringLiteral("assignee_id"));
    const QString requester = json::textAt(ticket, QStringLiteral("requester_id"));
    c.customerId = requester;
    QHash<QString, QString> fields;
    simdjson::dom::array customFields;
    if (!ticket["custom_fields"].get_array().get(customFields)) {
        for (simdjson::dom::element field : customFields)
            fields.insert(json::textAt(field, QStringLiteral("id")), json::textAt(field, QStringLiteral("value")));
    }
    const auto tags = json::at(ticket, QStringLiteral("tags"));
    c.category = categoryFromTags(m_options, tags ? tagNames(*tags) : QStringList(), fields);
    const QString score = json::textAt(ticket, QStringLiteral("satisfaction_rating.score"));
    if (score == QLatin1String("good"))
        c.csat = 5;
    else if (score == QLatin1String("bad"))
        c.csat = 1;

    std::vector<simdjson::dom::element> comments;
    simdjson::dom::array embedded;
    if (!ticket["comments"].get_array().get(embedded)) {
        for (simdjson::dom::element comment : embedded)
            comments.push_back(comment);
    } else {
        comments = m_comments.value(c.conversationId);
    }
    std::vector<ZendeskComment> turns;
    for (simdjson::dom::element comment : comments) {
        const QString author = json::textAt(comment, QStringLiteral("author_id"));
        QString body = json::textAt(comment, QStringLiteral("plain_body"));
        if (body.isEmpty())
            body = json::textAt(comment, QStringLiteral("body"));
        if (body.isEmpty())
            body = json::htmlToText(json::textAt(comment, QStringLiteral("html_body")));
        turns.push_back({author, author == requester, m_options.aiAuthorIds.contains(author),
                         json::textAt(comment, QStringLiteral("public")) != QLatin1String("false"), body,
                         timeOf(comment, QStringLiteral("created_at"))});
    }
    addZendeskComments(c, turns);
    return true;
}

// ---- Intercom ----

IntercomSource::IntercomSource(const QString &path, const ReaderOptions &options)
    : m_path(path), m_options(options),
      m_file(path, {QStringLiteral("conversations"), QStringLiteral("data")},
             QStringLiteral("Intercom conversations: {\"conversations\": [...]}, one per line, or one conversation"))
{}

bool IntercomSource::next(SourceRecord &record)
{
    simdjson::dom::element conversation;
    if (const Start start = startRecord(m_file, m_path, record, conversation, QStringLiteral("conversation"));
        start != Start::Ready)
        return start == Start::Problem; // a problem is a record (to report); the end is not
    Conversation &c = record.conversation;
    c.channel = json::textAt(conversation, QStringLiteral("source.type"));
    c.team = json::textAt(conversation, QStringLiteral("team_assignee_id"));
    c.agent = json::textAt(conversation, QStringLiteral("admin_assignee_id"));
    c.customerId = json::textAt(conversation, QStringLiteral("contacts.contacts.0.external_id"));
    if (c.customerId.isEmpty())
        c.customerId = json::textAt(conversation, QStringLiteral("contacts.contacts.0.id"));
    QHash<QString, QString> attributes;
    simdjson::dom::object custom;
    if (!conversation["custom_attributes"].get_object().get(custom)) {
        for (const auto field : custom)
            attributes.insert(QString::fromUtf8(field.key.data(), qsizetype(field.key.size())),
                              json::text(field.value));
    }
    const auto tags = json::at(conversation, QStringLiteral("tags.tags"));
    c.category = categoryFromTags(m_options, tags ? tagNames(*tags) : QStringList(), attributes);
    const QString rating = json::textAt(conversation, QStringLiteral("conversation_rating.rating"));
    if (!rating.isEmpty()) {
        bool ok = false;
        const int value = rating.toInt(&ok);
        if (!ok || value < 1 || value > 5) {
            record.issues.push_back({m_path, record.line, QStringLiteral("conversation_rating.rating"),
                                     QStringLiteral("%1 is not a CSAT score (expected a whole number from 1 to 5)")
                                         .arg(quotedValue(rating))});
            return true;
        }
        c.csat = value;
    }

    // The turns: the opening message, then the parts.
    auto roleOf = [&](simdjson::dom::element author) {
        const QString type = json::textAt(author, QStringLiteral("type"));
        if (type == QLatin1String("bot") ||
            json::textAt(author, QStringLiteral("from_ai_agent")) == QLatin1String("true") ||
            m_options.aiAuthorIds.contains(json::textAt(author, QStringLiteral("id"))))
            return Role::Ai;
        if (type == QLatin1String("admin") || type == QLatin1String("team"))
            return Role::Agent;
        return Role::Customer;
    };
    std::optional<qint64> firstHumanReply;
    auto add = [&](Role role, const QString &body, std::optional<qint64> sent, const QString &author) {
        if (role == Role::Agent && !firstHumanReply)
            firstHumanReply = sent ? sent : std::optional<qint64>(c.createdAtMsecs);
        c.messages.push_back({role, body, sent, author});
    };
    if (const auto source = json::at(conversation, QStringLiteral("source")); source) {
        const QString body = json::htmlToText(json::textAt(*source, QStringLiteral("body")));
        if (!body.isEmpty()) {
            const auto author = json::at(*source, QStringLiteral("author"));
            add(author ? roleOf(*author) : Role::Customer, body, c.createdAtMsecs,
                author ? json::textAt(*author, QStringLiteral("name")) : QString());
        }
    }
    simdjson::dom::array parts;
    if (!conversation.at_pointer("/conversation_parts/conversation_parts").get_array().get(parts)) {
        for (simdjson::dom::element part : parts) {
            const QString type = json::textAt(part, QStringLiteral("part_type"));
            const QString body = json::htmlToText(json::textAt(part, QStringLiteral("body")));
            const auto sent = timeOf(part, QStringLiteral("created_at"));
            const auto author = json::at(part, QStringLiteral("author"));
            const QString name = author ? json::textAt(*author, QStringLiteral("name")) : QString();
            if (type == QLatin1String("comment") && !body.isEmpty())
                add(author ? roleOf(*author) : Role::Customer, body, sent, name);
            else if (type == QLatin1String("note"))
                c.messages.push_back({Role::System, QStringLiteral("Internal note: ") + body, sent, name});
            else
                c.messages.push_back({Role::System,
                                      body.isEmpty()
                                          ? QStringLiteral("Conversation %1")
                                                .arg(QString(type).replace(QLatin1Char('_'), QLatin1Char(' ')))
                                          : QStringLiteral("%1: %2").arg(type, body),
                                      sent, name});
        }
    }

    const QString state = json::textAt(conversation, QStringLiteral("ai_agent.resolution_state"));
    if (state == QLatin1String("routed_to_team") || state == QLatin1String("escalated") ||
        state == QLatin1String("procedure_handoff")) {
        c.escalated = true;
    } else if (!state.isEmpty()) {
        c.escalated = false;
    } else {
        // No AI-agent record: a reply by a human teammate means a person handled it.
        c.escalated = firstHumanReply.has_value();
        if (!m_notedInference) {
            m_notedInference = true;
            m_notes << QStringLiteral("%1: conversations without ai_agent.resolution_state count as escalated when a "
                                      "teammate replied")
                           .arg(QDir::toNativeSeparators(m_path));
        }
    }
    if (c.escalated)
        c.escalatedAtMsecs = firstHumanReply;
    return true;
}

} // namespace workbench
