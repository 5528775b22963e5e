#pragma once

#include <QString>

#include <vector>

namespace workbench {

struct ConversationDetails;

/// The signals a reviewer sees as badges (PRODUCT.md, Review): hints of a missed escalation, not verdicts.
enum class ReviewBadge { LowCsat, FollowupWithin48h, LowAiConfidence, AskedForPerson, RepeatedQuestion };

/// CSAT at or below this is "low": the bottom two of five, the opposite of "satisfied" (csat >= 4).
constexpr int kLowCsatAtMost = 2;
/// AI confidence below this is "low": the AI was guessing more than knowing.
constexpr double kLowAiConfidenceBelow = 0.5;

/// The badges of one conversation, in the order above.
std::vector<ReviewBadge> reviewBadges(const ConversationDetails &details);

/// "Low CSAT", "Follow-up within 48 h", ...: the badge's label.
QString badgeLabel(ReviewBadge badge);
/// What the badge means, for its tooltip.
QString badgeExplanation(ReviewBadge badge);

} // namespace workbench
