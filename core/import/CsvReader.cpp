#include "CsvReader.h"

#include "common/WorkbenchError.h"

#include <QDir>
#include <QHash>
#include <QIODevice>

#include <algorithm>
#include <cstring>

namespace workbench {
namespace {

constexpr qsizetype kMaxRecord = qsizetype(256) << 20;

QString binaryDataProblem()
{
    return QStringLiteral("binary data (a NUL byte: this is not a text file; expected UTF-8 text)");
}

} // namespace

CsvReader::CsvReader(QIODevice &device, QString fileName) : m_device(device), m_fileName(std::move(fileName))
{
    while (m_stream.bytes.size() < 4 && m_stream.readMore(m_device, m_fileName)) {
    }
    if (m_stream.bytes.startsWith("\xEF\xBB\xBF"))
        m_stream.pos = 3;
    else if (m_stream.bytes.startsWith("\xFF\xFE") || m_stream.bytes.startsWith("\xFE\xFF"))
        fail(1, QStringLiteral("the file is UTF-16 text; save it as UTF-8 (expected UTF-8)"));
    while (m_stream.bytes.size() < 4096 && m_stream.readMore(m_device, m_fileName)) {
    }
    // A binary file is refused at once, at the line of its first NUL byte.
    const QByteArrayView head = QByteArrayView(m_stream.bytes).first(std::min<qsizetype>(m_stream.bytes.size(), 4096));
    if (const qsizetype nul = head.indexOf('\0'); nul >= 0)
        fail(1 + std::count(head.begin(), head.begin() + nul, '\n'), binaryDataProblem());
    detectSeparator();
}

namespace {

// Line breaks inside a quoted field, for the line numbers of later records: LF, CRLF and lone CR each count one.
qint64 lineBreaks(QByteArrayView content)
{
    qint64 count = 0;
    for (qsizetype i = 0; i < content.size(); ++i) {
        if (content[i] == '\n' || (content[i] == '\r' && (i + 1 == content.size() || content[i + 1] != '\n')))
            ++count;
    }
    return count;
}

} // namespace

void CsvReader::fail(qint64 line, const QString &what) const
{
    throw WorkbenchError(QStringLiteral("%1:%2: %3").arg(QDir::toNativeSeparators(m_fileName)).arg(line).arg(what));
}

void CsvReader::detectSeparator()
{
    // Count candidates on the header line, outside quotes; make sure the whole line is in the buffer.
    // A lone CR ends a line too (old spreadsheet exports).
    while (!m_stream.eof && m_stream.bytes.indexOf('\n', m_stream.pos) < 0 &&
           m_stream.bytes.indexOf('\r', m_stream.pos) < 0 && m_stream.bytes.size() - m_stream.pos < kMaxRecord)
        m_stream.readMore(m_device, m_fileName);
    qsizetype commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (qsizetype i = m_stream.pos; i < m_stream.bytes.size(); ++i) {
        const char ch = m_stream.bytes[i];
        if (ch == '"')
            quoted = !quoted;
        else if (!quoted && (ch == '\n' || ch == '\r'))
            break;
        else if (!quoted && ch == ',')
            ++commas;
        else if (!quoted && ch == ';')
            ++semicolons;
        else if (!quoted && ch == '\t')
            ++tabs;
    }
    m_separator = tabs > commas && tabs >= semicolons ? '\t' : semicolons > commas ? ';' : ',';
}

QByteArrayView CsvReader::field(qsizetype index) const
{
    const Span &span = m_fields[size_t(index)];
    const QByteArray &source = span.inScratch ? m_scratch : m_stream.bytes;
    return QByteArrayView(source.constData() + span.offset, span.length);
}

bool CsvReader::readRecord()
{
    while (true) {
        switch (parseRecord()) {
        case Parse::Record:
            return true;
        case Parse::Blank:
            break;
        case Parse::End:
            return false;
        case Parse::NeedMore:
            if (m_stream.bytes.size() - m_stream.pos > kMaxRecord)
                fail(m_line, QStringLiteral("a record larger than 256 MB (is a quote never closed?)"));
            m_stream.readMore(m_device, m_fileName);
            break;
        }
    }
}

CsvReader::Parse CsvReader::parseRecord()
{
    m_fields.clear();
    m_scratch.clear();
    const char *data = m_stream.bytes.constData();
    const qsizetype end = m_stream.bytes.size();
    qsizetype p = m_stream.pos;
    qint64 newlines = 0;
    if (p >= end)
        return m_stream.eof ? Parse::End : Parse::NeedMore;
    while (true) {
        if (p < end && data[p] == '"') {
            // Quoted field: find the closing quote, undoubling "" on the way.
            const qsizetype start = p + 1;
            qsizetype q = start;
            bool doubled = false;
            qsizetype close = -1;
            while (true) {
                const void *found = q < end ? std::memchr(data + q, '"', size_t(end - q)) : nullptr;
                if (!found) {
                    if (!m_stream.eof)
                        return Parse::NeedMore;
                    fail(m_line,
                         QStringLiteral(
                             "a quoted field is never closed (expected a closing \" before the end of the file)"));
                }
                const qsizetype at = static_cast<const char *>(found) - data;
                if (at + 1 >= end && !m_stream.eof)
                    return Parse::NeedMore; // cannot tell "" from a closing quote yet
                if (at + 1 < end && data[at + 1] == '"') {
                    doubled = true;
                    q = at + 2;
                    continue;
                }
                close = at;
                break;
            }
            const QByteArrayView content(data + start, close - start);
            if (content.contains('\0'))
                fail(m_line + newlines, binaryDataProblem());
            newlines += lineBreaks(content);
            if (doubled) {
                const qsizetype offset = m_scratch.size();
                for (qsizetype i = 0; i < content.size(); ++i) {
                    m_scratch.append(content[i]);
                    if (content[i] == '"')
                        ++i;
                }
                m_fields.push_back({offset, m_scratch.size() - offset, true});
            } else {
                m_fields.push_back({start, close - start, false});
            }
            p = close + 1;
            if (p >= end) {
                if (!m_stream.eof)
                    return Parse::NeedMore;
                break; // last record without a line break
            }
            if (data[p] == m_separator) {
                ++p;
                continue;
            }
            if (data[p] == '\r') { // CRLF, or a lone CR
                if (p + 1 >= end && !m_stream.eof)
                    return Parse::NeedMore;
                p += p + 1 < end && data[p + 1] == '\n' ? 2 : 1;
                ++newlines;
                break;
            }
            if (data[p] == '\n') {
                ++p;
                ++newlines;
                break;
            }
            fail(m_line + newlines,
                 QStringLiteral("unexpected text after a closing quote (expected %1 or a line break)")
                     .arg(m_separator == '\t' ? QStringLiteral("a tab")
                                              : QStringLiteral("'%1'").arg(QLatin1Char(m_separator))));
        }
        // Unquoted field: up to the separator or the end of the line (LF, CRLF or a lone CR).
        qsizetype e = p;
        while (e < end && data[e] != m_separator && data[e] != '\n' && data[e] != '\r') {
            if (data[e] == '\0')
                fail(m_line + newlines, binaryDataProblem());
            ++e;
        }
        if (e >= end && !m_stream.eof)
            return Parse::NeedMore;
        if (e < end && data[e] == '\r' && e + 1 >= end && !m_stream.eof)
            return Parse::NeedMore; // CR at the end of the buffer: CRLF or a lone CR, the next byte says
        m_fields.push_back({p, e - p, false});
        if (e >= end) {
            p = e;
            break;
        }
        if (data[e] == '\r') {
            p = e + 1 < end && data[e + 1] == '\n' ? e + 2 : e + 1;
            ++newlines;
            break;
        }
        p = e + 1;
        if (data[e] == '\n') {
            ++newlines;
            break;
        }
    }
    m_recordLine = m_line;
    m_line += newlines;
    m_stream.pos = p;
    // A blank line (one empty field) is not a record.
    if (m_fields.size() == 1 && m_fields.front().length == 0)
        return Parse::Blank;
    return Parse::Record;
}

void requireDistinctColumns(const QStringList &headers, const QString &path)
{
    QHash<QString, qsizetype> seen;
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QString folded = headers[i].trimmed().toCaseFolded();
        if (folded.isEmpty())
            continue;
        const auto earlier = seen.constFind(folded);
        if (earlier != seen.cend())
            throw WorkbenchError(QStringLiteral("%1:1: the header names the column \"%2\" twice (columns %3 and %4); "
                                                "expected each column once")
                                     .arg(QDir::toNativeSeparators(path), headers[i].trimmed())
                                     .arg(*earlier + 1)
                                     .arg(i + 1));
        seen.insert(folded, i);
    }
}

} // namespace workbench
