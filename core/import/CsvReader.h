#pragma once

#include "StreamBuffer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <vector>

class QIODevice;

namespace workbench {

/// A streaming RFC 4180 reader: quoted fields may hold separators, quotes ("") and line breaks; CRLF or LF;
/// a UTF-8 byte-order mark is skipped; the separator (comma, semicolon or tab) is detected from the header
/// line. Memory stays at a few buffers whatever the file size. Malformed input (a quote never closed, text
/// after a closing quote, NUL bytes, UTF-16, a record over 256 MB) throws WorkbenchError naming file and line.
class CsvReader {
public:
    CsvReader(QIODevice &device, QString fileName);

    /// Reads the next record; false at the end of the file.
    bool readRecord();
    qsizetype fieldCount() const { return qsizetype(m_fields.size()); }
    /// Field `index` of the current record (valid until the next readRecord()).
    QByteArrayView field(qsizetype index) const;
    /// The line (1-based) where the current record starts: the header is line 1.
    qint64 recordLine() const { return m_recordLine; }
    /// Bytes of the file consumed so far, for progress.
    qint64 bytesConsumed() const { return m_stream.consumed(); }
    char separator() const { return m_separator; }
    const QString &fileName() const { return m_fileName; }

private:
    enum class Parse { Record, Blank, NeedMore, End };
    Parse parseRecord();
    void detectSeparator();
    [[noreturn]] void fail(qint64 line, const QString &what) const;

    struct Span {
        qsizetype offset;
        qsizetype length;
        bool inScratch;
    };

    QIODevice &m_device;
    QString m_fileName;
    StreamBuffer m_stream;
    char m_separator = ',';
    qint64 m_line = 1;
    qint64 m_recordLine = 1;
    std::vector<Span> m_fields;
    QByteArray m_scratch;
};

/// Refuses a header that names a column twice (after trimming and case folding), before any row is read:
/// which of the two would a value come from? Throws WorkbenchError naming the file, the column and both places.
void requireDistinctColumns(const QStringList &headers, const QString &path);

} // namespace workbench
