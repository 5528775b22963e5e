#pragma once

#include "common/Progress.h"

#include "metrics/MetricsReport.h"
#include "metrics/Trend.h"
#include "model/Conversation.h"
#include "store/WorkspaceFacts.h"

#include <QDateTime>
#include <QStringList>

#include <vector>

namespace workbench {

class Clock;
class Database;

/// One reviewed conversation quoted in the report: a few turns around where it went wrong, masked, with the
/// reviewer's verdict, reason and note. Customers are named by role only.
struct ReportExcerpt {
    QString conversationId;
    QString category;
    QString verdict;
    QString reviewer;
    QString reason;
    QString note;
    QString escalationReason; ///< why the AI handed off, as its platform said it
    std::vector<Message> turns;
};

/// Everything the PDF summary of a period shows: the report, the trend and events for the charts, who
/// reviewed, and example excerpts. The renderer only lays it out.
struct ReportData {
    QString workspaceName;
    QDateTime generatedAt;
    bool masked = true;
    MetricsReport report;
    std::vector<TrendMonth> trend;
    std::vector<WorkspaceEvent> events;
    QStringList reviewers; ///< who tagged conversations of the period, sorted
    std::vector<ReportExcerpt> falseExamples;
    std::vector<ReportExcerpt> missedExamples;
};

struct ReportOptions {
    bool mask = true;
    int examplesPerVerdict = 2;
    int turnsPerExample = 4;
    int maxTurnCharacters = 320;
};

/// Gathers the report of `period` (computeMetrics, the monthly trend, the events, reviewers and excerpts).
/// `progress` hears of each step (of a handful) and may stop the gathering: it then throws Cancelled.
ReportData buildReportData(Database &db, const Period &period, const ReportOptions &options, const Clock &clock,
                           const ProgressCallback &progress = {});

} // namespace workbench
