#pragma once

#include "ColumnMapping.h"
#include "ConversationSource.h"
#include "CsvReader.h"

#include <QFile>

#include <memory>
#include <optional>

namespace workbench {

/// Conversations from a CSV: the canonical columns of DATA.md, or any columns through a ColumnMapping.
class CsvConversationSource final : public ConversationSource {
public:
    /// Opens `path` and reads its header; throws WorkbenchError when the file cannot be read, is empty, or
    /// lacks a required column (reported before any row is read).
    CsvConversationSource(const QString &path, const std::optional<ColumnMapping> &mapping);
    ~CsvConversationSource() override;

    bool next(SourceRecord &record) override;
    qint64 bytesConsumed() const override { return m_reader->bytesConsumed(); }
    QStringList notes() const override { return m_notes; }

    /// The header cells, for the mapping editor.
    const QStringList &headers() const { return m_headers; }

private:
    struct Column {
        Field field;
        qsizetype index;
        QString name;
        const std::map<QString, QString> *valueMap;
    };

    QString m_path;
    QFile m_file;
    std::unique_ptr<CsvReader> m_reader;
    ColumnMapping m_mapping;
    QStringList m_headers;
    std::vector<Column> m_columns;
    QStringList m_notes;
};

/// Reads the header cells of a CSV (for format detection and the mapping editor).
QStringList readCsvHeader(const QString &path);

} // namespace workbench
