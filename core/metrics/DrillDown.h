#pragma once

#include "PeriodFigures.h"

#include <optional>
#include <vector>

namespace workbench {

class Database;

/// The conversations behind a figure: a period, optionally one group of a breakdown, escalated or not,
/// and optionally only the reviewed ones (any verdict, or one).
struct DrillDownRequest {
    Period period = Period::month(1970, 1);
    std::optional<Breakdown> breakdown;
    QString group; ///< the group's name as figures show it ("(none)" for a missing value)
    std::optional<bool> escalated;
    bool reviewedOnly = false;
    QString verdict; ///< with reviewedOnly: only this verdict (empty: any)
    int limit = 1000;
};

struct DrillDownRow {
    QString conversationId;
    qint64 createdAtMsecs = 0;
    QString category;
    bool escalated = false;
    std::optional<int> csat;
    std::optional<double> aiConfidence;
    QString verdict; ///< the latest tag's; empty when not reviewed
};

struct DrillDown {
    qint64 total = 0; ///< every match; rows holds at most `limit` of them, oldest first
    std::vector<DrillDownRow> rows;
};

/// Lists the conversations behind a bar or point of a chart (prepared statements, bound values only).
DrillDown drillDown(Database &db, const DrillDownRequest &request);

QString breakdownName(Breakdown breakdown);

} // namespace workbench
