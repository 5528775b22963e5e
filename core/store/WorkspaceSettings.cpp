#include "WorkspaceSettings.h"

#include "Database.h"
#include "Sql.h"
#include "Transaction.h"
#include "common/WorkbenchError.h"

#include <QRegularExpression>

#include <QStringList>
#include <cmath>

namespace workbench {
namespace {

std::optional<double> parseNumber(const QString &text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    return ok && std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

// What a value must look like, or an empty string when it is fine.
QString problemWith(const QString &key, const QString &value)
{
    if (key == QLatin1String("agent_cost") || key == QLatin1String("ai_cost")) {
        const auto number = parseNumber(value);
        return number && *number >= 0 ? QString() : QStringLiteral("expected an amount, 0 or more (e.g. 12.00)");
    }
    if (key == QLatin1String("currency"))
        return QRegularExpression(QStringLiteral("^[A-Z]{3}$")).match(value).hasMatch()
                   ? QString()
                   : QStringLiteral("expected a three-letter currency code (e.g. USD)");
    if (key == QLatin1String("csat_gap_points") || key == QLatin1String("whatif_cut_points")) {
        const auto number = parseNumber(value);
        return number && *number >= 0 && *number <= 100 ? QString() : QStringLiteral("expected points from 0 to 100");
    }
    if (key == QLatin1String("min_reviewed")) {
        bool ok = false;
        const int number = value.trimmed().toInt(&ok);
        return ok && number >= 1 ? QString() : QStringLiteral("expected a whole number, 1 or more");
    }
    if (key == QLatin1String("target_margin")) {
        const auto number = parseNumber(value);
        return number && *number > 0 && *number < 0.5
                   ? QString()
                   : QStringLiteral("expected a fraction above 0 and below 0.5 (e.g. 0.05)");
    }
    if (key == QLatin1String("benchmark"))
        return benchmarkBand(value)
                   ? QString()
                   : QStringLiteral("expected general, ecommerce, luxury, regulated or custom:LOW-HIGH in percent");
    if (key == QLatin1String("target.ai_csat")) {
        const auto number = parseNumber(value);
        return number && *number >= 0 && *number <= 100 ? QString()
                                                        : QStringLiteral("expected CSAT points from 0 to 100");
    }
    if (isTargetSetting(key)) {
        const auto number = parseNumber(value);
        return number && *number >= 0 && *number <= 1 ? QString()
                                                      : QStringLiteral("expected a rate from 0 to 1 (e.g. 0.2)");
    }
    return {};
}

} // namespace

bool isTargetSetting(const QString &key)
{
    return key.startsWith(QLatin1String("target."));
}

const std::vector<SettingSpec> &settingSpecs()
{
    static const std::vector<SettingSpec> specs = {
        {QStringLiteral("agent_cost"), QStringLiteral("12.00"), QStringLiteral("cost of an agent-handled contact"),
         QStringLiteral("industry range 8-15 per contact; Gartner puts agent-assisted contacts at 13.50")},
        {QStringLiteral("ai_cost"), QStringLiteral("1.84"), QStringLiteral("cost of an AI-resolved contact"),
         QStringLiteral("Gartner's self-service figure; industry range 0.50-2.00")},
        {QStringLiteral("currency"), QStringLiteral("USD"), QStringLiteral("currency of the costs"), QString()},
        {QStringLiteral("csat_gap_points"), QStringLiteral("10"),
         QStringLiteral("CSAT gap (points) that flags a category for missed escalations"), QString()},
        {QStringLiteral("min_reviewed"), QStringLiteral("5"),
         QStringLiteral("random-sample reviews a category needs for the top-3 false escalations"), QString()},
        {QStringLiteral("target_margin"), QStringLiteral("0.05"),
         QStringLiteral("margin the planner sizes samples for"), QString()},
        {QStringLiteral("whatif_cut_points"), QStringLiteral("5"),
         QStringLiteral("points the what-if lowers the false-escalation rate by"), QString()},
        {QStringLiteral("benchmark"), QStringLiteral("general"),
         QStringLiteral("benchmark band of the escalation rate"),
         QStringLiteral("general 5-10 %, ecommerce 12-18 %, luxury 30-35 %, regulated 30-40 %, or custom:LOW-HIGH")},
        {QStringLiteral("target.escalation_rate"), QString(), QStringLiteral("target escalation rate (0-1)"),
         QString()},
        {QStringLiteral("target.false_escalation_rate"), QString(),
         QStringLiteral("target false-escalation rate (0-1)"), QString()},
        {QStringLiteral("target.missed_escalation_rate"), QString(),
         QStringLiteral("target missed-escalation rate (0-1)"), QString()},
        {QStringLiteral("target.ai_csat"), QString(), QStringLiteral("target CSAT of AI-handled contacts (points)"),
         QString()},
    };
    return specs;
}

std::optional<BenchmarkBand> benchmarkBand(const QString &setting)
{
    const QString name = setting.trimmed();
    if (name == QLatin1String("general"))
        return BenchmarkBand{name, 0.05, 0.10};
    if (name == QLatin1String("ecommerce"))
        return BenchmarkBand{name, 0.12, 0.18};
    if (name == QLatin1String("luxury"))
        return BenchmarkBand{name, 0.30, 0.35};
    if (name == QLatin1String("regulated"))
        return BenchmarkBand{name, 0.30, 0.40};
    static const QRegularExpression custom(QStringLiteral("^custom:(\\d+(?:\\.\\d+)?)-(\\d+(?:\\.\\d+)?)$"));
    if (const auto match = custom.match(name); match.hasMatch()) {
        const double low = match.captured(1).toDouble();
        const double high = match.captured(2).toDouble();
        if (low <= high && high <= 100)
            return BenchmarkBand{name, low / 100.0, high / 100.0};
    }
    return std::nullopt;
}

BenchmarkBand defaultBenchmarkBand()
{
    for (const SettingSpec &spec : settingSpecs()) {
        if (spec.key == QLatin1String("benchmark"))
            return *benchmarkBand(spec.defaultValue);
    }
    return {};
}

WorkspaceSettings::WorkspaceSettings(Database &db) : m_db(db)
{}

const SettingSpec &WorkspaceSettings::spec(const QString &key) const
{
    for (const SettingSpec &spec : settingSpecs()) {
        if (spec.key == key)
            return spec;
    }
    QStringList keys;
    for (const SettingSpec &spec : settingSpecs())
        keys << spec.key;
    throw WorkbenchError(
        QStringLiteral("\"%1\" is not a setting (expected one of: %2)").arg(key, keys.join(QStringLiteral(", "))));
}

QString WorkspaceSettings::value(const QString &key) const
{
    const SettingSpec &setting = spec(key);
    const QVariant stored =
        sql::scalar(m_db.sql(), QStringLiteral("SELECT value FROM settings WHERE key = :key"), {{":key", key}});
    return stored.isValid() ? stored.toString() : setting.defaultValue;
}

std::optional<double> WorkspaceSettings::number(const QString &key) const
{
    const QString text = value(key);
    return text.isEmpty() ? std::nullopt : parseNumber(text);
}

bool WorkspaceSettings::isDefault(const QString &key) const
{
    spec(key);
    return !sql::scalar(m_db.sql(), QStringLiteral("SELECT 1 FROM settings WHERE key = :key"), {{":key", key}})
                .isValid();
}

void WorkspaceSettings::set(const QString &key, const QString &value)
{
    m_db.requireWritable(QStringLiteral("Changing a setting"));
    spec(key);
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty()) {
        // An empty value: a target is unset, anything else goes back to its default.
        sql::run(m_db.sql(), QStringLiteral("DELETE FROM settings WHERE key = :key"), {{":key", key}});
        return;
    }
    if (const QString problem = problemWith(key, trimmed); !problem.isEmpty())
        throw WorkbenchError(QStringLiteral("setting \"%1\": %2 is not valid (%3)")
                                 .arg(key, QLatin1Char('"') + trimmed + QLatin1Char('"'), problem));
    sql::run(m_db.sql(),
             QStringLiteral("INSERT INTO settings (key, value) VALUES (:key, :value)"
                            " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
             {{":key", key}, {":value", trimmed}});
}

void WorkspaceSettings::setAll(const std::vector<std::pair<QString, QString>> &values)
{
    Transaction transaction(m_db, QStringLiteral("Changing the settings"));
    for (const auto &[key, value] : values)
        set(key, value);
    transaction.commit();
}

} // namespace workbench
