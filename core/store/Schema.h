#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <vector>

namespace workbench::schema {

/// The schema version this build writes (`PRAGMA user_version`).
constexpr int kCurrentVersion = 8;
/// `PRAGMA application_id` of a workspace file ("EWB1"), to tell a workspace from any other SQLite file.
constexpr int kApplicationId = 0x45574231;

/// One ordered step of the schema history; applying step N turns a version N-1 file into version N.
struct MigrationStep {
    int version;
    QString summary;
    QStringList statements;
};

/// Every step from version 1 on, in order. Steps are never edited once released; changes add a step.
const std::vector<MigrationStep> &migrationSteps();

/// A secondary index of the current schema. A bulk import drops these and builds them again by sorting,
/// which is several times faster than growing them row by row; a step that changes one updates this list.
struct IndexDefinition {
    QString name;
    QString create;
    QString drop;
};
const std::vector<IndexDefinition> &bulkRebuiltIndexes();

/// Applies the steps after `fromVersion` up to `toVersion`, each in its own transaction with the version bump.
/// Throws WorkbenchError when a step fails (that step is rolled back; earlier ones stay).
void migrate(const QSqlDatabase &db, int fromVersion, int toVersion = kCurrentVersion);

/// PostgreSQL: the version in `workspace_meta` (0 when the database holds no workspace).
int postgresVersion(const QSqlDatabase &db);
/// PostgreSQL: the same steps, translated (postgres::translateSchemaStatement), each in its own transaction
/// under an advisory lock so that two clients starting at once migrate once.
void migratePostgres(const QSqlDatabase &db, int fromVersion, int toVersion = kCurrentVersion);
/// PostgreSQL: creates the version table when missing, migrates, and installs the team's roles and policies.
void initPostgres(const QSqlDatabase &db);

} // namespace workbench::schema
