#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace workbench {

/// The fields of a conversation (DATA.md section 1), in canonical column order.
enum class Field : int {
    ConversationId,
    CreatedAt,
    Escalated,
    Category,
    Channel,
    Team,
    Agent,
    CustomerId,
    EscalatedAt,
    AiConfidence,
    Csat,
    FirstContactResolution,
    HandleTimeSeconds,
    Sentiment,
    Transcript,
    EscalationReason,
    Messages,
    Count
};

/// A set of fields, one bit per Field: which fields a source file has.
using FieldSet = quint32;

constexpr FieldSet fieldBit(Field field)
{
    return FieldSet(1) << int(field);
}
constexpr FieldSet kAllFields = (FieldSet(1) << int(Field::Count)) - 1;
constexpr FieldSet kRequiredFields =
    fieldBit(Field::ConversationId) | fieldBit(Field::CreatedAt) | fieldBit(Field::Escalated);

/// The canonical name: "conversation_id", "created_at", ...
QString fieldName(Field field);
/// The field named `name` (trimmed, any case); nullopt for an unknown name.
std::optional<Field> fieldFromName(QStringView name);

} // namespace workbench
