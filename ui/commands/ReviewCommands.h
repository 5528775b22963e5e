#pragma once

#include "review/Tagging.h"

#include <QUndoCommand>

#include <functional>

namespace workbench {
class Clock;
class Database;
} // namespace workbench

namespace workbench::ui {

/// What a review command reports after it touched the store: the conversation it changed, or the error
/// that kept it from doing so.
struct ReviewCommandObserver {
    std::function<void(const QString &conversationId)> changed;
    std::function<void(const QString &message)> failed;
};

/// One tag on the undo stack. The tag is stored before the command is pushed (so a failure never leaves a
/// command behind); undo removes it through the store's undo (history: "undo"), redo stores it again
/// (history: "redo"). Every step is committed at once.
class TagCommand final : public QUndoCommand {
public:
    TagCommand(Database &db, const Clock &clock, TagRequest request, qint64 storedTagId,
               ReviewCommandObserver observer);

    void undo() override;
    void redo() override;
    const TagRequest &request() const { return m_request; }

private:
    Database &m_db;
    const Clock &m_clock;
    TagRequest m_request;
    qint64 m_tagId;
    bool m_stored = true; ///< the first redo (on push) finds the tag stored already
    ReviewCommandObserver m_observer;
};

/// Skipping a conversation of a sample (or taking the skip back), on the undo stack.
class SkipCommand final : public QUndoCommand {
public:
    SkipCommand(Database &db, qint64 sampleId, int position, QString conversationId, bool skipped,
                ReviewCommandObserver observer);

    void undo() override;
    void redo() override;

private:
    void apply(bool skipped);

    Database &m_db;
    qint64 m_sampleId;
    int m_position;
    QString m_conversationId;
    bool m_skipped;
    ReviewCommandObserver m_observer;
};

} // namespace workbench::ui
