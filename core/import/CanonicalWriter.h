#pragma once

#include "model/Conversation.h"

#include <QFile>
#include <QString>

namespace workbench {

/// Writes conversations in the canonical formats of DATA.md section 2 into one folder:
/// `conversations.csv` (one row per conversation, no transcript), `messages.csv` (the turns, to import
/// beside it) and `conversations.jsonl` (everything, with `messages`). Throws WorkbenchError on I/O failure.
class CanonicalWriter {
public:
    explicit CanonicalWriter(const QString &directory);
    ~CanonicalWriter();

    void write(const Conversation &conversation);
    /// Flushes and closes the files; errors surface here rather than being lost in the destructor.
    void finish();

    /// The header of the canonical conversations CSV, in the order written.
    static QByteArray conversationsHeader();

private:
    void flushIfLarge();
    void flush();

    QFile m_conversationsCsv;
    QFile m_messagesCsv;
    QFile m_jsonl;
    QByteArray m_conversationsBuffer;
    QByteArray m_messagesBuffer;
    QByteArray m_jsonlBuffer;
};

/// Quotes a CSV field when it holds a separator, a quote, a line break or outer spaces (RFC 4180).
void appendCsvField(QByteArray &out, const QString &value);
/// `value` as a spreadsheet may safely read it (DATA.md 3b): a cell that begins with =, +, -, @, tab or CR (or a
/// quote before one of those) gets a leading ', so that no formula runs. Reversed exactly by fromSpreadsheetSafe.
QString spreadsheetSafe(const QString &value);
QString fromSpreadsheetSafe(const QString &cell);
/// A text cell of a CSV written for people: spreadsheet-safe, then quoted as needed. Every text cell of every
/// CSV the workbench writes goes through here (numbers and timestamps are written as they are).
void appendTextCell(QByteArray &out, const QString &value);
/// Appends `value` as a JSON string literal.
void appendJsonString(QByteArray &out, const QString &value);
/// UTC ISO-8601 with milliseconds, e.g. 2026-10-31T23:30:00.250Z.
QString isoTimestamp(qint64 msecsSinceEpoch);

} // namespace workbench
