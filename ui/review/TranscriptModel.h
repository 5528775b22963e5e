#pragma once

#include "model/Conversation.h"

#include <QAbstractListModel>

#include <optional>

namespace workbench::ui {

/// The turns of one conversation, as a list: role, author, time and text (always plain text), with the
/// hand-off turn and the reviewer's take-over turn marked.
class TranscriptModel final : public QAbstractListModel {
    Q_OBJECT
public:
    static constexpr int RoleRole = Qt::UserRole + 1;     ///< int(Role)
    static constexpr int AuthorRole = Qt::UserRole + 2;   ///< QString
    static constexpr int SentAtRole = Qt::UserRole + 3;   ///< qint64 msecs, or invalid
    static constexpr int HandoffRole = Qt::UserRole + 4;  ///< bool: the hand-off took effect at this turn
    static constexpr int TakeoverRole = Qt::UserRole + 5; ///< bool: a person should have taken over here
    /// Text past this many characters is cut, with a note: a 10 MB transcript must still scroll smoothly.
    static constexpr int kShownCharacters = 20000;

    explicit TranscriptModel(QObject *parent = nullptr);

    /// Shows `conversation`'s messages; a source without turns shows its transcript as one system turn.
    void setConversation(const Conversation &conversation, std::optional<int> handoffSeq);
    void setTakeoverSeq(std::optional<int> seq);
    std::optional<int> takeoverSeq() const { return m_takeoverSeq; }
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    std::vector<Message> m_messages;
    std::optional<int> m_handoffSeq;
    std::optional<int> m_takeoverSeq;
};

/// "Customer", "AI", "Agent", "System".
QString roleLabel(Role role);

} // namespace workbench::ui
