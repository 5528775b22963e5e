#include "MetricsCommand.h"

#include "CommandContext.h"
#include "common/NumberText.h"
#include "metrics/HeadlineFigures.h"
#include "metrics/MetricsReport.h"
#include "report/MetricsJson.h"
#include "store/Database.h"

#include <QJsonDocument>

namespace workbench::app {
namespace {

QString interval(const stats::Estimate &e)
{
    if (!e.value)
        return QStringLiteral("— (nothing reviewed)");
    return QStringLiteral("%1  [%2, %3]").arg(percentText(e.value), percentText(e.lo), percentText(e.hi));
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

Period requiredPeriod(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("period")))
        throw UsageError{QStringLiteral("--period is required (e.g. --period 2026-10).")};
    const auto period = Period::parse(parser.value(QStringLiteral("period")));
    if (!period)
        throw UsageError{QStringLiteral("--period takes a month (2026-09) or an ISO week (2026-W40), not \"%1\".")
                             .arg(parser.value(QStringLiteral("period")))};
    return *period;
}

int runMetricsCommand(const CommandContext &context)
{
    const QCommandLineParser &parser = context.parser;
    const std::optional<Period> period = requiredPeriod(parser);
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
    row(QStringLiteral("Conversations"), countText(t.conversations));
    row(QStringLiteral("Escalated"),
        QStringLiteral("%1 (%2)").arg(countText(t.escalated), percentText(t.escalationRate())));
    if (report.baseline) {
        const HeadlineFigure escalation = headlineFigures(report).front();
        row(QStringLiteral("  against %1").arg(report.baselinePeriod.key()),
            escalation.change ? QStringLiteral("%1 (%2)").arg(percentText(escalation.baseline),
                                                              figureChangeText(escalation, h.currency))
                              : QStringLiteral("—"));
    }
    row(QStringLiteral("Benchmark band"),
        QStringLiteral("%1 %2-%3: %4")
            .arg(h.benchmark.name, percentText(h.benchmark.low), percentText(h.benchmark.high),
                 h.benchmarkPosition.isEmpty() ? QStringLiteral("—") : h.benchmarkPosition));
    row(QStringLiteral("CSAT overall / AI / agents"),
        QStringLiteral("%1 / %2 / %3 (gap %4)")
            .arg(decimalText(t.overall.csat(), 1), decimalText(t.ai.csat(), 1), decimalText(t.agent.csat(), 1),
                 decimalText(t.csatGap(), 1)));
    row(QStringLiteral("Follow-ups within 48 h (AI-kept)"), percentText(t.followupRateAi()));
    row(QStringLiteral("Reviewed (random) escalated / kept"), QStringLiteral("%1 / %2; targeted %3")
                                                                  .arg(t.reviews.reviewedEscalated)
                                                                  .arg(t.reviews.reviewedContained)
                                                                  .arg(h.targetedReviewed));
    row(QStringLiteral("False-escalation rate"), interval(h.falseRate));
    row(QStringLiteral("Missed-escalation rate"), interval(h.missedRate));
    row(QStringLiteral("Escalation precision"), interval(h.precision));
    row(QStringLiteral("Escalation recall"), interval(h.recall));
    row(QStringLiteral("Cost of false escalations"), QStringLiteral("%1 (net %2)")
                                                         .arg(moneyText(h.cost.falseEscalationCost, h.currency),
                                                              moneyText(h.cost.falseEscalationNetCost, h.currency)));
    row(QStringLiteral("Cutting them by %1 points saves").arg(h.cost.cutPoints),
        QStringLiteral("%1 a month, %2 a year")
            .arg(moneyText(h.cost.monthly, h.currency), moneyText(h.cost.yearly, h.currency)));
    row(QStringLiteral("Reviews for +/-%1 points").arg(h.targetMargin * 100),
        QStringLiteral("%1 escalated, %2 kept by the AI").arg(h.reviewsNeededEscalated).arg(h.reviewsNeededContained));
    out << "\nBy category\n";
    for (const GroupFigures &category : report.figures.byCategory)
        out << "  " << category.name.leftJustified(24) << ' '
            << QString::number(category.conversations).rightJustified(8) << "  "
            << percentText(category.escalationRate()).rightJustified(8) << "  gap "
            << decimalText(category.csatGap(), 1).rightJustified(6) << (category.csatFlag ? "  flagged" : "") << '\n';
    if (!report.topFalseCategories.isEmpty())
        out << "\nTop false-escalation categories: " << report.topFalseCategories.join(QStringLiteral(", ")) << '\n';
    for (const Recommendation &r : report.recommendations)
        out << "  " << r.category << ": " << r.action << " — " << r.why << '\n';
    return 0;
}

} // namespace workbench::app
