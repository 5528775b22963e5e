#pragma once

#include "Fields.h"

#include <QLatin1StringView>
#include <QString>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace workbench {

enum class Role { Customer, Ai, Agent, System };

/// "customer", "ai", "agent" or "system": the names used in files and in the store.
QString roleName(Role role);
/// The same name as static Latin-1 text, for binding without conversion.
QLatin1StringView roleNameLatin1(Role role);
std::optional<Role> roleFromName(QStringView name);

struct Message {
    Role role = Role::Customer;
    QString text;
    std::optional<qint64> sentAtMsecs;
    QString author;
};

/// One customer contact as DATA.md section 1 defines it. Times are UTC milliseconds since the epoch;
/// empty strings and nullopt mean "not given".
struct Conversation {
    QString conversationId;
    qint64 createdAtMsecs = 0;
    bool escalated = false;
    QString category;
    QString channel;
    QString team;
    QString agent;
    QString customerId;
    std::optional<qint64> escalatedAtMsecs;
    std::optional<double> aiConfidence;
    std::optional<int> csat;
    std::optional<bool> firstContactResolution;
    std::optional<double> handleTimeSeconds;
    std::optional<double> sentiment;
    QString transcript;
    QString escalationReason;
    std::vector<Message> messages;
    /// The turn where the source marks the hand-off (a chat log's transfer call); without it, the hand-off
    /// is the first human-agent turn.
    std::optional<int> handoffSeq;
    /// The fields the source gave (present but empty counts as given: it clears a stored value on update).
    FieldSet presentFields = kAllFields;
};

/// The category stored for a conversation that has none (DATA.md).
inline QString uncategorizedName()
{
    return QStringLiteral("uncategorized");
}

/// The category a conversation is stored under: blank (after trimming) is "uncategorized".
inline QString storedCategory(const QString &category)
{
    return category.trimmed().isEmpty() ? uncategorizedName() : category;
}

/// The kinds of named dimension a conversation refers to; the values are stored.
enum class DimensionKind { Category = 1, Channel = 2, Team = 3, Agent = 4 };

} // namespace workbench
