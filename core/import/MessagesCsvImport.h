#pragma once

#include "ImportTypes.h"
#include "common/Progress.h"

#include <functional>
#include <vector>

namespace workbench {

class Database;

/// Reads a messages CSV (conversation_id, seq, role, text, sent_at, author) that accompanies a conversations
/// file: each conversation it names gets exactly the messages listed (its stored ones are replaced), in
/// `seq` order (file order without a seq column). Runs inside the caller's transaction.
/// Problems go to `problems` (strict) or become skipped rows in `summary` (lenient).
/// A conversation `db` does not hold is asked of `adopt` (the workspace behind a staged import), which returns
/// its row id in `db` or -1; every conversation whose messages were replaced is passed to `touched`.
struct MessagesTarget {
    std::function<qint64(const QString &conversationId)> adopt;
    std::function<void(qint64 rowId)> touched;
};
void importMessagesCsv(Database &db, const QString &path, bool lenient, ImportSummary &summary,
                       std::vector<ImportIssue> &problems, const std::function<void(qint64 bytes)> &progress,
                       const MessagesTarget &target = {});

} // namespace workbench
