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

VerdictChoice verdictsFor(bool escalated)
{
    return escalated ? VerdictChoice{Verdict::CorrectEscalation, Verdict::FalseEscalation}
                     : VerdictChoice{Verdict::CorrectResolution, Verdict::MissedEscalation};
}

bool verdictFits(Verdict verdict, bool escalated)
{
    const VerdictChoice choice = verdictsFor(escalated);
    return verdict == choice.right || verdict == choice.wrong;
}

QString validVerdicts(bool escalated)
{
    const VerdictChoice choice = verdictsFor(escalated);
    return QStringLiteral("%1 or %2").arg(verdictName(choice.right), verdictName(choice.wrong));
}

} // namespace workbench
