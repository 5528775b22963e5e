#include "Conversation.h"

namespace workbench {

QLatin1StringView roleNameLatin1(Role role)
{
    switch (role) {
    case Role::Customer:
        return QLatin1StringView("customer");
    case Role::Ai:
        return QLatin1StringView("ai");
    case Role::Agent:
        return QLatin1StringView("agent");
    case Role::System:
        return QLatin1StringView("system");
    }
    return {};
}

QString roleName(Role role)
{
    return QString(roleNameLatin1(role));
}

std::optional<Role> roleFromName(QStringView name)
{
    for (Role role : {Role::Customer, Role::Ai, Role::Agent, Role::System}) {
        if (name.compare(roleName(role), Qt::CaseInsensitive) == 0)
            return role;
    }
    return std::nullopt;
}

} // namespace workbench
