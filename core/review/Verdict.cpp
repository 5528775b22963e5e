#include "Verdict.h"

namespace workbench {

QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::CorrectEscalation:
        return QStringLiteral("correct_escalation");
    case Verdict::FalseEscalation:
        return QStringLiteral("false_escalation");
    case Verdict::CorrectResolution:
        return QStringLiteral("correct_resolution");
    case Verdict::MissedEscalation:
        return QStringLiteral("missed_escalation");
    }
    return {};
}

std::optional<Verdict> verdictFromName(QStringView name)
{
    for (Verdict verdict : {Verdict::CorrectEscalation, Verdict::FalseEscalation, Verdict::CorrectResolution,
                            Verdict::MissedEscalation}) {
        if (name.trimmed().compare(verdictName(verdict), Qt::CaseInsensitive) == 0)
            return verdict;
    }
    return std::nullopt;
}

bool verdictFits(Verdict verdict, bool escalated)
{
    const bool forEscalated = verdict == Verdict::CorrectEscalation || verdict == Verdict::FalseEscalation;
    return forEscalated == escalated;
}

QString validVerdicts(bool escalated)
{
    return escalated ? QStringLiteral("correct_escalation or false_escalation")
                     : QStringLiteral("correct_resolution or missed_escalation");
}

} // namespace workbench
