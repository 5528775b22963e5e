#include "JsonRecordFile.h"

#include "JsonSupport.h"
#include "common/WorkbenchError.h"

#include <QDir>

namespace workbench {

JsonRecordFile::JsonRecordFile(const QString &path, const QStringList &pageKeys, const QString &expected)
    : m_path(path), m_bytes(json::loadFile(path))
{
    m_size = qint64(m_bytes.size());
    const std::string_view bytes(m_bytes.data(), m_bytes.size());
    const QString where = QDir::toNativeSeparators(path);
    simdjson::dom::element document;
    const auto error = m_parser.parse(m_bytes).get(document);
    if (!error) {
        if (document.type() == simdjson::dom::element_type::ARRAY) {
            m_array = document.get_array();
            m_isArray = true;
            m_lines = json::arrayElementLines(bytes);
        } else if (document.type() == simdjson::dom::element_type::OBJECT) {
            for (const QString &key : pageKeys) {
                simdjson::dom::array records;
                if (!document[key.toStdString()].get_array().get(records)) {
                    m_array = records;
                    m_isArray = true;
                    m_lines = json::arrayElementLines(bytes, key);
                    break;
                }
            }
            simdjson::dom::element id;
            if (!m_isArray && document["id"].get(id)) {
                // No id of its own: a collection whose values are pages or records.
                for (const auto entry : simdjson::dom::object(document)) {
                    if (entry.value.type() != simdjson::dom::element_type::OBJECT)
                        continue;
                    bool page = false;
                    for (const QString &key : pageKeys) {
                        simdjson::dom::array records;
                        if (!entry.value[key.toStdString()].get_array().get(records)) {
                            for (simdjson::dom::element element : records)
                                m_collected.push_back(element);
                            page = true;
                        }
                    }
                    if (!page && !entry.value["id"].get(id))
                        m_collected.push_back(entry.value);
                }
                m_isCollection = !m_collected.empty();
            }
            if (!m_isArray && !m_isCollection) {
                // A single record (one object in the file).
                m_lineSpans.emplace_back(0, m_bytes.size());
                m_lineNumbers.push_back(1);
            }
        } else {
            throw WorkbenchError(
                QStringLiteral("%1:1: is %2 (expected %3)").arg(where, json::describe(document.type()), expected));
        }
        if (m_isArray)
            m_cursor = m_array.begin();
        return;
    }
    // Not one document: one object per line, or broken JSON.
    qint64 lineNumber = 1;
    size_t start = 0;
    for (size_t i = 0; i <= bytes.size(); ++i) {
        if (i == bytes.size() || bytes[i] == '\n') {
            const std::string_view line = bytes.substr(start, i - start);
            if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
                m_lineSpans.emplace_back(start, i - start);
                m_lineNumbers.push_back(lineNumber);
            }
            start = i + 1;
            ++lineNumber;
        }
    }
    if (m_lineSpans.size() < 2)
        throw WorkbenchError(QStringLiteral("%1:1: not valid JSON (%2; expected %3)")
                                 .arg(where, QString::fromUtf8(simdjson::error_message(error)), expected));
}

bool JsonRecordFile::next(simdjson::dom::element &record, qint64 &line, QString &problem)
{
    problem.clear();
    if (m_isCollection) {
        if (m_index >= m_collected.size())
            return false;
        record = m_collected[m_index++];
        line = 1; // records nested in a collection have no line of their own worth naming
    } else if (m_isArray) {
        if (m_cursor == m_array.end())
            return false;
        record = *m_cursor;
        ++m_cursor;
        line = m_index < m_lines.size() ? m_lines[m_index] : 1;
        ++m_index;
    } else {
        if (m_lineIndex >= m_lineSpans.size())
            return false;
        const auto [offset, length] = m_lineSpans[m_lineIndex];
        line = m_lineNumbers[m_lineIndex++];
        if (const auto error = m_parser.parse(m_bytes.data() + offset, length).get(record)) {
            problem = json::parseProblem(error);
            return true;
        }
    }
    if (record.type() != simdjson::dom::element_type::OBJECT)
        problem = QStringLiteral("is %1 (expected an object)").arg(json::describe(record.type()));
    return true;
}

qint64 JsonRecordFile::bytesConsumed() const
{
    if (m_isCollection)
        return m_collected.empty() ? m_size : m_size * qint64(m_index) / qint64(m_collected.size());
    if (m_isArray)
        return m_lines.empty() ? m_size : m_size * qint64(m_index) / qint64(m_lines.size());
    return m_lineSpans.empty() ? m_size
                               : qint64(m_lineIndex < m_lineSpans.size() ? m_lineSpans[m_lineIndex].first : m_size);
}

} // namespace workbench
