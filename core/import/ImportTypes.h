#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace workbench {

/// The input formats of DATA.md section 2.
enum class ImportFormat { Csv, Jsonl, Chatlog, Zendesk, Intercom };

QString formatName(ImportFormat format);
std::optional<ImportFormat> formatFromName(QStringView name);

/// One problem with one record: where (file, line, column) and what was wrong and expected.
struct ImportIssue {
    QString file;
    qint64 line = 0;
    QString column; ///< empty for a problem with the whole record
    QString problem;

    /// orders.csv:1043: column "created_at": "31/10/2026" is not a timestamp (expected ...)
    QString text() const;
};

struct ImportSummary {
    qint64 inserted = 0;
    qint64 updated = 0;
    qint64 skipped = 0;
    qint64 duplicates = 0; ///< rows whose conversation_id came again later in the import (the last row won)
    qint64 messages = 0;
    qint64 bytes = 0;
    std::vector<ImportIssue> skippedRows; ///< lenient mode: every row left out, and why
    QStringList notes;                    ///< e.g. columns that were ignored

    qint64 warnings() const { return duplicates + qint64(notes.size()); }
    /// The notes and the duplicate count, as sentences for the user.
    QStringList remarks() const;
};

/// Shortens a cell for a message: "a very long value…" (quotes added by the caller).
QString quotedValue(QStringView value);

} // namespace workbench
