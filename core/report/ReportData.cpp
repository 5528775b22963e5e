#include "ReportData.h"

#include "Masking.h"
#include "common/Clock.h"
#include "common/TextLines.h"
#include "review/ConversationDetails.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QFileInfo>

namespace workbench {
namespace {

/// The turns that show what went wrong: for a false escalation those up to the hand-off, for a missed one
/// those up to where a person should have taken over (else the end).
std::vector<Message> excerptTurns(const ConversationDetails &details, const TagRecord &tag, const Masker *masker,
                                  const ReportOptions &options)
{
    const std::vector<Message> &messages = details.conversation.messages;
    if (messages.empty())
        return {};
    int end = int(messages.size());
    if (tag.verdict == QLatin1String("false_escalation") && details.handoffSeq)
        end = std::min(end, *details.handoffSeq + 1);
    else if (tag.takeoverSeq)
        end = std::min(end, *tag.takeoverSeq + 1);
    const int begin = std::max(0, end - options.turnsPerExample);
    std::vector<Message> turns;
    for (int i = begin; i < end; ++i) {
        Message turn = messages[size_t(i)];
        // Masked before it is cut: a cut through an address would leave its start unmasked.
        if (masker)
            turn.text = masker->mask(turn.text);
        turn.text = withLineFeeds(turn.text);
        if (turn.text.size() > options.maxTurnCharacters)
            turn.text = turn.text.left(options.maxTurnCharacters - 1) + QChar(0x2026);
        // Customers are people: the excerpt names roles, never a customer's name.
        turn.author = turn.role == Role::Customer ? QString() : turn.author;
        turns.push_back(std::move(turn));
    }
    return turns;
}

} // namespace

ReportData buildReportData(Database &db, const Period &period, const ReportOptions &options, const Clock &clock,
                           const ProgressCallback &progress)
{
    const qint64 steps = 3 + 2 * qint64(options.examplesPerVerdict);
    qint64 step = 0;
    auto advance = [&] {
        if (progress && !progress(++step, steps))
            throw Cancelled();
    };
    ReportData data;
    data.workspaceName = QFileInfo(db.path()).completeBaseName();
    data.generatedAt = clock.nowUtc();
    data.masked = options.mask;
    advance();
    data.report = computeMetrics(db, period);
    advance();
    data.trend = computeMonthlyTrend(db);
    advance();
    data.events = listEvents(db);
    {
        Statement reviewers(db, "SELECT DISTINCT t.reviewer FROM tags t JOIN conversations c"
                                               " ON c.id = t.conversation_ref"
                                               " WHERE c.created_at >= ?1 AND c.created_at < ?2 ORDER BY 1");
        reviewers.bind(1, period.startMsecs());
        reviewers.bind(2, period.endMsecs());
        while (reviewers.step())
            data.reviewers << reviewers.columnText(0);
    }
    const Masker masker(listMaskPatterns(db));
    const Masker *maskWith = options.mask ? &masker : nullptr;
    for (const auto &[verdict, examples] : {std::pair{QStringLiteral("false_escalation"), &data.falseExamples},
                                            std::pair{QStringLiteral("missed_escalation"), &data.missedExamples}}) {
        // Reviewed with a reason first (they explain themselves), then by id: the same report every time.
        Statement candidates(db, "SELECT c.conversation_id FROM verdicts v JOIN conversations c"
                                                " ON c.id = v.conversation_ref WHERE v.verdict = ?1"
                                                " AND c.created_at >= ?2 AND c.created_at < ?3"
                                                " ORDER BY (v.reason IS NULL OR v.reason = ''), c.conversation_id"
                                                " LIMIT ?4");
        candidates.bind(1, verdict, false);
        candidates.bind(2, period.startMsecs());
        candidates.bind(3, period.endMsecs());
        candidates.bind(4, qint64(options.examplesPerVerdict));
        while (candidates.step()) {
            advance();
            const std::optional<ConversationDetails> details = loadConversation(db, candidates.columnText(0));
            if (!details || details->tags.empty())
                continue;
            const TagRecord &tag = details->tags.back();
            ReportExcerpt excerpt;
            excerpt.conversationId = details->conversation.conversationId;
            excerpt.category = details->conversation.category;
            excerpt.verdict = tag.verdict;
            excerpt.reviewer = tag.reviewer;
            // Every free text is masked, not only the transcript: a reviewer may quote an address in a note.
            auto masked = [maskWith](const QString &text) { return maskWith ? maskWith->mask(text) : text; };
            excerpt.reason = masked(tag.reason);
            excerpt.note = masked(tag.note);
            excerpt.escalationReason = masked(details->conversation.escalationReason);
            excerpt.turns = excerptTurns(*details, tag, maskWith, options);
            examples->push_back(std::move(excerpt));
        }
    }
    return data;
}

} // namespace workbench
