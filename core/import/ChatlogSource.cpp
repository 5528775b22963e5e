#include "ChatlogSource.h"

#include "FieldValues.h"
#include "JsonSupport.h"
#include "ValueParsers.h"
#include "common/WorkbenchError.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace workbench {
namespace {

QString expectedShape()
{
    return QStringLiteral("a chat log: objects with a \"messages\" or \"traj\" list of {role, content}");
}

std::optional<simdjson::dom::array> messageList(simdjson::dom::element record)
{
    for (const char *key : {"messages", "traj"}) {
        simdjson::dom::array list;
        if (!record[key].get_array().get(list))
            return list;
    }
    return std::nullopt;
}

// The id the source gives, else task_id and trial (agent benchmarks), else the position in the file.
QString conversationId(simdjson::dom::element record, const ReaderOptions &options, const QString &baseName,
                       qint64 index)
{
    QStringList paths = options.idFields.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (paths.isEmpty()) {
        for (const QString &candidate : {QStringLiteral("conversation_id"), QStringLiteral("id")}) {
            if (const QString id = json::textAt(record, candidate); !id.isEmpty())
                return id;
        }
        if (json::at(record, QStringLiteral("task_id")) && json::at(record, QStringLiteral("trial")))
            paths = {QStringLiteral("task_id"), QStringLiteral("trial")};
    }
    if (paths.isEmpty())
        return QStringLiteral("%1-%2").arg(baseName).arg(index + 1);
    QStringList parts;
    for (const QString &path : paths)
        parts << json::textAt(record, path.trimmed());
    return baseName + QLatin1Char('-') + parts.join(QLatin1Char('-'));
}

QString firstPresent(simdjson::dom::element record, const QString &chosen, const QStringList &candidates)
{
    if (!chosen.isEmpty())
        return json::textAt(record, chosen);
    for (const QString &candidate : candidates) {
        if (const QString value = json::textAt(record, candidate); !value.isEmpty())
            return value;
    }
    return {};
}

// A tool call's arguments arrive as a JSON string; the hand-off's summary is one of them.
QString summaryOf(const QString &arguments)
{
    const QJsonObject object = QJsonDocument::fromJson(arguments.toUtf8()).object();
    for (const char *key : {"summary", "reason", "message"}) {
        if (const QString value = object.value(QLatin1String(key)).toString(); !value.isEmpty())
            return value;
    }
    return arguments;
}

} // namespace

ChatlogSource::ChatlogSource(const QString &path, const ReaderOptions &options)
    : m_path(path), m_baseName(QFileInfo(path).completeBaseName()), m_options(options),
      m_file(path, {QStringLiteral("conversations"), QStringLiteral("data")}, expectedShape())
{}

bool ChatlogSource::next(SourceRecord &record)
{
    simdjson::dom::element object;
    QString problem;
    if (!m_file.next(object, record.line, problem))
        return false;
    record.conversation = emptyConversation();
    record.issues.clear();
    record.facts = {};
    const qint64 index = m_index++;
    if (!problem.isEmpty()) {
        record.issues.push_back({m_path, record.line, QString(), problem});
        return true;
    }
    const auto list = messageList(object);
    if (!list) {
        record.issues.push_back({m_path, record.line, QStringLiteral("messages"),
                                 QStringLiteral("is missing (expected %1)").arg(expectedShape())});
        return true;
    }
    Conversation &c = record.conversation;
    c.conversationId = conversationId(object, m_options, m_baseName, index);
    c.customerId =
        firstPresent(object, m_options.customerField,
                     {QStringLiteral("customer_id"), QStringLiteral("user_id"), QStringLiteral("info.task.user_id")});
    c.category = firstPresent(object, m_options.categoryField, {QStringLiteral("category"), QStringLiteral("intent")});
    c.channel = m_options.channel;
    c.presentFields = fieldBit(Field::ConversationId) | fieldBit(Field::CreatedAt) | fieldBit(Field::Escalated) |
                      fieldBit(Field::CustomerId) | fieldBit(Field::Category) | fieldBit(Field::Channel) |
                      fieldBit(Field::EscalationReason) | fieldBit(Field::Messages);

    // The start: the source's own time, else spaced out from the start date the user gave.
    const QString time =
        firstPresent(object, m_options.timeField, {QStringLiteral("created_at"), QStringLiteral("timestamp")});
    qint64 created = 0;
    if (!time.isEmpty() && values::parseTimestamp(time.toUtf8(), created)) {
        c.createdAtMsecs = created;
    } else if (!time.isEmpty()) {
        record.issues.push_back(
            {m_path, record.line, m_options.timeField.isEmpty() ? QStringLiteral("created_at") : m_options.timeField,
             QStringLiteral("%1 is not a timestamp (%2)").arg(quotedValue(time), values::expectedTimestamp())});
        return true;
    } else if (m_options.startMsecs) {
        c.createdAtMsecs = *m_options.startMsecs + index * m_options.spacingSeconds * 1000;
        if (!m_spacedOut) {
            m_spacedOut = true;
            m_notes << QStringLiteral(
                           "%1 has no timestamps: its conversations were placed from %2, one every %3 minutes")
                           .arg(QDir::toNativeSeparators(m_path),
                                QDateTime::fromMSecsSinceEpoch(*m_options.startMsecs, Qt::UTC).toString(Qt::ISODate))
                           .arg(m_options.spacingSeconds / 60);
        }
    } else {
        throw WorkbenchError(
            QStringLiteral("%1:%2: the conversations have no timestamps; give a start date (--start in the "
                           "command line, \"Start\" in the import dialog) to space them out from")
                .arg(QDir::toNativeSeparators(m_path))
                .arg(record.line));
    }

    int turn = 0;
    for (simdjson::dom::element item : *list) {
        const QString where = QStringLiteral("messages[%1]").arg(turn++);
        simdjson::dom::object message;
        if (item.get_object().get(message)) {
            record.issues.push_back(
                {m_path, record.line, where,
                 QStringLiteral("is %1 (expected {role, content})").arg(json::describe(item.type()))});
            return true;
        }
        const QString role = json::textAt(item, QStringLiteral("role"));
        const QString content = json::textAt(item, QStringLiteral("content"));
        if (role == QLatin1String("user")) {
            c.messages.push_back({Role::Customer, content, std::nullopt, QString()});
        } else if (role == QLatin1String("assistant")) {
            if (!content.isEmpty())
                c.messages.push_back({Role::Ai, content, std::nullopt, QString()});
            simdjson::dom::array calls;
            if (!item["tool_calls"].get_array().get(calls)) {
                for (simdjson::dom::element call : calls) {
                    const QString name = json::textAt(call, QStringLiteral("function.name"));
                    const QString arguments = json::textAt(call, QStringLiteral("function.arguments"));
                    if (name == m_options.handoffTool) {
                        c.escalated = true;
                        c.escalationReason = summaryOf(arguments);
                        c.handoffSeq = int(c.messages.size());
                        c.messages.push_back({Role::System,
                                              QStringLiteral("Handed off to a human agent: %1").arg(c.escalationReason),
                                              std::nullopt, QString()});
                    } else {
                        c.messages.push_back({Role::System, QStringLiteral("The AI called %1(%2)").arg(name, arguments),
                                              std::nullopt, QString()});
                    }
                }
            }
        } else if (role == QLatin1String("tool") || role == QLatin1String("function")) {
            const QString name = json::textAt(item, QStringLiteral("name"));
            c.messages.push_back({Role::System,
                                  name.isEmpty() ? content : QStringLiteral("%1 returned: %2").arg(name, content),
                                  std::nullopt, QString()});
        } else if (role == QLatin1String("system") || role == QLatin1String("developer")) {
            c.messages.push_back({Role::System, content, std::nullopt, QString()});
        } else {
            record.issues.push_back({m_path, record.line, where + QStringLiteral(".role"),
                                     QStringLiteral("%1 is not a chat role (expected system, user, assistant or tool)")
                                         .arg(quotedValue(role))});
            return true;
        }
    }
    return true;
}

} // namespace workbench
