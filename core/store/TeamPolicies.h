#pragma once

#include <QSqlDatabase>

/// PostgreSQL only: who may do what in a team workspace, enforced by the server (DATA.md section 5).
namespace workbench::schema::team {

/// The group roles a person's login role joins: `ewb_reviewer` (read, sample, tag as themselves) and
/// `ewb_lead` (everything: import, settings, adjudication). Created when missing (needs CREATEROLE).
void createRoles(const QSqlDatabase &db);

/// Grants, row-level security, the tag audit trigger and the change notices, renewed after every migration
/// (idempotent). Runs inside the caller's transaction.
void installPolicies(const QSqlDatabase &db);

/// The channel every change notice is sent on; the payload names the table that changed.
inline constexpr const char *kChangeChannel = "ewb_changes";

} // namespace workbench::schema::team
