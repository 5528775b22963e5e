#include "JsonlConversationSource.h"

#include "FieldValues.h"
#include "JsonSupport.h"
#include "common/Utf8.h"
#include "common/WorkbenchError.h"
#include "import/ValueParsers.h"

#include <QDir>

#include <simdjson.h>

namespace workbench {
namespace {

constexpr qsizetype kMaxLine = qsizetype(256) << 20;

QByteArrayView view(std::string_view text)
{
    return QByteArrayView(text.data(), qsizetype(text.size()));
}

// One JSON value into one field; returns the problem or an empty string.
QString setField(Conversation &conversation, Field field, simdjson::dom::element value)
{
    switch (value.type()) {
    case simdjson::dom::element_type::NULL_VALUE:
        return clearField(conversation, field);
    case simdjson::dom::element_type::BOOL:
        return setFieldFromBool(conversation, field, bool(value.get_bool()));
    case simdjson::dom::element_type::STRING:
        return setFieldFromText(conversation, field, view(value.get_string()));
    case simdjson::dom::element_type::INT64: {
        const int64_t number = value.get_int64();
        return setFieldFromNumber(conversation, field, double(number), true, QByteArray::number(qint64(number)));
    }
    case simdjson::dom::element_type::UINT64: {
        // Above 2^63 - 1: read as unsigned and echoed whole (a conversion through a signed 64-bit value wrapped).
        const uint64_t number = value.get_uint64();
        return setFieldFromNumber(conversation, field, double(number), true, QByteArray::number(quint64(number)));
    }
    case simdjson::dom::element_type::DOUBLE: {
        const double number = value.get_double();
        return setFieldFromNumber(conversation, field, number, false, QByteArray::number(number, 'g', 17));
    }
    default:
        return QStringLiteral("is %1 (expected a single value)").arg(json::describe(value.type()));
    }
}

void readMessages(SourceRecord &record, const QString &path, simdjson::dom::element value)
{
    Conversation &conversation = record.conversation;
    conversation.presentFields |= fieldBit(Field::Messages);
    if (value.type() == simdjson::dom::element_type::NULL_VALUE)
        return;
    simdjson::dom::array list;
    if (value.get_array().get(list)) {
        record.issues.push_back({path, record.line, QStringLiteral("messages"),
                                 QStringLiteral("is %1 (expected a list of {role, text, sent_at, author})")
                                     .arg(json::describe(value.type()))});
        return;
    }
    int index = 0;
    for (simdjson::dom::element item : list) {
        const QString where = QStringLiteral("messages[%1]").arg(index++);
        simdjson::dom::object object;
        if (item.get_object().get(object)) {
            record.issues.push_back(
                {path, record.line, where,
                 QStringLiteral("is %1 (expected an object with role and text)").arg(json::describe(item.type()))});
            continue;
        }
        Message message;
        std::string_view role;
        if (object["role"].get_string().get(role)) {
            record.issues.push_back(
                {path, record.line, where + QStringLiteral(".role"),
                 QStringLiteral("is missing or not text (expected customer, ai, agent or system)")});
            continue;
        }
        const auto parsedRole = roleFromName(QString::fromUtf8(role.data(), qsizetype(role.size())).trimmed());
        if (!parsedRole) {
            record.issues.push_back({path, record.line, where + QStringLiteral(".role"),
                                     QStringLiteral("%1 is not a role (expected customer, ai, agent or system)")
                                         .arg(quotedValue(QString::fromUtf8(role.data(), qsizetype(role.size()))))});
            continue;
        }
        message.role = *parsedRole;
        std::string_view text;
        if (object["text"].get_string().get(text)) {
            record.issues.push_back(
                {path, record.line, where + QStringLiteral(".text"), QStringLiteral("is missing or not text")});
            continue;
        }
        message.text = QString::fromUtf8(text.data(), qsizetype(text.size()));
        simdjson::dom::element sentAt;
        if (!object["sent_at"].get(sentAt) && sentAt.type() != simdjson::dom::element_type::NULL_VALUE) {
            qint64 msecs = 0;
            std::string_view sentText;
            double seconds = 0;
            const bool ok = !sentAt.get_string().get(sentText)  ? values::parseTimestamp(view(sentText), msecs)
                            : !sentAt.get_double().get(seconds) ? values::timestampFromEpochNumber(seconds, msecs)
                                                                : false;
            if (!ok) {
                record.issues.push_back({path, record.line, where + QStringLiteral(".sent_at"),
                                         QStringLiteral("is not a timestamp (%1)").arg(values::expectedTimestamp())});
                continue;
            }
            message.sentAtMsecs = msecs;
        }
        std::string_view author;
        if (!object["author"].get_string().get(author))
            message.author = QString::fromUtf8(author.data(), qsizetype(author.size()));
        conversation.messages.push_back(std::move(message));
    }
}

} // namespace

JsonLineReader::JsonLineReader(QIODevice &device, QString fileName) : m_device(device), m_fileName(std::move(fileName))
{}

bool JsonLineReader::next(QByteArrayView &line)
{
    while (true) {
        const qsizetype newline = m_stream.bytes.indexOf('\n', m_stream.pos);
        if (newline < 0 && !m_stream.eof) {
            if (m_stream.bytes.size() - m_stream.pos > kMaxLine)
                throw WorkbenchError(
                    QStringLiteral("%1:%2: a line longer than 256 MB (expected one JSON object per line)")
                        .arg(QDir::toNativeSeparators(m_fileName))
                        .arg(m_nextLine));
            m_stream.readMore(m_device, m_fileName);
            continue;
        }
        const qsizetype end = newline < 0 ? m_stream.bytes.size() : newline;
        if (newline < 0 && m_stream.pos >= end)
            return false;
        line = QByteArrayView(m_stream.bytes.constData() + m_stream.pos, end - m_stream.pos);
        if (m_nextLine == 1 && line.startsWith("\xEF\xBB\xBF"))
            line = line.sliced(3);
        if (line.endsWith('\r'))
            line.chop(1);
        m_lineNumber = m_nextLine++;
        m_stream.pos = newline < 0 ? m_stream.bytes.size() : newline + 1;
        if (!line.trimmed().isEmpty())
            return true;
    }
}

JsonlConversationSource::JsonlConversationSource(const QString &path) : m_path(path)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly))
        throw WorkbenchError(
            QStringLiteral("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), m_file.errorString()));
    if (m_file.size() == 0)
        throw WorkbenchError(QStringLiteral("%1:1: the file is empty (expected one JSON object per line)")
                                 .arg(QDir::toNativeSeparators(path)));
    m_lines = std::make_unique<JsonLineReader>(m_file, path);
}

JsonlConversationSource::~JsonlConversationSource() = default;

qint64 JsonlConversationSource::bytesConsumed() const
{
    return m_lines->bytesConsumed();
}

QStringList JsonlConversationSource::notes() const
{
    if (m_unknownKeys.isEmpty())
        return {};
    QStringList keys(m_unknownKeys.begin(), m_unknownKeys.end());
    keys.sort();
    for (QString &key : keys)
        key = QLatin1Char('"') + key + QLatin1Char('"');
    return {QStringLiteral("%1: ignored field%2 %3 (not a field of the workbench)")
                .arg(QDir::toNativeSeparators(m_path), keys.size() > 1 ? QStringLiteral("s") : QString(),
                     keys.join(QStringLiteral(", ")))};
}

bool JsonlConversationSource::next(SourceRecord &record)
{
    thread_local simdjson::dom::parser parser;
    QByteArrayView line;
    if (!m_lines->next(line)) {
        if (m_records == 0)
            throw WorkbenchError(
                QStringLiteral("%1:1: the file holds no JSON objects (expected one conversation per line)")
                    .arg(QDir::toNativeSeparators(m_path)));
        return false;
    }
    ++m_records;
    record.conversation = emptyConversation();
    record.issues.clear();
    record.line = m_lines->lineNumber();
    if (!isValidUtf8(line)) {
        record.issues.push_back(
            {m_path, record.line, QString(), QStringLiteral("the line is not valid UTF-8 text (expected UTF-8)")});
        return true;
    }
    simdjson::dom::element document;
    if (const auto error = parser.parse(line.data(), size_t(line.size())).get(document)) {
        record.issues.push_back({m_path, record.line, QString(), json::parseProblem(error)});
        return true;
    }
    simdjson::dom::object object;
    if (document.get_object().get(object)) {
        record.issues.push_back(
            {m_path, record.line, QString(),
             QStringLiteral("is %1 (expected one JSON object per line)").arg(json::describe(document.type()))});
        return true;
    }
    for (const auto field : object) {
        const QString key = QString::fromUtf8(field.key.data(), qsizetype(field.key.size()));
        const auto known = fieldFromName(key);
        if (!known) {
            if (m_unknownKeys.size() < 50)
                m_unknownKeys.insert(key);
            continue;
        }
        if (*known == Field::Messages) {
            readMessages(record, m_path, field.value);
            continue;
        }
        if (const QString problem = setField(record.conversation, *known, field.value); !problem.isEmpty())
            record.issues.push_back({m_path, record.line, fieldName(*known), problem});
    }
    for (Field required : {Field::ConversationId, Field::CreatedAt, Field::Escalated}) {
        if (!(record.conversation.presentFields & fieldBit(required)) &&
            std::none_of(record.issues.begin(), record.issues.end(),
                         [&](const ImportIssue &i) { return i.column == fieldName(required); }))
            record.issues.push_back(
                {m_path, record.line, fieldName(required), QStringLiteral("is missing (a value is required)")});
    }
    return true;
}

} // namespace workbench
