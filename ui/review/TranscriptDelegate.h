#pragma once

#include <QHash>
#include <QStyledItemDelegate>

#include <memory>

class QAbstractItemView;
class QTextLayout;

namespace workbench::ui {

/// Paints a transcript turn as a chat bubble: the customer on the left, the AI and agents on the right,
/// system turns centred; a band above the turn where the hand-off took effect (and where the reviewer says
/// a person should have taken over). The header numbers the turn (the number the take-over turn is typed by).
/// Text is plain text with its own direction (RTL stays RTL), measured and painted from one QTextLayout, so
/// every line the customer wrote is both counted and drawn. Heights are cached per row and width.
class TranscriptDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit TranscriptDelegate(QAbstractItemView *view);
    ~TranscriptDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    /// Forgets the cached heights (new conversation, new font).
    void clearCache();

    /// Marks every occurrence of `text` (case-insensitive); the match at (row, start) stands out as the current one.
    void setFindText(const QString &text);
    void setCurrentMatch(int row, qsizetype start);

private:
    struct Geometry;
    Geometry layout(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const;
    int viewWidth() const;

    QAbstractItemView *m_view;
    mutable QHash<quint64, int> m_heights; ///< (row << 32 | width) -> height
    QString m_findText;
    int m_matchRow = -1;
    qsizetype m_matchStart = -1;
};

/// The text of a turn as the transcript lays it out: every line end a line separator (QTextLayout breaks
/// only there), so CRLF, lone CR and blank lines each start a new line.
QString bubbleText(const QString &text);

} // namespace workbench::ui
