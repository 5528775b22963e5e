#include "ReviewBadges.h"

#include "ConversationDetails.h"
#include "store/DerivedFacts.h"

namespace workbench {

std::vector<ReviewBadge> reviewBadges(const ConversationDetails &details)
{
    std::vector<ReviewBadge> badges;
    const Conversation &c = details.conversation;
    if (c.csat && *c.csat <= kLowCsatAtMost)
        badges.push_back(ReviewBadge::LowCsat);
    if (details.hasFollowup)
        badges.push_back(ReviewBadge::FollowupWithin48h);
    if (c.aiConfidence && *c.aiConfidence < kLowAiConfidenceBelow)
        badges.push_back(ReviewBadge::LowAiConfidence);
    if (details.signalMask & int(Signal::AskedForPerson))
        badges.push_back(ReviewBadge::AskedForPerson);
    if (details.signalMask & int(Signal::RepeatedQuestion))
        badges.push_back(ReviewBadge::RepeatedQuestion);
    return badges;
}

QString badgeLabel(ReviewBadge badge)
{
    switch (badge) {
    case ReviewBadge::LowCsat:
        return QStringLiteral("Low CSAT");
    case ReviewBadge::FollowupWithin48h:
        return QStringLiteral("Follow-up within 48 h");
    case ReviewBadge::LowAiConfidence:
        return QStringLiteral("Low AI confidence");
    case ReviewBadge::AskedForPerson:
        return QStringLiteral("Asked for a person");
    case ReviewBadge::RepeatedQuestion:
        return QStringLiteral("Repeated question");
    }
    return {};
}

QString badgeExplanation(ReviewBadge badge)
{
    switch (badge) {
    case ReviewBadge::LowCsat:
        return QStringLiteral("The customer rated the contact %1 or lower out of 5.").arg(kLowCsatAtMost);
    case ReviewBadge::FollowupWithin48h:
        return QStringLiteral("The same customer contacted support again about the same category within 48 hours.");
    case ReviewBadge::LowAiConfidence:
        return QStringLiteral("The AI's confidence was below %1.").arg(kLowAiConfidenceBelow);
    case ReviewBadge::AskedForPerson:
        return QStringLiteral("The customer asked to speak to a person.");
    case ReviewBadge::RepeatedQuestion:
        return QStringLiteral("The customer asked the same thing twice.");
    }
    return {};
}

} // namespace workbench
