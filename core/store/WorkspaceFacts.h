#pragma once

#include "common/Period.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace workbench {

class Database;

/// Conversations and escalations of one group (a month, a category).
struct VolumeFacts {
    qint64 conversations = 0;
    qint64 escalated = 0;
    /// E / N; nullopt for an empty group.
    std::optional<double> escalationRate() const;
};

struct MonthVolume {
    Period month;
    VolumeFacts volume;
};

struct CategoryVolume {
    QString name;
    VolumeFacts volume;
};

/// A dated event (launch, policy change) that explains a change in the figures.
struct WorkspaceEvent {
    qint64 id = 0;
    QDate date;
    QString kind;
    QString label;
};

/// What a workspace holds, for the Data page and `status`-style summaries.
struct WorkspaceFacts {
    VolumeFacts total;
    qint64 customers = 0;
    qint64 withFollowup = 0;
    qint64 rated = 0;
    qint64 channels = 0;
    qint64 teams = 0;
    qint64 agents = 0;
    std::optional<qint64> firstCreatedMsecs;
    std::optional<qint64> lastCreatedMsecs;
    /// Every calendar month (UTC) from the first conversation to the last, empty months included.
    std::vector<MonthVolume> months;
    /// Categories by conversations descending, then name (code point order).
    std::vector<CategoryVolume> categories;
    /// Events by date.
    std::vector<WorkspaceEvent> events;
};

/// Reads the facts with a handful of index-backed queries.
WorkspaceFacts loadWorkspaceFacts(Database &db);

/// The number of conversations stored (cheap).
qint64 conversationCount(Database &db);
/// True when the workspace holds a conversation (one row read, whatever its size).
bool hasConversations(Database &db);

/// Every event by date (then as entered).
std::vector<WorkspaceEvent> listEvents(Database &db);
/// Stores an event (a product launch, a policy change, ...) shown on the trend; returns its id. Throws
/// WorkbenchError for an invalid date or an empty label.
qint64 addEvent(Database &db, const QDate &date, const QString &kind, const QString &label);
void removeEvent(Database &db, qint64 id);

/// Every category name stored, in code point order (the dimension table: cheap at any size).
QStringList categoryNames(Database &db);

} // namespace workbench
