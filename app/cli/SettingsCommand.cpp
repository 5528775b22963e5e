#include "SettingsCommand.h"

#include "CommandContext.h"
#include "store/Database.h"
#include "store/WorkspaceSettings.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace workbench::app {
namespace {

QJsonObject describe(const WorkspaceSettings &settings, const SettingSpec &spec)
{
    QJsonObject object;
    object.insert(QStringLiteral("key"), spec.key);
    const QString value = settings.value(spec.key);
    object.insert(QStringLiteral("value"), value.isEmpty() ? QJsonValue() : QJsonValue(value));
    object.insert(QStringLiteral("default"),
                  spec.defaultValue.isEmpty() ? QJsonValue() : QJsonValue(spec.defaultValue));
    object.insert(QStringLiteral("is_default"), settings.isDefault(spec.key));
    object.insert(QStringLiteral("description"), spec.description);
    object.insert(QStringLiteral("source"), spec.source.isEmpty() ? QJsonValue() : QJsonValue(spec.source));
    return object;
}

} // namespace

void addSettingsOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON document.")});
    parser.addPositionalArgument(QStringLiteral("get|set"), QStringLiteral("Read or change a setting."));
    parser.addPositionalArgument(QStringLiteral("KEY"),
                                 QStringLiteral("The setting (all of them for get without a key)."),
                                 QStringLiteral("[KEY]"));
    parser.addPositionalArgument(QStringLiteral("VALUE"),
                                 QStringLiteral("The new value for set; empty unsets a target or restores a default."),
                                 QStringLiteral("[VALUE]"));
}

int runSettingsCommand(const CommandContext &context)
{
    const QStringList words = context.parser.positionalArguments();
    const QString verb = words.value(0);
    const bool json = context.parser.isSet(QStringLiteral("json"));
    if (verb != QLatin1String("get") && verb != QLatin1String("set"))
        throw UsageError{QStringLiteral("expected get or set, not \"%1\".").arg(verb)};
    if (verb == QLatin1String("set") && words.size() < 2)
        throw UsageError{QStringLiteral("set needs a setting: settings set KEY VALUE.")};
    if (words.size() > (verb == QLatin1String("set") ? 3 : 2))
        throw UsageError{QStringLiteral("unexpected argument \"%1\".").arg(words.last())};

    auto database = context.openWorkspace();
    WorkspaceSettings settings(*database);
    if (verb == QLatin1String("set")) {
        settings.set(words[1], words.value(2));
        const QString value = settings.value(words[1]);
        context.out << words[1] << " = " << (value.isEmpty() ? QStringLiteral("(unset)") : value) << '\n';
        return 0;
    }
    if (words.size() == 2) {
        const QString key = words[1];
        const QString value = settings.value(key); // throws for an unknown key
        for (const SettingSpec &spec : settingSpecs()) {
            if (spec.key != key)
                continue;
            if (json)
                context.out << QJsonDocument(describe(settings, spec)).toJson(QJsonDocument::Compact) << '\n';
            else
                context.out << value << '\n';
        }
        return 0;
    }
    if (json) {
        QJsonObject all;
        for (const SettingSpec &spec : settingSpecs())
            all.insert(spec.key, describe(settings, spec));
        context.out << QJsonDocument(all).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    for (const SettingSpec &spec : settingSpecs()) {
        const QString value = settings.value(spec.key);
        context.out << spec.key.leftJustified(30) << ' '
                    << (value.isEmpty() ? QStringLiteral("(unset)") : value).leftJustified(12)
                    << (settings.isDefault(spec.key) ? QStringLiteral(" default  ") : QStringLiteral(" set      "))
                    << spec.description;
        if (!spec.source.isEmpty())
            context.out << " (" << spec.source << ')';
        context.out << '\n';
    }
    return 0;
}

} // namespace workbench::app
