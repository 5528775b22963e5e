#include "Conversation.h"

namespace workbench {

QString roleName(Role role)
{
    switch (role) {
    case Role::Customer:
        return QStringLiteral("customer");
    case Role::Ai:
        return QStringLiteral("ai");
    case Role::Agent:
        return QStringLiteral("agent");
    case Role::System:
        return QStringLiteral("system");
    }
    return {};
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
