#pragma once

#include <QDateTime>
#include <QString>
#include <QTextStream>

#include <cstdio>
#include <vector>

namespace workbench::bench {

/// Prints one measured figure as "name: value unit", aligned, so bench runs read as a table.
inline void report(const QString &name, double value, const QString &unit)
{
    QTextStream out(stdout);
    out << name.leftJustified(52, QLatin1Char('.')) << ' ' << QString::number(value, 'f', 3) << ' ' << unit << '\n';
    out.flush();
}

/// Prints a ratio against a baseline measured in the same run, and whether it meets its goal.
inline void reportRatio(const QString &name, double measured, double baseline, double goal)
{
    QTextStream out(stdout);
    const double ratio = baseline > 0 ? measured / baseline : 0;
    out << name.leftJustified(52, QLatin1Char('.')) << ' ' << QString::number(ratio, 'f', 3)
        << (ratio <= goal ? QStringLiteral("  (goal <= %1: met)") : QStringLiteral("  (goal <= %1: NOT met)")).arg(goal)
        << '\n';
    out.flush();
}

/// The fixed "now" of every bench (2026-11-24 12:00 UTC): the benchmark workspaces end in the month before it.
QDateTime benchNow();

/// The workspace a bench runs on: the path given as its first argument, else a benchmark workspace made in
/// `folder` under `name` (see makeMillionConversationWorkspace).
QString benchWorkspace(int argc, char *argv[], const QString &folder, const QString &name, bool reviewed);

/// Fills `path` with the benchmark workspace: 1,000,000 demo conversations over the 24 months to 2026-10 (a
/// fixed clock); with `reviewed`, a tagged random sample of 50 escalated and 50 kept conversations in each
/// of the last six months, as a team's reviews would leave it.
void makeMillionConversationWorkspace(const QString &path, bool reviewed);

/// The median of a benchmark's runs (the upper middle for an even count).
double median(std::vector<double> values);

/// Peak resident memory of this process so far, in MiB (Linux: VmHWM).
double peakResidentMiB();

} // namespace workbench::bench
