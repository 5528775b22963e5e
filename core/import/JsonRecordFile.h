#pragma once

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

#include <simdjson.h>

namespace workbench {

/// The records of a JSON file, whichever way an export lays them out: a top-level array, an API page
/// ({"tickets": [...]}), one object per line, a single record, or an object holding several pages or records
/// under other keys (a collection of API examples). Each record comes with the line where it starts.
class JsonRecordFile {
public:
    /// `pageKeys`: the keys that hold the records of an API page ("tickets", "conversations").
    /// Throws WorkbenchError when the file cannot be read or is not JSON of one of these shapes.
    JsonRecordFile(const QString &path, const QStringList &pageKeys, const QString &expected);

    /// The next record; false at the end. A record that is not an object gets `problem` set.
    bool next(simdjson::dom::element &record, qint64 &line, QString &problem);
    qint64 bytesConsumed() const;

private:
    QString m_path;
    qint64 m_size = 0;
    simdjson::padded_string m_bytes;
    simdjson::dom::parser m_parser;
    // Whole-document shapes.
    simdjson::dom::array m_array;
    bool m_isArray = false;
    size_t m_index = 0;
    std::vector<qint64> m_lines;
    simdjson::dom::array::iterator m_cursor;
    // A collection of pages or records under arbitrary keys (API example files).
    std::vector<simdjson::dom::element> m_collected;
    bool m_isCollection = false;
    // One object per line.
    std::vector<std::pair<size_t, size_t>> m_lineSpans; // (offset, length) of non-blank lines
    size_t m_lineIndex = 0;
    std::vector<qint64> m_lineNumbers;
};

} // namespace workbench
