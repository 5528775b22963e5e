#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace workbench {

class Database;

/// One setting of a workspace: its key, default (empty: unset), and where the default comes from.
struct SettingSpec {
    QString key;
    QString defaultValue;
    QString description;
    QString source;
};

/// Every setting, in display order: the cost model, thresholds, the benchmark band and the targets.
const std::vector<SettingSpec> &settingSpecs();

/// True for the quarter's targets (target.*): unset by default, compared with the month's figures.
bool isTargetSetting(const QString &key);

/// A benchmark band (METRICS.md): its name and bounds as fractions.
struct BenchmarkBand {
    QString name;
    double low = 0;
    double high = 0;
};
/// general, ecommerce, luxury, regulated, or custom:LOW-HIGH (percent); nullopt for anything else.
std::optional<BenchmarkBand> benchmarkBand(const QString &setting);
/// The band of the setting's default ("general", 5-10 %): what a workspace uses until it sets its own.
BenchmarkBand defaultBenchmarkBand();

/// The settings stored in a workspace, with their typed defaults in one place.
class WorkspaceSettings {
public:
    explicit WorkspaceSettings(Database &db);

    /// The stored value, else the default (empty for an unset target). Throws for an unknown key.
    QString value(const QString &key) const;
    /// The value as a number; nullopt when unset.
    std::optional<double> number(const QString &key) const;
    bool isDefault(const QString &key) const;
    /// Validates and stores (an empty value for a target unsets it; for others, restores the default).
    /// Throws WorkbenchError saying what was expected.
    void set(const QString &key, const QString &value);
    /// Sets every (key, value) as set() does, all or nothing: one invalid value stores none of them.
    void setAll(const std::vector<std::pair<QString, QString>> &values);

private:
    const SettingSpec &spec(const QString &key) const;
    Database &m_db;
};

} // namespace workbench
