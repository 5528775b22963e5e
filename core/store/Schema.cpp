#include "Schema.h"

#include "PostgresConnection.h"
#include "Sql.h"
#include "TeamPolicies.h"
#include "common/WorkbenchError.h"

#include <QSqlQuery>

#include <functional>

namespace workbench::schema {

const std::vector<IndexDefinition> &bulkRebuiltIndexes()
{
    static const std::vector<IndexDefinition> indexes = {
        {QStringLiteral("conversations_by_time"),
         QStringLiteral("CREATE INDEX conversations_by_time ON conversations (created_at, escalated, category_id)"),
         QStringLiteral("DROP INDEX IF EXISTS conversations_by_time")},
    };
    return indexes;
}

const std::vector<MigrationStep> &migrationSteps()
{
    static const std::vector<MigrationStep> steps = {
        {1,
         QStringLiteral("conversations, their messages, named dimensions and settings"),
         {
             // Category, channel, team and agent names, matched by their case-folded form; `name` keeps
             // the spelling first stored, which is the one displayed.
             QStringLiteral("CREATE TABLE dimensions ("
                            " id INTEGER PRIMARY KEY,"
                            " kind INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 4),"
                            " name TEXT NOT NULL,"
                            " folded TEXT NOT NULL,"
                            " UNIQUE (kind, folded))"),
             QStringLiteral("CREATE TABLE conversations ("
                            " id INTEGER PRIMARY KEY,"
                            " conversation_id TEXT NOT NULL UNIQUE,"
                            " created_at INTEGER NOT NULL,"
                            " escalated INTEGER NOT NULL CHECK (escalated IN (0, 1)),"
                            " category_id INTEGER NOT NULL REFERENCES dimensions (id),"
                            " channel_id INTEGER REFERENCES dimensions (id),"
                            " team_id INTEGER REFERENCES dimensions (id),"
                            " agent_id INTEGER REFERENCES dimensions (id),"
                            " customer_id TEXT,"
                            " escalated_at INTEGER,"
                            " ai_confidence REAL CHECK (ai_confidence BETWEEN 0 AND 1),"
                            " csat INTEGER CHECK (csat BETWEEN 1 AND 5),"
                            " first_contact_resolution INTEGER CHECK (first_contact_resolution IN (0, 1)),"
                            " handle_time_seconds REAL CHECK (handle_time_seconds >= 0),"
                            " sentiment REAL CHECK (sentiment BETWEEN -1 AND 1),"
                            " transcript TEXT,"
                            " escalation_reason TEXT,"
                            " has_followup INTEGER NOT NULL DEFAULT 0,"
                            " handoff_seq INTEGER,"
                            " signals INTEGER NOT NULL DEFAULT 0)"),
             // Period scans (every figure is bucketed by created_at) read only this index.
             QStringLiteral("CREATE INDEX conversations_by_time"
                            " ON conversations (created_at, escalated, category_id)"),
             // The 48 h follow-up join: same customer, same category, next contact in time.
             QStringLiteral("CREATE INDEX conversations_by_customer"
                            " ON conversations (customer_id, category_id, created_at)"
                            " WHERE customer_id IS NOT NULL"),
             QStringLiteral("CREATE TABLE messages ("
                            " conversation_ref INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
                            " seq INTEGER NOT NULL,"
                            " role TEXT NOT NULL CHECK (role IN ('customer', 'ai', 'agent', 'system')),"
                            " author TEXT,"
                            " text TEXT NOT NULL,"
                            " sent_at INTEGER,"
                            " PRIMARY KEY (conversation_ref, seq)) WITHOUT ROWID"),
             QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"),
         }},
        {2,
         QStringLiteral("review samples, tags and their history"),
         {
             QStringLiteral("CREATE TABLE samples ("
                            " id INTEGER PRIMARY KEY,"
                            " period TEXT NOT NULL,"
                            " population TEXT NOT NULL CHECK (population IN ('escalated', 'contained')),"
                            " method TEXT NOT NULL CHECK (method IN ('random', 'targeted')),"
                            " seed INTEGER,"
                            " requested_size INTEGER NOT NULL CHECK (requested_size > 0),"
                            " created_at INTEGER NOT NULL,"
                            " created_by TEXT)"),
             QStringLiteral("CREATE TABLE sample_items ("
                            " sample_id INTEGER NOT NULL REFERENCES samples (id) ON DELETE CASCADE,"
                            " position INTEGER NOT NULL,"
                            " conversation_ref INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
                            " skipped INTEGER NOT NULL DEFAULT 0,"
                            " PRIMARY KEY (sample_id, position),"
                            " UNIQUE (sample_id, conversation_ref))"),
             QStringLiteral("CREATE INDEX sample_items_by_conversation ON sample_items (conversation_ref)"),
             QStringLiteral("CREATE TABLE tags ("
                            " id INTEGER PRIMARY KEY,"
                            " conversation_ref INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
                            " reviewer TEXT NOT NULL,"
                            " verdict TEXT NOT NULL CHECK (verdict IN ('correct_escalation', 'false_escalation',"
                            "                                          'correct_resolution', 'missed_escalation')),"
                            " reason TEXT,"
                            " note TEXT,"
                            " corrected_category_id INTEGER REFERENCES dimensions (id),"
                            " takeover_seq INTEGER,"
                            " tagged_at INTEGER NOT NULL)"),
             // The verdict is the latest tag: (tagged_at, id) orders ties by storage order.
             QStringLiteral("CREATE INDEX tags_by_conversation ON tags (conversation_ref, tagged_at, id)"),
             QStringLiteral(
                 "CREATE TABLE tag_history ("
                 " id INTEGER PRIMARY KEY,"
                 " conversation_ref INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
                 " reviewer TEXT NOT NULL,"
                 " changed_at INTEGER NOT NULL,"
                 " action TEXT NOT NULL CHECK (action IN ('set', 'change', 'undo', 'redo', 'remove', 'import')),"
                 " from_verdict TEXT,"
                 " to_verdict TEXT,"
                 " from_reason TEXT,"
                 " to_reason TEXT,"
                 " detail TEXT)"),
             QStringLiteral("CREATE INDEX tag_history_by_conversation ON tag_history (conversation_ref, changed_at)"),
         }},
        {3,
         QStringLiteral("saved mappings, events, targets and the import log"),
         {
             QStringLiteral("CREATE TABLE saved_mappings ("
                            " name TEXT PRIMARY KEY,"
                            " format TEXT NOT NULL,"
                            " definition TEXT NOT NULL,"
                            " updated_at INTEGER NOT NULL) WITHOUT ROWID"),
             QStringLiteral("CREATE TABLE events ("
                            " id INTEGER PRIMARY KEY,"
                            " occurred_on TEXT NOT NULL,"
                            " kind TEXT NOT NULL,"
                            " label TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE targets ("
                            " quarter TEXT NOT NULL,"
                            " metric TEXT NOT NULL,"
                            " value REAL NOT NULL,"
                            " PRIMARY KEY (quarter, metric)) WITHOUT ROWID"),
             QStringLiteral("CREATE TABLE imports ("
                            " id INTEGER PRIMARY KEY,"
                            " finished_at INTEGER NOT NULL,"
                            " files TEXT NOT NULL,"
                            " format TEXT NOT NULL,"
                            " inserted INTEGER NOT NULL,"
                            " updated INTEGER NOT NULL,"
                            " skipped INTEGER NOT NULL,"
                            " warnings INTEGER NOT NULL)"),
         }},
        {4,
         QStringLiteral("follow-ups computed by one sorted pass instead of a customer index"),
         {
             // Follow-ups are computed once per import from a table scan sorted in memory: faster than keeping
             // an index of text keys current during bulk loads, and no query reads that index.
             QStringLiteral("DROP INDEX IF EXISTS conversations_by_customer"),
         }},
        {5,
         QStringLiteral("the verdict of a conversation as a view"),
         {
             // METRICS.md: a conversation's verdict is its latest tag by tagged_at, a tie going to the tag stored
             // last. Every query that needs a verdict reads it here, so the rule is written once.
             QStringLiteral("CREATE VIEW verdicts AS"
                            " SELECT t.conversation_ref, t.id AS tag_id, t.reviewer, t.verdict, t.reason, t.tagged_at"
                            " FROM tags AS t WHERE t.id = (SELECT latest.id FROM tags AS latest"
                            "   WHERE latest.conversation_ref = t.conversation_ref"
                            "   ORDER BY latest.tagged_at DESC, latest.id DESC LIMIT 1)"),
         }},
        {6,
         QStringLiteral("reason codes per verdict and category, with the default lists"),
         {
             // category holds the case-folded category name, '' for a code offered in every category: a lead can
             // prepare a category's codes before its conversations are imported.
             QStringLiteral("CREATE TABLE reason_codes ("
                            " verdict TEXT NOT NULL CHECK (verdict IN ('correct_escalation', 'false_escalation',"
                            "                                          'correct_resolution', 'missed_escalation')),"
                            " category TEXT NOT NULL DEFAULT '',"
                            " code TEXT NOT NULL CHECK (length(code) > 0),"
                            " position INTEGER NOT NULL,"
                            " PRIMARY KEY (verdict, category, code)) WITHOUT ROWID"),
             // The defaults come from the mission: what the AI had and missed, what only a person can do.
             QStringLiteral("INSERT INTO reason_codes (verdict, code, position) VALUES"
                            " ('false_escalation', 'tracking_data_available', 1),"
                            " ('false_escalation', 'return_policy_half_answered', 2),"
                            " ('false_escalation', 'product_info_in_catalog', 3),"
                            " ('false_escalation', 'kb_article_existed', 4),"
                            " ('false_escalation', 'handed_off_without_trying', 5),"
                            " ('correct_escalation', 'policy_exception_needed', 1),"
                            " ('correct_escalation', 'legal_or_regulatory', 2),"
                            " ('correct_escalation', 'angry_customer', 3),"
                            " ('correct_escalation', 'account_action_needed', 4),"
                            " ('correct_escalation', 'ai_gave_wrong_answer', 5),"
                            " ('missed_escalation', 'wrong_answer', 1),"
                            " ('missed_escalation', 'generic_deflection', 2),"
                            " ('missed_escalation', 'loop', 3),"
                            " ('missed_escalation', 'policy_exception_needed', 4),"
                            " ('missed_escalation', 'legal_or_regulatory', 5),"
                            " ('missed_escalation', 'angry_customer', 6),"
                            " ('correct_resolution', 'fully_answered', 1),"
                            " ('correct_resolution', 'self_service_link', 2),"
                            " ('correct_resolution', 'customer_confirmed', 3)"),
         }},
        {7,
         QStringLiteral("the user's masking patterns"),
         {
             // Patterns the PDF (and the screen, when asked) masks beside emails, phones and card numbers: order
             // numbers, customer ids, whatever the business considers personal.
             QStringLiteral("CREATE TABLE mask_patterns ("
                            " id INTEGER PRIMARY KEY,"
                            " pattern TEXT NOT NULL UNIQUE CHECK (length(pattern) > 0),"
                            " label TEXT NOT NULL DEFAULT 'masked')"),
         }},
        {8,
         QStringLiteral(
             "review drafts, the role of a tag, and 'customer asked for a person' among the default reasons"),
         {
             // What a reviewer prepared for a conversation (reason, note, category, take-over turn) and has not
             // committed yet: kept per reviewer so that moving away, or a killed program, loses none of it.
             QStringLiteral("CREATE TABLE review_drafts ("
                            " conversation_ref INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
                            " reviewer TEXT NOT NULL,"
                            " reason_verdict TEXT,"
                            " reason TEXT,"
                            " note TEXT,"
                            " corrected_category TEXT,"
                            " takeover_seq INTEGER,"
                            " updated_at INTEGER NOT NULL,"
                            " PRIMARY KEY (conversation_ref, reviewer)) WITHOUT ROWID"),
             // METRICS.md, several reviewers: a lead's adjudication tag settles a disagreement.
             QStringLiteral("ALTER TABLE tags ADD COLUMN role TEXT NOT NULL DEFAULT 'review'"
                            " CHECK (role IN ('review', 'adjudication'))"),
             QStringLiteral("DROP VIEW verdicts"),
             // The verdict: the latest adjudication tag when there is one, else the latest tag (a tie goes to
             // the tag stored last). Without adjudications this is exactly the rule of schema 5.
             QStringLiteral("CREATE VIEW verdicts AS"
                            " SELECT t.conversation_ref, t.id AS tag_id, t.reviewer, t.verdict, t.reason, t.tagged_at"
                            " FROM tags AS t WHERE t.id = (SELECT latest.id FROM tags AS latest"
                            "   WHERE latest.conversation_ref = t.conversation_ref"
                            "   ORDER BY latest.role = 'adjudication' DESC, latest.tagged_at DESC, latest.id DESC"
                            "   LIMIT 1)"),
             // The most common right reason to hand off: the customer asked for a person. Listed first.
             QStringLiteral("INSERT OR IGNORE INTO reason_codes (verdict, code, position) VALUES"
                            " ('correct_escalation', 'customer_asked_for_a_person', 0)"),
         }},
    };
    return steps;
}

void migrate(const QSqlDatabase &db, int fromVersion, int toVersion)
{
    for (const MigrationStep &step : migrationSteps()) {
        if (step.version <= fromVersion || step.version > toVersion)
            continue;
        sql::run(db, QStringLiteral("BEGIN IMMEDIATE"));
        try {
            // Another process may have migrated while this one waited for the write lock.
            const int current = sql::scalar(db, QStringLiteral("PRAGMA user_version")).toInt();
            if (current < step.version) {
                for (const QString &statement : step.statements)
                    sql::run(db, statement);
                // PRAGMA takes no bound values; the version is a compile-time integer, not data.
                sql::run(db, QStringLiteral("PRAGMA user_version = %1").arg(step.version));
            }
            sql::run(db, QStringLiteral("COMMIT"));
        } catch (const WorkbenchError &error) {
            QSqlQuery rollback(db);
            rollback.exec(QStringLiteral("ROLLBACK"));
            throw WorkbenchError(QStringLiteral("Could not upgrade the workspace to schema version %1 (%2): %3")
                                     .arg(step.version)
                                     .arg(step.summary, error.message()));
        }
    }
}

int postgresVersion(const QSqlDatabase &db)
{
    if (!sql::scalar(db, QStringLiteral("SELECT to_regclass('workspace_meta') IS NOT NULL")).toBool())
        return 0;
    return sql::scalar(db, QStringLiteral("SELECT value FROM workspace_meta WHERE key = 'schema_version'")).toInt();
}

namespace {

// One lock number for every client of every workspace database: migrations are rare and short.
constexpr const char *kMigrationLock = "SELECT pg_advisory_xact_lock(1163346481)";

void runInPostgresTransaction(const QSqlDatabase &db, const QString &what, const std::function<void()> &work)
{
    sql::run(db, QStringLiteral("BEGIN"));
    try {
        sql::run(db, QLatin1String(kMigrationLock));
        work();
        sql::run(db, QStringLiteral("COMMIT"));
    } catch (const WorkbenchError &error) {
        QSqlQuery rollback(db);
        rollback.exec(QStringLiteral("ROLLBACK"));
        throw WorkbenchError(QStringLiteral("%1: %2").arg(what, error.message()));
    }
}

} // namespace

void migratePostgres(const QSqlDatabase &db, int fromVersion, int toVersion)
{
    for (const MigrationStep &step : migrationSteps()) {
        if (step.version <= fromVersion || step.version > toVersion)
            continue;
        runInPostgresTransaction(
            db,
            QStringLiteral("Could not upgrade the workspace to schema version %1 (%2)")
                .arg(step.version)
                .arg(step.summary),
            [&] {
                if (postgresVersion(db) >= step.version)
                    return;
                for (const QString &statement : step.statements)
                    sql::run(db, postgres::translateSchemaStatement(statement));
                sql::run(db, QStringLiteral("UPDATE workspace_meta SET value = :version WHERE key = 'schema_version'"),
                         {{":version", QString::number(step.version)}});
            });
    }
    runInPostgresTransaction(db, QStringLiteral("Could not set up the team's roles and policies"),
                             [&] { team::installPolicies(db); });
}

void initPostgres(const QSqlDatabase &db)
{
    runInPostgresTransaction(db, QStringLiteral("Could not create the workspace"), [&] {
        team::createRoles(db);
        sql::run(db, QStringLiteral("CREATE TABLE IF NOT EXISTS workspace_meta (key TEXT COLLATE \"C\" PRIMARY KEY,"
                                    " value TEXT NOT NULL)"));
        sql::run(db, QStringLiteral("INSERT INTO workspace_meta (key, value) VALUES ('schema_version', '0'),"
                                    " ('application', 'escalation-workbench') ON CONFLICT (key) DO NOTHING"));
    });
    migratePostgres(db, postgresVersion(db));
}

} // namespace workbench::schema
