#pragma once

#include "ReaderOptions.h"
#include "model/Fields.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace workbench {

class Database;

/// How the columns of any CSV map to the fields of DATA.md, with value maps ("Solved by bot" ->
/// escalated = false). Columns and values are matched trimmed and case-insensitively.
struct ColumnMapping {
    QString name;
    std::map<Field, QString> columns;
    /// Per field: case-folded source value -> the text to read instead.
    std::map<Field, std::map<QString, QString>> valueMaps;
    /// For a chat log or help-desk export: the format ("chatlog", "zendesk", "intercom") and its reader's
    /// options (DATA.md: "chosen in the import dialog, or a saved mapping"); empty for a CSV mapping.
    QString format;
    std::optional<ReaderOptions> readerOptions;

    /// A mapping by the canonical field names found in `headers`.
    static ColumnMapping canonical(const QStringList &headers);
    /// A proposal from header names, knowing the usual names of help-desk exports (ticket_id, requester_id...).
    static ColumnMapping propose(const QStringList &headers);

    QByteArray toJson() const;
    /// Reads a mapping written by toJson(); nullopt with `error` set when it is not one.
    static std::optional<ColumnMapping> fromJson(const QByteArray &json, QString *error);

    bool operator==(const ColumnMapping &other) const = default;
};

/// Saved mappings live in the workspace (table saved_mappings).
void saveMapping(Database &db, const ColumnMapping &mapping, qint64 nowMsecs);
std::optional<ColumnMapping> loadMapping(Database &db, const QString &name);
QStringList savedMappingNames(Database &db);

/// A saved mapping as the Data page lists it.
struct SavedMappingInfo {
    QString name;
    QString format; ///< the reader it is for: csv, zendesk, intercom, chatlog...
    qint64 updatedAtMsecs = 0;
};
/// Every saved mapping by name.
std::vector<SavedMappingInfo> listSavedMappings(Database &db);
/// Forgets the saved mapping `name` (nothing happens when there is none).
void removeMapping(Database &db, const QString &name);
/// `nameOrFile` is a saved mapping's name, else a JSON file; throws WorkbenchError when it is neither.
ColumnMapping resolveMapping(Database &db, const QString &nameOrFile);

} // namespace workbench
