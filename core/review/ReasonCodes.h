#pragma once

#include "Verdict.h"

#include <QString>
#include <QStringList>

namespace workbench {

class Database;

/// The reason codes offered for a verdict in a category: the codes for every category (in their order),
/// then the category's own. The defaults come with the workspace (schema 6); the lists are the user's to edit.
QStringList reasonCodes(Database &db, Verdict verdict, const QString &category);

/// One stored list: `category` empty for the codes offered in every category.
QStringList storedReasonCodes(Database &db, Verdict verdict, const QString &category);

/// Replaces one stored list, in one transaction. Codes are trimmed; an empty code, one over 60 characters,
/// one with a line break or a repeated one is refused (WorkbenchError naming it) and nothing changes.
void setReasonCodes(Database &db, Verdict verdict, const QString &category, const QStringList &codes);

/// Refuses (WorkbenchError listing the valid codes) a reason that is not among `verdict`'s codes in `category`.
/// An empty reason is always fine.
void requireReasonCode(Database &db, Verdict verdict, const QString &category, const QString &reason);
/// Adds `code` to `verdict`'s codes offered in every category (last), unless it is there; validated as setReasonCodes
/// does.
void addReasonCode(Database &db, Verdict verdict, const QString &code);

} // namespace workbench
