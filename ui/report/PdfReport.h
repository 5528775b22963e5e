#pragma once

#include "report/ReportData.h"

#include <functional>

namespace workbench::ui {

/// Writes the PDF summary of a period: title block, headline figures against baseline and target, the
/// dashboard's charts (vector), the by-category table, where to act, the cost model, reviewer agreement,
/// methodology and masked examples, with page numbers. Runs on the GUI thread (charts are widgets);
/// `progress(done, total)` is called after each block and may return false to cancel (throws Cancelled).
/// Throws WorkbenchError when the file cannot be written.
void writePdfReport(const ReportData &data, const QString &path,
                    const std::function<bool(int done, int total)> &progress = {});

} // namespace workbench::ui
