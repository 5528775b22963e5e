#include "CsvConversationSource.h"

#include "FieldValues.h"
#include "common/Utf8.h"
#include "common/WorkbenchError.h"

#include <QDir>

namespace workbench {
namespace {

QString encodingProblem()
{
    return QStringLiteral("is not valid UTF-8 text (is the file saved as Latin-1 or Windows-1252? expected UTF-8)");
}

void openOrThrow(QFile &file, const QString &path)
{
    file.setFileName(path);
    if (!file.open(QIODevice::ReadOnly))
        throw WorkbenchError(
            QStringLiteral("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
}

QStringList headerCells(CsvReader &reader, const QString &path)
{
    if (!reader.readRecord())
        throw WorkbenchError(QStringLiteral("%1:1: the file is empty (expected a header row with conversation_id, "
                                            "created_at, escalated, ...)")
                                 .arg(QDir::toNativeSeparators(path)));
    QStringList headers;
    for (qsizetype i = 0; i < reader.fieldCount(); ++i) {
        if (!isValidUtf8(reader.field(i)))
            throw WorkbenchError(
                QStringLiteral("%1:1: the header %2").arg(QDir::toNativeSeparators(path), encodingProblem()));
        headers << QString::fromUtf8(reader.field(i)).trimmed();
    }
    requireDistinctColumns(headers, path);
    return headers;
}

} // namespace

QStringList readCsvHeader(const QString &path)
{
    QFile file;
    openOrThrow(file, path);
    CsvReader reader(file, path);
    return headerCells(reader, path);
}

CsvConversationSource::CsvConversationSource(const QString &path, const std::optional<ColumnMapping> &mapping)
    : m_path(path)
{
    openOrThrow(m_file, path);
    m_reader = std::make_unique<CsvReader>(m_file, path);
    m_headers = headerCells(*m_reader, path);
    const QString where = QStringLiteral("%1:1: ").arg(QDir::toNativeSeparators(path));

    m_mapping = mapping ? *mapping : ColumnMapping::canonical(m_headers);
    const ColumnMapping &effective = m_mapping; // the columns below point into its value maps
    FieldSet mapped = 0;
    for (const auto &[field, column] : effective.columns) {
        const QString wanted = column.trimmed(); // a structured binding cannot be captured before clang 16
        const auto found = std::find_if(m_headers.cbegin(), m_headers.cend(), [&wanted](const QString &header) {
            return header.compare(wanted, Qt::CaseInsensitive) == 0;
        });
        const qsizetype index = found == m_headers.cend() ? -1 : found - m_headers.cbegin();
        if (index < 0)
            throw WorkbenchError(
                where + QStringLiteral("the mapping \"%1\" reads column \"%2\" for %3, but the header has "
                                       "no such column (it has: %4)")
                            .arg(effective.name, column, fieldName(field), m_headers.join(QStringLiteral(", "))));
        const auto values = effective.valueMaps.find(field);
        m_columns.push_back(
            {field, index, m_headers[index], values == effective.valueMaps.end() ? nullptr : &values->second});
        mapped |= fieldBit(field);
    }
    QStringList missing;
    for (Field field : {Field::ConversationId, Field::CreatedAt, Field::Escalated}) {
        if (!(mapped & fieldBit(field)))
            missing << QStringLiteral("\"%1\"").arg(fieldName(field));
    }
    if (!missing.isEmpty())
        throw WorkbenchError(where + QStringLiteral("missing required column%1 %2 (the header has: %3)")
                                         .arg(missing.size() > 1 ? QStringLiteral("s") : QString(),
                                              missing.join(QStringLiteral(", ")),
                                              m_headers.join(QStringLiteral(", "))));
    QStringList ignored;
    for (const QString &header : m_headers) {
        const bool used = std::any_of(m_columns.begin(), m_columns.end(), [&](const Column &c) {
            return c.name.compare(header, Qt::CaseInsensitive) == 0;
        });
        if (!used && !header.isEmpty())
            ignored << QStringLiteral("\"%1\"").arg(header);
    }
    if (!ignored.isEmpty())
        m_notes << QStringLiteral("%1: ignored column%2 %3 (not a field of the workbench%4)")
                       .arg(QDir::toNativeSeparators(path), ignored.size() > 1 ? QStringLiteral("s") : QString(),
                            ignored.join(QStringLiteral(", ")),
                            mapping ? QStringLiteral(" or not in the mapping") : QString());
}

CsvConversationSource::~CsvConversationSource() = default;

bool CsvConversationSource::next(SourceRecord &record)
{
    if (!m_reader->readRecord())
        return false;
    record.conversation = emptyConversation();
    record.issues.clear();
    record.line = m_reader->recordLine();
    if (m_reader->fieldCount() != m_headers.size()) {
        record.issues.push_back({m_path, record.line, QString(),
                                 QStringLiteral("the row has %1 fields, the header %2 (expected one field per column; "
                                                "is a quote missing?)")
                                     .arg(m_reader->fieldCount())
                                     .arg(m_headers.size())});
        return true;
    }
    for (const Column &column : m_columns) {
        QByteArrayView cell = m_reader->field(column.index);
        if (!isValidUtf8(cell)) {
            record.issues.push_back(
                {m_path, record.line, column.name, QStringLiteral("the value ") + encodingProblem()});
            continue;
        }
        QByteArray mappedValue;
        if (column.valueMap) {
            const auto found = column.valueMap->find(QString::fromUtf8(cell).trimmed().toCaseFolded());
            if (found != column.valueMap->end()) {
                mappedValue = found->second.toUtf8();
                cell = mappedValue;
            }
        }
        if (const QString problem = setFieldFromText(record.conversation, column.field, cell); !problem.isEmpty())
            record.issues.push_back({m_path, record.line, column.name, problem});
    }
    return true;
}

} // namespace workbench
