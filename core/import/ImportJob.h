#pragma once

#include "ColumnMapping.h"
#include "ImportTypes.h"
#include "ReaderOptions.h"
#include "common/Progress.h"

#include <QStringList>

#include "ConversationSource.h"

#include <atomic>

#include <optional>

namespace workbench {

class Clock;
class Database;

struct ImportRequest {
    QStringList files;
    /// nullopt: detected per file (by extension and content).
    std::optional<ImportFormat> format;
    /// A CSV read through this mapping instead of the canonical header.
    std::optional<ColumnMapping> mapping;
    /// A messages CSV beside the conversations (also detected among `files` by its header).
    QString messagesFile;
    /// Skip bad rows (and list them) instead of refusing the whole import.
    bool lenient = false;
    /// For chat logs and help-desk exports.
    ReaderOptions readerOptions;
    /// Counts the rows read so far, for a progress display on another thread (optional).
    std::atomic<qint64> *rowsRead = nullptr;
};

/// The first records of the first file as they would be stored, for the import dialog's live preview.
struct ImportPreview {
    ImportFormat format = ImportFormat::Csv;
    std::vector<SourceRecord> records;
    QString error; ///< a structural problem (missing column, no start date...), else empty
};
ImportPreview previewImport(const ImportRequest &request, int maxRecords = 20);

/// The import was refused; the workspace is exactly as it was. `problems` lists what was found (up to 20).
class ImportRefused : public WorkbenchError {
public:
    explicit ImportRefused(std::vector<ImportIssue> problems);
    const std::vector<ImportIssue> &problems() const { return m_problems; }

private:
    std::vector<ImportIssue> m_problems;
};

/// Imports every file of `request` in one transaction (DATA.md section 3): all or nothing, unless lenient.
/// Re-imported ids are updated in place (tags kept); derived facts (follow-ups, hand-off turn, signals) are
/// brought up to date before the commit. Progress is in bytes of all files. Throws ImportRefused, Cancelled
/// or WorkbenchError; in each case nothing was written.
ImportSummary runImport(Database &db, const ImportRequest &request, const Clock &clock,
                        const ProgressCallback &progress = {});

/// The format of `path` by its extension and first bytes; nullopt when it cannot tell.
std::optional<ImportFormat> detectFormat(const QString &path);

/// True when `path` is a CSV of messages (conversation_id, role, text and no created_at).
bool isMessagesCsv(const QString &path);

} // namespace workbench
