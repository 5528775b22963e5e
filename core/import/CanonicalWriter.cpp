#include "CanonicalWriter.h"

#include "common/WorkbenchError.h"

#include <QDateTime>
#include <QDir>
#include <QLocale>
#include <QTimeZone>

namespace workbench {
namespace {

constexpr qsizetype kFlushBytes = 4 << 20;

void openForWriting(QFile &file, const QString &path)
{
    file.setFileName(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw WorkbenchError(
            QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
}

void writeAll(QFile &file, QByteArray &buffer)
{
    if (buffer.isEmpty())
        return;
    if (file.write(buffer) != buffer.size())
        throw WorkbenchError(
            QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
    buffer.clear();
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

void appendOptionalCsv(QByteArray &out, const std::optional<double> &value)
{
    if (value)
        out += number(*value);
}

void appendJsonKey(QByteArray &out, const char *key)
{
    out += ",\"";
    out += key;
    out += "\":";
}

void appendJsonText(QByteArray &out, const char *key, const QString &value)
{
    if (value.isEmpty())
        return;
    appendJsonKey(out, key);
    appendJsonString(out, value);
}

void appendJsonNumber(QByteArray &out, const char *key, const std::optional<double> &value)
{
    if (!value)
        return;
    appendJsonKey(out, key);
    out += number(*value);
}

} // namespace

QString isoTimestamp(qint64 msecsSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs);
}

namespace {

/// A cell a spreadsheet would read as a formula, or one that only a guard's quote keeps from looking like one.
bool needsFormulaGuard(QStringView value)
{
    while (!value.isEmpty() && value.front() == QLatin1Char('\''))
        value = value.mid(1);
    if (value.isEmpty())
        return false;
    const QChar first = value.front();
    return first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') ||
           first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r');
}

} // namespace

QString spreadsheetSafe(const QString &value)
{
    return needsFormulaGuard(value) ? QLatin1Char('\'') + value : value;
}

QString fromSpreadsheetSafe(const QString &cell)
{
    return cell.startsWith(QLatin1Char('\'')) && needsFormulaGuard(QStringView(cell).mid(1)) ? cell.mid(1) : cell;
}

void appendCsvField(QByteArray &out, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    const bool needsQuotes = utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r') ||
                             utf8.contains(';') || utf8.contains('\t') ||
                             (!utf8.isEmpty() && (utf8.front() == ' ' || utf8.back() == ' '));
    if (!needsQuotes) {
        out += utf8;
        return;
    }
    out += '"';
    for (char ch : utf8) {
        if (ch == '"')
            out += '"';
        out += ch;
    }
    out += '"';
}

void appendTextCell(QByteArray &out, const QString &value)
{
    appendCsvField(out, spreadsheetSafe(value));
}

void appendJsonString(QByteArray &out, const QString &value)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (char ch : value.toUtf8()) {
        switch (ch) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(ch) < 0x20) {
                out += "\\u00";
                out += hex[(ch >> 4) & 0xF];
                out += hex[ch & 0xF];
            } else {
                out += ch;
            }
        }
    }
    out += '"';
}

CanonicalWriter::CanonicalWriter(const QString &directory)
{
    if (!QDir().mkpath(directory))
        throw WorkbenchError(QStringLiteral("Cannot create the folder %1.").arg(QDir::toNativeSeparators(directory)));
    const QDir dir(directory);
    openForWriting(m_conversationsCsv, dir.filePath(QStringLiteral("conversations.csv")));
    openForWriting(m_messagesCsv, dir.filePath(QStringLiteral("messages.csv")));
    openForWriting(m_jsonl, dir.filePath(QStringLiteral("conversations.jsonl")));
    m_conversationsBuffer = conversationsHeader();
    m_messagesBuffer = "conversation_id,seq,role,text,sent_at,author\n";
}

CanonicalWriter::~CanonicalWriter() = default;

QByteArray CanonicalWriter::conversationsHeader()
{
    return "conversation_id,created_at,escalated,category,channel,team,agent,customer_id,escalated_at,ai_confidence,"
           "csat,first_contact_resolution,handle_time_seconds,sentiment,escalation_reason\n";
}

void CanonicalWriter::write(const Conversation &c)
{
    QByteArray &row = m_conversationsBuffer;
    appendTextCell(row, c.conversationId);
    row += ',';
    row += isoTimestamp(c.createdAtMsecs).toLatin1();
    row += c.escalated ? ",true," : ",false,";
    appendTextCell(row, c.category);
    row += ',';
    appendTextCell(row, c.channel);
    row += ',';
    appendTextCell(row, c.team);
    row += ',';
    appendTextCell(row, c.agent);
    row += ',';
    appendTextCell(row, c.customerId);
    row += ',';
    if (c.escalatedAtMsecs)
        row += isoTimestamp(*c.escalatedAtMsecs).toLatin1();
    row += ',';
    appendOptionalCsv(row, c.aiConfidence);
    row += ',';
    if (c.csat)
        row += QByteArray::number(*c.csat);
    row += ',';
    if (c.firstContactResolution)
        row += *c.firstContactResolution ? "true" : "false";
    row += ',';
    appendOptionalCsv(row, c.handleTimeSeconds);
    row += ',';
    appendOptionalCsv(row, c.sentiment);
    row += ',';
    appendTextCell(row, c.escalationReason);
    row += '\n';

    for (size_t seq = 0; seq < c.messages.size(); ++seq) {
        const Message &m = c.messages[seq];
        QByteArray &line = m_messagesBuffer;
        appendTextCell(line, c.conversationId);
        line += ',';
        line += QByteArray::number(qulonglong(seq));
        line += ',';
        line += roleName(m.role).toLatin1();
        line += ',';
        appendTextCell(line, m.text);
        line += ',';
        if (m.sentAtMsecs)
            line += isoTimestamp(*m.sentAtMsecs).toLatin1();
        line += ',';
        appendTextCell(line, m.author);
        line += '\n';
    }

    QByteArray &json = m_jsonlBuffer;
    json += "{\"conversation_id\":";
    appendJsonString(json, c.conversationId);
    json += ",\"created_at\":\"" + isoTimestamp(c.createdAtMsecs).toLatin1() + '"';
    json += c.escalated ? ",\"escalated\":true" : ",\"escalated\":false";
    appendJsonText(json, "category", c.category);
    appendJsonText(json, "channel", c.channel);
    appendJsonText(json, "team", c.team);
    appendJsonText(json, "agent", c.agent);
    appendJsonText(json, "customer_id", c.customerId);
    if (c.escalatedAtMsecs)
        json += ",\"escalated_at\":\"" + isoTimestamp(*c.escalatedAtMsecs).toLatin1() + '"';
    appendJsonNumber(json, "ai_confidence", c.aiConfidence);
    if (c.csat)
        appendJsonNumber(json, "csat", double(*c.csat));
    if (c.firstContactResolution) {
        appendJsonKey(json, "first_contact_resolution");
        json += *c.firstContactResolution ? "true" : "false";
    }
    appendJsonNumber(json, "handle_time_seconds", c.handleTimeSeconds);
    appendJsonNumber(json, "sentiment", c.sentiment);
    appendJsonText(json, "escalation_reason", c.escalationReason);
    if (c.messages.empty()) {
        appendJsonText(json, "transcript", c.transcript);
    } else {
        json += ",\"messages\":[";
        for (size_t seq = 0; seq < c.messages.size(); ++seq) {
            const Message &m = c.messages[seq];
            json += seq == 0 ? "{\"role\":\"" : ",{\"role\":\"";
            json += roleName(m.role).toLatin1();
            json += "\",\"text\":";
            appendJsonString(json, m.text);
            if (m.sentAtMsecs)
                json += ",\"sent_at\":\"" + isoTimestamp(*m.sentAtMsecs).toLatin1() + '"';
            appendJsonText(json, "author", m.author);
            json += '}';
        }
        json += ']';
    }
    json += "}\n";
    flushIfLarge();
}

void CanonicalWriter::flushIfLarge()
{
    if (m_conversationsBuffer.size() + m_messagesBuffer.size() + m_jsonlBuffer.size() > kFlushBytes)
        flush();
}

void CanonicalWriter::flush()
{
    writeAll(m_conversationsCsv, m_conversationsBuffer);
    writeAll(m_messagesCsv, m_messagesBuffer);
    writeAll(m_jsonl, m_jsonlBuffer);
}

void CanonicalWriter::finish()
{
    flush();
    for (QFile *file : {&m_conversationsCsv, &m_messagesCsv, &m_jsonl}) {
        if (!file->flush())
            throw WorkbenchError(QStringLiteral("Cannot write %1: %2")
                                     .arg(QDir::toNativeSeparators(file->fileName()), file->errorString()));
        file->close();
    }
}

} // namespace workbench
