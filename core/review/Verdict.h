#pragma once

#include <QString>

#include <optional>

namespace workbench {

/// A reviewer's judgement of one conversation (METRICS.md "Review verdicts").
enum class Verdict { CorrectEscalation, FalseEscalation, CorrectResolution, MissedEscalation };

/// "correct_escalation", "false_escalation", "correct_resolution", "missed_escalation".
QString verdictName(Verdict verdict);
std::optional<Verdict> verdictFromName(QStringView name);
/// The two verdicts a conversation can take: the AI's choice was right, or it was wrong.
struct VerdictChoice {
    Verdict right; ///< correct escalation / correct resolution
    Verdict wrong; ///< false escalation / missed escalation
};
/// Escalated conversations take correct/false escalation; contained ones correct resolution/missed escalation.
VerdictChoice verdictsFor(bool escalated);
bool verdictFits(Verdict verdict, bool escalated);
/// The two verdicts valid for a conversation, e.g. "correct_escalation or false_escalation".
QString validVerdicts(bool escalated);

} // namespace workbench
