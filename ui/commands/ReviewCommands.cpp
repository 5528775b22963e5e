#include "ReviewCommands.h"

#include "common/Clock.h"
#include "common/WorkbenchError.h"
#include "display/Format.h"
#include "review/SampleItems.h"

#include <QCoreApplication>

namespace workbench::ui {

TagCommand::TagCommand(Database &db, const Clock &clock, TagRequest request, qint64 storedTagId,
                       ReviewCommandObserver observer)
    : m_db(db), m_clock(clock), m_request(std::move(request)), m_tagId(storedTagId), m_observer(std::move(observer))
{
    setText(QCoreApplication::translate("TagCommand", "Tag %1 as %2")
                .arg(m_request.conversationId, verdictLabel(m_request.verdict).toLower()));
}

void TagCommand::undo()
{
    try {
        undoTag(m_db, m_tagId, m_request.reviewer, m_clock.nowUtc().toMSecsSinceEpoch());
        m_stored = false;
        m_observer.changed(m_request.conversationId);
    } catch (const WorkbenchError &error) {
        m_observer.failed(error.message());
    }
}

void TagCommand::redo()
{
    if (m_stored)
        return;
    try {
        // Redone now: the tag is the reviewer's latest word, so it takes the time of the redo.
        m_request.taggedAtMsecs = m_clock.nowUtc().toMSecsSinceEpoch();
        m_tagId = redoTag(m_db, m_request);
        m_stored = true;
        m_observer.changed(m_request.conversationId);
    } catch (const WorkbenchError &error) {
        m_observer.failed(error.message());
    }
}

SkipCommand::SkipCommand(Database &db, qint64 sampleId, int position, QString conversationId, bool skipped,
                         ReviewCommandObserver observer)
    : m_db(db), m_sampleId(sampleId), m_position(position), m_conversationId(std::move(conversationId)),
      m_skipped(skipped), m_observer(std::move(observer))
{
    setText(skipped ? QCoreApplication::translate("SkipCommand", "Skip %1").arg(m_conversationId)
                    : QCoreApplication::translate("SkipCommand", "Unskip %1").arg(m_conversationId));
}

void SkipCommand::apply(bool skipped)
{
    try {
        setSkipped(m_db, m_sampleId, m_position, skipped);
        m_observer.changed(m_conversationId);
    } catch (const WorkbenchError &error) {
        m_observer.failed(error.message());
    }
}

void SkipCommand::undo()
{
    apply(!m_skipped);
}

void SkipCommand::redo()
{
    apply(m_skipped);
}

} // namespace workbench::ui
