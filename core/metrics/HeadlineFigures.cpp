#include "HeadlineFigures.h"

#include "common/NumberText.h"

namespace workbench {
namespace {

std::optional<double> difference(const std::optional<double> &now, const std::optional<double> &before, double scale)
{
    if (!now || !before)
        return std::nullopt;
    return (*now - *before) * scale;
}

std::optional<double> targetOf(const MetricsReport &report, const QString &key)
{
    for (const TargetFigure &target : report.targets) {
        if (target.key == QStringLiteral("target.") + key)
            return target.target;
    }
    return std::nullopt;
}

} // namespace

std::optional<bool> HeadlineFigure::improved() const
{
    if (!change || *change == 0)
        return std::nullopt;
    return (*change > 0) == higherIsBetter;
}

std::optional<bool> HeadlineFigure::onTarget() const
{
    if (!target || !value)
        return std::nullopt;
    return higherIsBetter ? *value >= *target : *value <= *target;
}

std::vector<HeadlineFigure> headlineFigures(const MetricsReport &report)
{
    const Headline &h = report.headline;
    const std::optional<Headline> &b = report.baseline;
    std::vector<HeadlineFigure> figures;
    // A rate changes in percentage points (x 100), CSAT in points (x 1).
    auto add = [&](FigureUnit unit, const QString &key, const QString &label, const std::optional<double> &value,
                   const std::optional<double> &baseline, bool higherIsBetter) {
        HeadlineFigure f;
        f.key = key;
        f.label = label;
        f.unit = unit;
        f.value = value;
        f.baseline = baseline;
        f.change = difference(value, baseline, unit == FigureUnit::Rate ? 100.0 : 1.0);
        f.target = targetOf(report, key);
        f.higherIsBetter = higherIsBetter;
        figures.push_back(f);
        return &figures.back();
    };
    auto estimate = [&](const QString &key, const QString &label, const stats::Estimate &now,
                        const std::optional<stats::Estimate> &before, bool higherIsBetter) {
        HeadlineFigure *f =
            add(FigureUnit::Rate, key, label, now.value, before ? before->value : std::nullopt, higherIsBetter);
        f->lo = now.lo;
        f->hi = now.hi;
        f->estimated = true;
    };
    add(FigureUnit::Rate, QStringLiteral("escalation_rate"), QStringLiteral("Escalation rate"),
        h.total.escalationRate(), b ? b->total.escalationRate() : std::nullopt, false);
    estimate(QStringLiteral("false_escalation_rate"), QStringLiteral("False-escalation rate"), h.falseRate,
             b ? std::optional(b->falseRate) : std::nullopt, false);
    estimate(QStringLiteral("missed_escalation_rate"), QStringLiteral("Missed-escalation rate"), h.missedRate,
             b ? std::optional(b->missedRate) : std::nullopt, false);
    estimate(QStringLiteral("precision"), QStringLiteral("Escalation precision"), h.precision,
             b ? std::optional(b->precision) : std::nullopt, true);
    estimate(QStringLiteral("recall"), QStringLiteral("Escalation recall"), h.recall,
             b ? std::optional(b->recall) : std::nullopt, true);
    add(FigureUnit::Points, QStringLiteral("ai_csat"), QStringLiteral("CSAT, AI-handled"), h.total.ai.csat(),
        b ? b->total.ai.csat() : std::nullopt, true);
    add(FigureUnit::Points, QStringLiteral("agent_csat"), QStringLiteral("CSAT, agent-handled"), h.total.agent.csat(),
        b ? b->total.agent.csat() : std::nullopt, true);
    add(FigureUnit::Rate, QStringLiteral("followup_rate_ai"), QStringLiteral("Follow-ups within 48 h (AI-kept)"),
        h.total.followupRateAi(), b ? b->total.followupRateAi() : std::nullopt, false);
    // Extrapolated from the false-escalation rate, though shown without an interval.
    add(FigureUnit::Money, QStringLiteral("false_escalation_cost"), QStringLiteral("Cost of false escalations"),
        h.cost.falseEscalationCost, b ? b->cost.falseEscalationCost : std::nullopt, false)
        ->estimated = true;
    return figures;
}

QString figureValueText(const HeadlineFigure &figure, const QString &currency, bool withInterval)
{
    switch (figure.unit) {
    case FigureUnit::Rate: {
        QString text = percentText(figure.value);
        if (withInterval && figure.estimated && figure.value)
            text += QStringLiteral(" [%1, %2]").arg(percentText(figure.lo), percentText(figure.hi));
        else if (withInterval && figure.estimated)
            text = QStringLiteral("— (nothing reviewed)");
        return text;
    }
    case FigureUnit::Points:
        return decimalText(figure.value, 1);
    case FigureUnit::Money:
        return moneyText(figure.value, currency);
    }
    return {};
}

QString figureChangeText(const HeadlineFigure &figure, const QString &currency)
{
    if (!figure.change)
        return QStringLiteral("—");
    switch (figure.unit) {
    case FigureUnit::Rate:
    case FigureUnit::Points:
        return signedText(figure.change, 1) + QStringLiteral(" points");
    case FigureUnit::Money:
        return signedText(figure.change, 2) + QLatin1Char(' ') + currency;
    }
    return {};
}

} // namespace workbench
