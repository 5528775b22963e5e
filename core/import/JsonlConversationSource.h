#pragma once

#include "ConversationSource.h"
#include "StreamBuffer.h"

#include <QFile>
#include <QSet>

#include <memory>

namespace workbench {

class JsonLineReader;

/// Conversations from canonical JSONL: one object per line with the fields of DATA.md and `messages` as a
/// list of {role, text, sent_at, author}. JSON booleans and numbers are accepted where the strings are.
/// Parsed with simdjson (fast enough for hundreds of MB a second); lines stream through a fixed buffer.
class JsonlConversationSource final : public ConversationSource {
public:
    explicit JsonlConversationSource(const QString &path);
    ~JsonlConversationSource() override;

    bool next(SourceRecord &record) override;
    qint64 bytesConsumed() const override;
    QStringList notes() const override;

private:
    QString m_path;
    QFile m_file;
    std::unique_ptr<JsonLineReader> m_lines;
    QSet<QString> m_unknownKeys;
    qint64 m_records = 0;
};

/// Splits a file into lines through a fixed buffer, keeping line numbers; a line may be any length.
class JsonLineReader {
public:
    JsonLineReader(QIODevice &device, QString fileName);
    /// The next non-blank line (without its line break); false at the end.
    bool next(QByteArrayView &line);
    qint64 lineNumber() const { return m_lineNumber; }
    qint64 bytesConsumed() const { return m_stream.consumed(); }

private:
    QIODevice &m_device;
    QString m_fileName;
    StreamBuffer m_stream;
    qint64 m_lineNumber = 0;
    qint64 m_nextLine = 1;
};

} // namespace workbench
