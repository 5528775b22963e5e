#pragma once

#include <QHash>
#include <QStyledItemDelegate>

class QAbstractItemView;

namespace workbench::ui {

/// Paints a transcript turn as a chat bubble: the customer on the left, the AI and agents on the right,
/// system turns centred; a band above the turn where the hand-off took effect (and where the reviewer says
/// a person should have taken over). Text is laid out as plain text with its own direction (RTL stays RTL).
/// Heights are cached per row and width, so scrolling a long transcript lays out nothing twice.
class TranscriptDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit TranscriptDelegate(QAbstractItemView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    /// Forgets the cached heights (new conversation, new font).
    void clearCache();

private:
    struct Geometry;
    Geometry layout(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const;
    int viewWidth() const;

    QAbstractItemView *m_view;
    mutable QHash<quint64, int> m_heights; ///< (row << 32 | width) -> height
};

} // namespace workbench::ui
