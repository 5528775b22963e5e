#pragma once

#include <QString>

#include <optional>

namespace workbench {

/// A reviewer's judgement of one conversation (METRICS.md "Review verdicts").
enum class Verdict { CorrectEscalation, FalseEscalation, CorrectResolution, MissedEscalation };

/// "correct_escalation", "false_escalation", "correct_resolution", "missed_escalation".
QString verdictName(Verdict verdict);
std::optional<Verdict> verdictFromName(QStringView name);
/// Escalated conversations take correct/false escalation; contained ones correct resolution/missed escalation.
bool verdictFits(Verdict verdict, bool escalated);
/// The two verdicts valid for a conversation, e.g. "correct_escalation or false_escalation".
QString validVerdicts(bool escalated);

} // namespace workbench
