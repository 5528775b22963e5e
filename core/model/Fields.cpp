#include "Fields.h"

#include <array>

namespace workbench {
namespace {

constexpr std::array<const char *, size_t(Field::Count)> kNames = {"conversation_id",
                                                                   "created_at",
                                                                   "escalated",
                                                                   "category",
                                                                   "channel",
                                                                   "team",
                                                                   "agent",
                                                                   "customer_id",
                                                                   "escalated_at",
                                                                   "ai_confidence",
                                                                   "csat",
                                                                   "first_contact_resolution",
                                                                   "handle_time_seconds",
                                                                   "sentiment",
                                                                   "transcript",
                                                                   "escalation_reason",
                                                                   "messages"};

} // namespace

QString fieldName(Field field)
{
    return QString::fromLatin1(kNames[size_t(field)]);
}

std::optional<Field> fieldFromName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (trimmed.compare(QLatin1String(kNames[i]), Qt::CaseInsensitive) == 0)
            return Field(i);
    }
    return std::nullopt;
}

} // namespace workbench
