#pragma once

#include <QString>

#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QBarSet;
class QChart;
class QPalette;
QT_END_NAMESPACE

namespace workbench::ui {

/// One bar of an escalation-rate chart: a group and its counts.
struct RateBar {
    QString label;
    qint64 escalated = 0;
    qint64 conversations = 0;
    std::optional<double> rate; ///< escalated / conversations, as the figures computed it
};

/// Adds horizontal escalation-rate bars to `chart` (bars[0] is drawn at the bottom) with their value as a label
/// and a tooltip of the counts, `hint` on its last line when given; the axes are added, not styled. Returns the
/// bar set, for a click handler (the bar index is the index in `bars`).
QBarSet *addEscalationRateBars(QChart &chart, const QPalette &palette, const std::vector<RateBar> &bars,
                               const QString &hint = {});

} // namespace workbench::ui
