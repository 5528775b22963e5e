#pragma once

#include "model/Fields.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace workbench {

class Database;
class Statement;

/// Where an import does its bulk work without holding the workspace's write lock (DATA.md section 3): a private
/// workspace file of the same schema beside the workspace, written by the usual writers while reviewers keep
/// tagging, then published into the workspace in one short transaction, all or nothing. The staging file is
/// removed when this object goes, whatever happened.
class StagedImport {
public:
    /// Creates the staging file in a hidden folder beside `workspace` (same file system, so a large import
    /// needs no room in /tmp).
    explicit StagedImport(Database &workspace);
    ~StagedImport();
    StagedImport(const StagedImport &) = delete;
    StagedImport &operator=(const StagedImport &) = delete;

    /// The staging workspace: ConversationWriter and the messages import write here.
    Database &staging() { return *m_staging; }

    /// Records which fields the source had for the staged row `stagedId` (merged over duplicates): only those
    /// change a conversation already in the workspace.
    void noteFields(qint64 stagedId, FieldSet fields);

    /// For a messages file naming a conversation of the workspace that this import does not hold: copies its
    /// row into the staging file (its fields untouched at publish; only its messages and what follows from
    /// them are replaced) and returns the staged row id, or -1 when the workspace does not hold it either.
    qint64 adoptFromWorkspace(const QString &conversationId);

    struct Published {
        qint64 inserted = 0;
        qint64 updated = 0;
    };
    /// Publishes everything staged into the workspace inside the caller's write transaction on it (ATTACHed
    /// before: SQLite attaches outside a transaction). `bulk`: drop and rebuild the secondary indexes.
    Published publish(bool bulk);

    /// ATTACH / DETACH the staging file on the workspace's connection (outside any transaction).
    void attach();
    void detach();

private:
    Database &m_workspace;
    QTemporaryDir m_folder;
    std::unique_ptr<Database> m_staging;
    std::unique_ptr<Statement> m_noteFields;
    std::unique_ptr<Statement> m_readStored; ///< adoptFromWorkspace's statements, prepared on first use
    std::unique_ptr<Statement> m_copyStored;
    bool m_attached = false;
};

} // namespace workbench
