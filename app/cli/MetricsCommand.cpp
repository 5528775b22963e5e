#include "MetricsCommand.h"

#include "CommandContext.h"
#include "metrics/MetricsReport.h"
#include "report/MetricsJson.h"
#include "store/Database.h"

#include <QJsonDocument>
#include <QLocale>

namespace workbench::app {
namespace {

QString percent(const std::optional<double> &fraction)
{
    return fraction ? QLocale(QLocale::English).toString(*fraction * 100.0, 'f', 1) + QStringLiteral(" %")
                    : QStringLiteral("—");
}

QString interval(const stats::Estimate &e)
{
    if (!e.value)
        return QStringLiteral("— (nothing reviewed)");
    return QStringLiteral("%1  [%2, %3]").arg(percent(e.value), percent(e.lo), percent(e.hi));
}

QString points(const std::optional<double> &value)
{
    return value ? QLocale(QLocale::English).toString(*value, 'f', 1) : QStringLiteral("—");
}

QString money(const std::optional<double> &value, const QString &currency)
{
    return value ? QStringLiteral("%1 %2").arg(QLocale(QLocale::English).toString(*value, 'f', 2), currency)
                 : QStringLiteral("—");
}

} // namespace

void addMetricsOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("period"), QStringLiteral("A month (2026-09) or an ISO week (2026-W40), UTC."),
                      QStringLiteral("P")});
    parser.addOption({QStringLiteral("baseline"),
                      QStringLiteral("The period to compare with (default: the previous one)."), QStringLiteral("P")});
    parser.addOption(
        {QStringLiteral("json"), QStringLiteral("Print one JSON document with every figure of METRICS.md.")});
}

int runMetricsCommand(const CommandContext &context)
{
    const QCommandLineParser &parser = context.parser;
    if (!parser.isSet(QStringLiteral("period")))
        throw UsageError{QStringLiteral("--period is required (e.g. --period 2026-10).")};
    const auto period = Period::parse(parser.value(QStringLiteral("period")));
    if (!period)
        throw UsageError{QStringLiteral("--period takes a month (2026-09) or an ISO week (2026-W40), not \"%1\".")
                             .arg(parser.value(QStringLiteral("period")))};
    std::optional<Period> baseline;
    if (parser.isSet(QStringLiteral("baseline"))) {
        baseline = Period::parse(parser.value(QStringLiteral("baseline")));
        if (!baseline)
            throw UsageError{QStringLiteral("--baseline takes a month or an ISO week, not \"%1\".")
                                 .arg(parser.value(QStringLiteral("baseline")))};
    }
    auto database = context.openWorkspace();
    const MetricsReport report = computeMetrics(*database, *period, baseline);
    if (parser.isSet(QStringLiteral("json"))) {
        context.out << QJsonDocument(metricsJson(report)).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    const Headline &h = report.headline;
    const GroupFigures &t = h.total;
    QTextStream &out = context.out;
    out << "Period " << h.period.key() << " (baseline " << report.baselinePeriod.key() << ")\n\n";
    auto row = [&](const QString &label, const QString &value) {
        out << label.leftJustified(34, QLatin1Char('.')) << ' ' << value << '\n';
    };
    row(QStringLiteral("Conversations"), QLocale(QLocale::English).toString(t.conversations));
    row(QStringLiteral("Escalated"),
        QStringLiteral("%1 (%2)").arg(QLocale(QLocale::English).toString(t.escalated), percent(t.escalationRate())));
    if (report.baseline) {
        const auto now = t.escalationRate();
        const auto before = report.baseline->total.escalationRate();
        row(QStringLiteral("  against %1").arg(report.baselinePeriod.key()),
            now && before ? QStringLiteral("%1 (%2%3 points)")
                                .arg(percent(before), *now >= *before ? QStringLiteral("+") : QString(),
                                     QLocale(QLocale::English).toString((*now - *before) * 100.0, 'f', 1))
                          : QStringLiteral("—"));
    }
    row(QStringLiteral("Benchmark band"),
        QStringLiteral("%1 %2-%3: %4")
            .arg(h.benchmark.name, percent(h.benchmark.low), percent(h.benchmark.high),
                 h.benchmarkPosition.isEmpty() ? QStringLiteral("—") : h.benchmarkPosition));
    row(QStringLiteral("CSAT overall / AI / agents"),
        QStringLiteral("%1 / %2 / %3 (gap %4)")
            .arg(points(t.overall.csat()), points(t.ai.csat()), points(t.agent.csat()), points(t.csatGap())));
    row(QStringLiteral("Follow-ups within 48 h (AI-kept)"), percent(t.followupRateAi()));
    row(QStringLiteral("Reviewed (random) escalated / kept"), QStringLiteral("%1 / %2; targeted %3")
                                                                  .arg(t.reviews.reviewedEscalated)
                                                                  .arg(t.reviews.reviewedContained)
                                                                  .arg(h.targetedReviewed));
    row(QStringLiteral("False-escalation rate"), interval(h.falseRate));
    row(QStringLiteral("Missed-escalation rate"), interval(h.missedRate));
    row(QStringLiteral("Escalation precision"), interval(h.precision));
    row(QStringLiteral("Escalation recall"), interval(h.recall));
    row(QStringLiteral("Cost of false escalations"),
        QStringLiteral("%1 (net %2)")
            .arg(money(h.cost.falseEscalationCost, h.currency), money(h.cost.falseEscalationNetCost, h.currency)));
    row(QStringLiteral("Cutting them by %1 points saves").arg(h.cost.cutPoints),
        QStringLiteral("%1 a month, %2 a year")
            .arg(money(h.cost.monthly, h.currency), money(h.cost.yearly, h.currency)));
    row(QStringLiteral("Reviews for +/-%1 points").arg(h.targetMargin * 100),
        QStringLiteral("%1 escalated, %2 kept by the AI").arg(h.reviewsNeededEscalated).arg(h.reviewsNeededContained));
    out << "\nBy category\n";
    for (const GroupFigures &category : report.figures.byCategory)
        out << "  " << category.name.leftJustified(24) << ' '
            << QString::number(category.conversations).rightJustified(8) << "  "
            << percent(category.escalationRate()).rightJustified(8) << "  gap "
            << points(category.csatGap()).rightJustified(6) << (category.csatFlag ? "  flagged" : "") << '\n';
    if (!report.topFalseCategories.isEmpty())
        out << "\nTop false-escalation categories: " << report.topFalseCategories.join(QStringLiteral(", ")) << '\n';
    for (const Recommendation &r : report.recommendations)
        out << "  " << r.category << ": " << r.action << " — " << r.why << '\n';
    return 0;
}

} // namespace workbench::app
