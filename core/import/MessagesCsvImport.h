#pragma once

#include "ImportTypes.h"
#include "common/Progress.h"

#include <vector>

namespace workbench {

class Database;

/// Reads a messages CSV (conversation_id, seq, role, text, sent_at, author) that accompanies a conversations
/// file: each conversation it names gets exactly the messages listed (its stored ones are replaced), in
/// `seq` order (file order without a seq column). Runs inside the caller's transaction.
/// Problems go to `problems` (strict) or become skipped rows in `summary` (lenient).
void importMessagesCsv(Database &db, const QString &path, bool lenient, ImportSummary &summary,
                       std::vector<ImportIssue> &problems, const std::function<void(qint64 bytes)> &progress);

} // namespace workbench
