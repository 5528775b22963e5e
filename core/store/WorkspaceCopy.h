#pragma once

#include <QString>

#include <vector>

namespace workbench {

class Database;

/// What `workspace copy` moved, table by table.
struct CopyReport {
    struct Table {
        QString name;
        qint64 rows = 0;
    };
    std::vector<Table> tables;
    QString text() const;
};

/// Copies a whole workspace (conversations, messages, samples, tags with their history, drafts, settings,
/// mappings, events, targets, reason codes, masking patterns, the import log) from `source` into `destination`,
/// between any two stores (a file and a PostgreSQL database, either way), in one transaction on the
/// destination. Ids are kept, so every reference stays. The destination must hold no conversations yet; its
/// defaults (reason codes, settings) give way to the source's. Throws WorkbenchError, leaving it unchanged.
CopyReport copyWorkspace(Database &source, Database &destination);

} // namespace workbench
