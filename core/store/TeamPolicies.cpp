#include "TeamPolicies.h"

#include "PostgresConnection.h"
#include "Sql.h"

#include <QStringList>

namespace workbench::schema::team {
namespace {

// Tables everybody reads and only a lead writes: what the import, the settings and the lead's pages change.
const QStringList kLeadWrites = {
    QStringLiteral("dimensions"),    QStringLiteral("conversations"),  QStringLiteral("messages"),
    QStringLiteral("settings"),      QStringLiteral("saved_mappings"), QStringLiteral("events"),
    QStringLiteral("targets"),       QStringLiteral("imports"),        QStringLiteral("reason_codes"),
    QStringLiteral("mask_patterns"), QStringLiteral("workspace_meta"),
};

// Tables a reviewer writes, each row under their own name (row-level security below).
const QStringList kReviewerWrites = {
    QStringLiteral("tags"),    QStringLiteral("tag_history"),  QStringLiteral("review_drafts"),
    QStringLiteral("samples"), QStringLiteral("sample_items"),
};

} // namespace

void createRoles(const QSqlDatabase &db)
{
    // DO blocks: CREATE ROLE has no IF NOT EXISTS; roles belong to the cluster, so a second workspace on the
    // same server shares them.
    for (const char *role : {"ewb_reviewer", "ewb_lead"})
        sql::run(db, QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1') THEN"
                                    " CREATE ROLE %1 NOLOGIN; END IF; END $$")
                         .arg(QLatin1String(role)));
}

void installPolicies(const QSqlDatabase &db)
{
    sql::run(db, QStringLiteral("GRANT USAGE ON SCHEMA public TO ewb_reviewer, ewb_lead"));
    sql::run(db, QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO ewb_reviewer"));
    sql::run(db, QStringLiteral("GRANT ALL ON ALL TABLES IN SCHEMA public TO ewb_lead"));
    sql::run(db, QStringLiteral("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ewb_reviewer, ewb_lead"));
    for (const QString &table : kLeadWrites)
        sql::run(db, QStringLiteral("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %1 FROM ewb_reviewer").arg(table));
    for (const QString &table : kReviewerWrites)
        sql::run(db, QStringLiteral("GRANT INSERT, UPDATE, DELETE ON %1 TO ewb_reviewer").arg(table));

    // Row-level security: a reviewer's rows carry their own login, whatever the client sends.
    for (const char *table : {"tags", "tag_history", "review_drafts"}) {
        const QString name = QLatin1String(table);
        sql::run(db, QStringLiteral("ALTER TABLE %1 ENABLE ROW LEVEL SECURITY").arg(name));
        for (const char *policy : {"everyone_reads", "own_rows", "lead_all"})
            sql::run(db, QStringLiteral("DROP POLICY IF EXISTS %1 ON %2").arg(QLatin1String(policy), name));
        sql::run(db, QStringLiteral("CREATE POLICY everyone_reads ON %1 FOR SELECT USING (true)").arg(name));
        sql::run(db,
                 QStringLiteral("CREATE POLICY lead_all ON %1 TO ewb_lead USING (true) WITH CHECK (true)").arg(name));
    }
    // A reviewer writes review tags under their own name and changes or undoes only their own.
    sql::run(db, QStringLiteral("CREATE POLICY own_rows ON tags TO ewb_reviewer USING (reviewer = session_user)"
                                " WITH CHECK (reviewer = session_user AND role = 'review')"));
    sql::run(db, QStringLiteral("CREATE POLICY own_rows ON tag_history TO ewb_reviewer USING (reviewer = session_user)"
                                " WITH CHECK (reviewer = session_user)"));
    sql::run(db, QStringLiteral("CREATE POLICY own_rows ON review_drafts TO ewb_reviewer USING (reviewer ="
                                " session_user) WITH CHECK (reviewer = session_user)"));
    // A reviewer reads drafts of nobody else: a draft is work in progress, and a blind review's note.
    sql::run(db, QStringLiteral("DROP POLICY everyone_reads ON review_drafts"));

    // The audit: every change of a tag, written by the server itself (reviewers cannot write this table).
    // Written in the schema's SQLite form and translated like every migration (identity key, COLLATE "C").
    sql::run(db, postgres::translateSchemaStatement(
                     QStringLiteral("CREATE TABLE IF NOT EXISTS tag_audit ("
                                    " id INTEGER PRIMARY KEY,"
                                    " changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),"
                                    " changed_by TEXT NOT NULL DEFAULT session_user,"
                                    " operation TEXT NOT NULL,"
                                    " tag_id INTEGER NOT NULL,"
                                    " conversation_ref INTEGER NOT NULL,"
                                    " reviewer TEXT, role TEXT, old_verdict TEXT, new_verdict TEXT,"
                                    " old_reason TEXT, new_reason TEXT)")));
    sql::run(db, QStringLiteral("REVOKE ALL ON tag_audit FROM ewb_reviewer, ewb_lead"));
    sql::run(db, QStringLiteral("GRANT SELECT ON tag_audit TO ewb_lead"));
    sql::run(db, QStringLiteral(
                     "CREATE OR REPLACE FUNCTION ewb_audit_tag() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
                     " SET search_path = public, pg_temp AS $$ BEGIN"
                     "  IF TG_OP = 'DELETE' THEN"
                     "   INSERT INTO tag_audit (operation, tag_id, conversation_ref, reviewer, role, old_verdict,"
                     "    old_reason) VALUES ('delete', OLD.id, OLD.conversation_ref, OLD.reviewer, OLD.role,"
                     "    OLD.verdict, OLD.reason);"
                     "   RETURN OLD;"
                     "  ELSIF TG_OP = 'UPDATE' THEN"
                     "   INSERT INTO tag_audit (operation, tag_id, conversation_ref, reviewer, role, old_verdict,"
                     "    new_verdict, old_reason, new_reason) VALUES ('update', NEW.id, NEW.conversation_ref,"
                     "    NEW.reviewer, NEW.role, OLD.verdict, NEW.verdict, OLD.reason, NEW.reason);"
                     "  ELSE"
                     "   INSERT INTO tag_audit (operation, tag_id, conversation_ref, reviewer, role, new_verdict,"
                     "    new_reason) VALUES ('insert', NEW.id, NEW.conversation_ref, NEW.reviewer, NEW.role,"
                     "    NEW.verdict, NEW.reason);"
                     "  END IF;"
                     "  RETURN NEW;"
                     " END $$"));
    sql::run(db, QStringLiteral("REVOKE ALL ON FUNCTION ewb_audit_tag() FROM PUBLIC"));
    sql::run(db, QStringLiteral("DROP TRIGGER IF EXISTS tags_audit ON tags"));
    sql::run(db, QStringLiteral("CREATE TRIGGER tags_audit AFTER INSERT OR UPDATE OR DELETE ON tags"
                                " FOR EACH ROW EXECUTE FUNCTION ewb_audit_tag()"));

    // Change notices: the other windows re-read what changed (LISTEN/NOTIFY; delivered at commit).
    sql::run(db, QStringLiteral("CREATE OR REPLACE FUNCTION ewb_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$"
                                " BEGIN PERFORM pg_notify('%1', TG_TABLE_NAME); RETURN NULL; END $$")
                     .arg(QLatin1String(kChangeChannel)));
    for (const char *table : {"tags", "samples", "sample_items", "conversations", "settings", "events"}) {
        const QString name = QLatin1String(table);
        sql::run(db, QStringLiteral("DROP TRIGGER IF EXISTS %1_notify ON %1").arg(name));
        sql::run(db, QStringLiteral("CREATE TRIGGER %1_notify AFTER INSERT OR UPDATE OR DELETE ON %1"
                                    " FOR EACH STATEMENT EXECUTE FUNCTION ewb_notify_change()")
                         .arg(name));
    }
}

} // namespace workbench::schema::team
