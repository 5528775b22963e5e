#include "StagedImport.h"

#include "ConversationColumns.h"
#include "Database.h"
#include "Schema.h"
#include "Sql.h"
#include "Statement.h"
#include "common/WorkbenchError.h"

#include <QDir>
#include <QFileInfo>

#include <sqlite3.h>

namespace workbench {
namespace {

QString stagedValue(const FieldColumns &field, const char *column)
{
    if (field.dimension)
        return QStringLiteral("(SELECT d.mid FROM temp.staged_dimensions d WHERE d.sid = s.%1)")
            .arg(QLatin1String(column));
    return QStringLiteral("s.") + QLatin1String(column);
}

constexpr int kAdoptedColumns = 19;

// A hidden folder beside the workspace file (same file system, so a large import needs no room in /tmp).
QString stagingFolderTemplate(const Database &workspace)
{
    if (workspace.kind() != StoreKind::SqliteFile)
        throw WorkbenchError(QStringLiteral("Importing into %1 is not possible in this version: import into a "
                                            "workspace file and copy it to the server with `escalation-workbench "
                                            "workspace copy FILE %1`.")
                                 .arg(workspace.path()));
    const QFileInfo file(workspace.path());
    return file.absolutePath() + QStringLiteral("/.") + file.fileName() + QStringLiteral(".import-XXXXXX");
}

} // namespace

StagedImport::StagedImport(Database &workspace) : m_workspace(workspace), m_folder(stagingFolderTemplate(workspace))
{
    if (!m_folder.isValid())
        throw WorkbenchError(QStringLiteral("Cannot create a staging folder beside %1: %2")
                                 .arg(QDir::toNativeSeparators(workspace.path()), m_folder.errorString()));
    m_staging = Database::open(m_folder.filePath(QStringLiteral("staging.ewb")));
    m_staging->markScratch();
    // A scratch file: a crash only means importing again, so no syncing; adopted rows keep the workspace's
    // dimension ids, which the staging file does not hold.
    sql::run(m_staging->sql(), QStringLiteral("PRAGMA synchronous = OFF"));
    sql::run(m_staging->sql(), QStringLiteral("PRAGMA journal_mode = OFF"));
    sql::run(m_staging->sql(), QStringLiteral("PRAGMA foreign_keys = OFF"));
    sql::run(m_staging->sql(),
             QStringLiteral("CREATE TABLE staged_fields (id INTEGER PRIMARY KEY, fields INTEGER NOT NULL)"));
    m_noteFields =
        std::make_unique<Statement>(*m_staging, "INSERT INTO staged_fields (id, fields) VALUES (?1, ?2)"
                                                " ON CONFLICT (id) DO UPDATE SET fields = fields | excluded.fields");
}

StagedImport::~StagedImport()
{
    m_readStored.reset();
    m_copyStored.reset();
    if (m_attached) {
        QSqlQuery detach(m_workspace.sql());
        detach.exec(QStringLiteral("DETACH DATABASE staging")); // best effort: a destructor must not throw
    }
    m_noteFields.reset();
    m_staging.reset();
}

void StagedImport::noteFields(qint64 stagedId, FieldSet fields)
{
    m_noteFields->bind(1, stagedId);
    m_noteFields->bind(2, qint64(fields));
    m_noteFields->step();
    m_noteFields->reset();
}

qint64 StagedImport::adoptFromWorkspace(const QString &conversationId)
{
    // The same columns in the same schema; read from the workspace (a read: no lock anyone waits on). Prepared
    // once: a messages file may name many stored conversations.
    if (!m_readStored) {
        constexpr const char *kColumns = "conversation_id, created_at, escalated, category_id, channel_id, team_id,"
                                         " agent_id, customer_id, escalated_at, ai_confidence, csat,"
                                         " first_contact_resolution, handle_time_seconds, sentiment, transcript,"
                                         " escalation_reason, has_followup, handoff_seq, signals";
        const QByteArray read = QByteArray("SELECT ") + kColumns + " FROM conversations WHERE conversation_id = ?1";
        const QByteArray copy = QByteArray("INSERT INTO conversations (") + kColumns +
                                ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
                                " ?17, ?18, ?19)";
        m_readStored = std::make_unique<Statement>(m_workspace, read.constData());
        m_copyStored = std::make_unique<Statement>(*m_staging, copy.constData());
    }
    m_readStored->bind(1, conversationId, false);
    if (!m_readStored->step()) {
        m_readStored->reset();
        return -1;
    }
    for (int column = 0; column < kAdoptedColumns; ++column)
        m_copyStored->bindColumnOf(column + 1, *m_readStored, column);
    m_copyStored->step();
    m_copyStored->reset();
    m_readStored->reset();
    const qint64 stagedId = sqlite3_last_insert_rowid(m_staging->handle());
    noteFields(stagedId, 0);
    return stagedId;
}

void StagedImport::attach()
{
    sql::run(m_workspace.sql(), QStringLiteral("ATTACH DATABASE :path AS staging"), {{":path", m_staging->path()}});
    m_attached = true;
}

void StagedImport::detach()
{
    if (!m_attached)
        return;
    sql::run(m_workspace.sql(), QStringLiteral("DETACH DATABASE staging"));
    m_attached = false;
}

StagedImport::Published StagedImport::publish(bool bulk)
{
    if (!m_attached)
        throw WorkbenchError(QStringLiteral("The staged import is not attached to the workspace."));
    const QSqlDatabase &db = m_workspace.sql();
    // Dimensions: the workspace's own where the folded name is known (as DimensionCache matches), new ones added.
    sql::run(db, QStringLiteral("INSERT INTO main.dimensions (kind, name, folded) SELECT kind, name, folded FROM"
                                " staging.dimensions WHERE true ON CONFLICT (kind, folded) DO NOTHING"));
    sql::run(db, QStringLiteral("CREATE TEMP TABLE staged_dimensions (sid INTEGER PRIMARY KEY, mid INTEGER NOT NULL)"));
    sql::run(db, QStringLiteral("INSERT INTO temp.staged_dimensions SELECT s.id, m.id FROM staging.dimensions s"
                                " JOIN main.dimensions m ON m.kind = s.kind AND m.folded = s.folded"));
    // Row ids: a stored conversation keeps its id (and so its tags); new ones are numbered after the last in the
    // order they were staged, so that both tables are appended to in key order, without a sort.
    sql::run(db, QStringLiteral("CREATE TEMP TABLE staged_ids (sid INTEGER PRIMARY KEY, mid INTEGER, existed INTEGER"
                                " NOT NULL, fields INTEGER NOT NULL)"));
    sql::run(db, QStringLiteral("INSERT INTO temp.staged_ids SELECT s.id, m.id, m.id IS NOT NULL, f.fields FROM"
                                " staging.conversations s JOIN staging.staged_fields f ON f.id = s.id"
                                " LEFT JOIN main.conversations m ON m.conversation_id = s.conversation_id"));
    sql::run(db, QStringLiteral("UPDATE temp.staged_ids SET mid = n.id FROM (SELECT i.sid, (SELECT coalesce(max(id),"
                                " 0) FROM main.conversations) + row_number() OVER (ORDER BY i.sid) AS id"
                                " FROM temp.staged_ids i WHERE i.existed = 0) n WHERE temp.staged_ids.sid = n.sid"));
    Published published;
    published.inserted =
        sql::scalar(db, QStringLiteral("SELECT count(*) FROM temp.staged_ids WHERE existed = 0")).toLongLong();
    published.updated =
        sql::scalar(db, QStringLiteral("SELECT count(*) FROM temp.staged_ids WHERE existed = 1")).toLongLong();

    if (bulk) {
        for (const schema::IndexDefinition &index : schema::bulkRebuiltIndexes())
            sql::run(db, index.drop);
    }
    // New conversations, whole.
    QStringList columns{QStringLiteral("id"), QStringLiteral("conversation_id")};
    QStringList values{QStringLiteral("i.mid"), QStringLiteral("s.conversation_id")};
    for (const FieldColumns &field : kFieldColumns) {
        for (const char *column : field.columns) {
            if (!column)
                continue;
            columns << QLatin1String(column);
            values << stagedValue(field, column);
        }
    }
    // Table and column names are this file's constants, never data.
    sql::run(db, QStringLiteral("INSERT INTO main.conversations (%1) SELECT %2 FROM staging.conversations s"
                                " JOIN temp.staged_ids i ON i.sid = s.id WHERE i.existed = 0")
                     .arg(columns.join(QStringLiteral(", ")), values.join(QStringLiteral(", "))));
    // Stored conversations: only the fields the source had (a column a file lacks keeps its value).
    QStringList assignments;
    for (const FieldColumns &field : kFieldColumns) {
        for (const char *column : field.columns) {
            if (column)
                assignments << QStringLiteral("%1 = CASE WHEN i.fields & %2 THEN %3 ELSE main.conversations.%1 END")
                                   .arg(QLatin1String(column))
                                   .arg(fieldBit(field.field))
                                   .arg(stagedValue(field, column));
        }
    }
    if (published.updated > 0)
        sql::run(db, QStringLiteral("UPDATE main.conversations SET %1 FROM staging.conversations s JOIN"
                                    " temp.staged_ids i ON i.sid = s.id WHERE i.existed = 1 AND"
                                    " main.conversations.id = i.mid")
                         .arg(assignments.join(QStringLiteral(", "))));
    // Messages: a stored conversation's give way when the source had messages; new ones come whole.
    const FieldSet messagesBit = fieldBit(Field::Messages);
    sql::run(db, QStringLiteral("DELETE FROM main.messages WHERE conversation_ref IN (SELECT mid FROM temp.staged_ids"
                                " WHERE existed = 1 AND fields & %1)")
                     .arg(messagesBit));
    sql::run(db, QStringLiteral("INSERT INTO main.messages (conversation_ref, seq, role, author, text, sent_at)"
                                " SELECT i.mid, m.seq, m.role, m.author, m.text, m.sent_at FROM staging.messages m"
                                " JOIN temp.staged_ids i ON i.sid = m.conversation_ref"
                                " WHERE i.existed = 0 OR i.fields & %1")
                     .arg(messagesBit));
    if (bulk) {
        for (const schema::IndexDefinition &index : schema::bulkRebuiltIndexes())
            sql::run(db, index.create);
    }
    sql::run(db, QStringLiteral("DROP TABLE temp.staged_ids"));
    sql::run(db, QStringLiteral("DROP TABLE temp.staged_dimensions"));
    return published;
}

} // namespace workbench
