#pragma once

#include "model/Fields.h"

#include <array>

namespace workbench {

/// The stored column(s) of each field a source may have or lack, in Field order after the id; Messages stand for
/// the facts derived from them. ConversationWriter binds its parameters in this order (?1 the id, then ?2, ?3...
/// for the columns as listed), and a staged import publishes by it; dimension columns hold a dimension's id.
struct FieldColumns {
    Field field;
    std::array<const char *, 2> columns;
    bool dimension = false;
};

inline constexpr FieldColumns kFieldColumns[] = {
    {Field::CreatedAt, {"created_at", nullptr}},
    {Field::Escalated, {"escalated", nullptr}},
    {Field::Category, {"category_id", nullptr}, true},
    {Field::Channel, {"channel_id", nullptr}, true},
    {Field::Team, {"team_id", nullptr}, true},
    {Field::Agent, {"agent_id", nullptr}, true},
    {Field::CustomerId, {"customer_id", nullptr}},
    {Field::EscalatedAt, {"escalated_at", nullptr}},
    {Field::AiConfidence, {"ai_confidence", nullptr}},
    {Field::Csat, {"csat", nullptr}},
    {Field::FirstContactResolution, {"first_contact_resolution", nullptr}},
    {Field::HandleTimeSeconds, {"handle_time_seconds", nullptr}},
    {Field::Sentiment, {"sentiment", nullptr}},
    {Field::Transcript, {"transcript", nullptr}},
    {Field::EscalationReason, {"escalation_reason", nullptr}},
    {Field::Messages, {"handoff_seq", "signals"}},
};

} // namespace workbench
