#pragma once

#include "common/Period.h"
#include "common/Progress.h"
#include "model/Conversation.h"

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace workbench {

class Clock;
class Database;

struct DemoOptions {
    /// Conversations in the whole data set (follow-ups included).
    qint64 conversations = 30000;
    int months = 6;
    /// The last month; default: the last full month before the clock's now.
    std::optional<Period> endMonth;
    quint64 seed = 1;
};

/// A dated event of the synthetic history (it changes the data, and the dashboard marks it).
struct DemoEvent {
    QDate date;
    QString kind;
    QString label;
};

/// A realistic synthetic support queue: categories with their own escalation rates, channels, teams and
/// agents, repeat customers with follow-ups inside 48 h, multi-turn transcripts, CSAT that depends on
/// category and handling, and hidden false and missed escalations that leave traces a reviewer can find.
/// Deterministic: the same options give the same data, conversation by conversation.
class DemoGenerator {
public:
    DemoGenerator(const DemoOptions &options, const Clock &clock);
    ~DemoGenerator();

    qint64 size() const;
    const Period &firstMonth() const { return m_firstMonth; }
    const Period &lastMonth() const { return m_lastMonth; }
    const std::vector<DemoEvent> &events() const { return m_events; }

    /// Conversation `index` (0 .. size()-1) in creation order. Thread-safe: each index draws from its own
    /// random stream, so conversations can be built in parallel and in any order.
    Conversation conversation(qint64 index) const;

    /// The last full month before `now` (UTC): the default end of a demo.
    static Period lastFullMonth(const QDateTime &now);

private:
    struct Record;
    void planRecords();
    void linkFollowups(quint64 stream);

    DemoOptions m_options;
    Period m_firstMonth;
    Period m_lastMonth;
    std::vector<Record> m_records;
    std::vector<DemoEvent> m_events;
    int m_policyChangeMonth = -1;
    int m_launchMonth = -1;
};

struct DemoSummary {
    qint64 conversations = 0;
    Period firstMonth = Period::month(1970, 1);
    Period lastMonth = Period::month(1970, 1);
};

/// Fills an empty workspace with demo data in one transaction (and, when `exportDirectory` is set, writes
/// the same data as canonical conversations.csv, messages.csv and conversations.jsonl there). Throws
/// WorkbenchError when the workspace already holds conversations, Cancelled when `progress` says stop.
DemoSummary fillDemoWorkspace(Database &db, const DemoOptions &options, const Clock &clock,
                              const ProgressCallback &progress = {}, const QString &exportDirectory = {});

} // namespace workbench
