#include "TranscriptDelegate.h"

#include "TranscriptModel.h"
#include "common/TextLines.h"
#include "display/Colors.h"
#include "display/Format.h"

#include <QAbstractItemView>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

namespace workbench::ui {
namespace {

constexpr int kOuterMargin = 12;
constexpr int kBubblePadding = 10;
constexpr int kGap = 6;
constexpr int kBandHeight = 26;
constexpr double kBubbleShare = 0.78; ///< widest bubble as a share of the view

QTextOption textOption()
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    option.setTextDirection(Qt::LayoutDirectionAuto); // Arabic or Hebrew text reads right to left
    return option;
}

/// Lays out `text` wrapped at `width`, then again at the width of its widest line: the bubble is that wide,
/// and the layout painted is the one measured (no line is added or lost between the two).
std::shared_ptr<QTextLayout> wrappedLayout(const QString &text, const QFont &font, qreal width)
{
    auto layout = std::make_shared<QTextLayout>(text, font);
    layout->setTextOption(textOption());
    auto lineUp = [&layout](qreal lineWidth) {
        layout->beginLayout();
        qreal height = 0;
        qreal widest = 0;
        for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
            line.setLineWidth(lineWidth);
            line.setPosition(QPointF(0, height));
            height += line.height();
            widest = std::max(widest, line.naturalTextWidth());
        }
        layout->endLayout();
        return widest;
    };
    const qreal widest = std::ceil(lineUp(width));
    if (widest < width)
        lineUp(std::max<qreal>(widest, 1));
    return layout;
}

QFont headerFont(const QFont &font)
{
    QFont header = font;
    header.setPointSizeF(font.pointSizeF() * 0.86);
    return header;
}

/// System turns in italics; measured and painted with the same font, or a line would be cut.
QFont bodyFont(const QFont &font, Role role)
{
    QFont body = font;
    body.setItalic(role == Role::System);
    return body;
}

} // namespace

QString bubbleText(const QString &text)
{
    QString lines = withLineFeeds(text);
    lines.replace(QLatin1Char('\n'), QChar::LineSeparator);
    return lines;
}

struct TranscriptDelegate::Geometry {
    std::shared_ptr<QTextLayout> text; ///< laid out at the bubble's text width, positioned from (0, 0)
    int bands = 0;
    QRect header;
    QRect bubble;
    QRect textRect;
    int height = 0;
};

TranscriptDelegate::TranscriptDelegate(QAbstractItemView *view) : QStyledItemDelegate(view), m_view(view)
{}

TranscriptDelegate::~TranscriptDelegate() = default;

void TranscriptDelegate::setFindText(const QString &text)
{
    m_findText = text;
    m_view->viewport()->update();
}

void TranscriptDelegate::setCurrentMatch(int row, qsizetype start)
{
    m_matchRow = row;
    m_matchStart = start;
    m_view->viewport()->update();
}

void TranscriptDelegate::clearCache()
{
    m_heights.clear();
}

int TranscriptDelegate::viewWidth() const
{
    // The real width, however narrow: a row is painted as wide as the viewport, and must be measured so.
    return std::max(1, m_view->viewport()->width());
}

TranscriptDelegate::Geometry TranscriptDelegate::layout(const QStyleOptionViewItem &option, const QModelIndex &index,
                                                        int width) const
{
    Geometry g;
    const auto role = Role(index.data(TranscriptModel::RoleRole).toInt());
    g.bands = (index.data(TranscriptModel::HandoffRole).toBool() ? 1 : 0) +
              (index.data(TranscriptModel::TakeoverRole).toBool() ? 1 : 0);
    const int maxBubble = int((width - 2 * kOuterMargin) * (role == Role::System ? 0.9 : kBubbleShare));
    g.text =
        wrappedLayout(bubbleText(index.data().toString()), bodyFont(option.font, role), maxBubble - 2 * kBubblePadding);
    const QRectF textBounds = g.text->boundingRect();
    const QFontMetrics headerMetrics(headerFont(option.font));
    const int bubbleWidth = std::clamp(int(std::ceil(textBounds.width())) + 2 * kBubblePadding, 80, maxBubble);
    const int top = g.bands * kBandHeight + kGap;
    int left = kOuterMargin;
    if (role == Role::Ai || role == Role::Agent)
        left = width - kOuterMargin - bubbleWidth;
    else if (role == Role::System)
        left = (width - bubbleWidth) / 2;
    // The header may run wider than a short bubble, on the bubble's side.
    int headerLeft = left;
    if (role == Role::Ai || role == Role::Agent)
        headerLeft = width - kOuterMargin - maxBubble;
    else if (role == Role::System)
        headerLeft = (width - maxBubble) / 2;
    g.header = QRect(headerLeft + 2, top, maxBubble - 4, headerMetrics.height());
    g.bubble =
        QRect(left, g.header.bottom() + 3, bubbleWidth, int(std::ceil(textBounds.bottom())) + 2 * kBubblePadding);
    g.textRect = g.bubble.adjusted(kBubblePadding, kBubblePadding, -kBubblePadding, -kBubblePadding);
    g.height = g.bubble.bottom() + kGap;
    return g;
}

QSize TranscriptDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = viewWidth();
    const quint64 key = (quint64(quint32(index.row())) << 32) | quint32(width);
    auto cached = m_heights.constFind(key);
    if (cached == m_heights.cend()) {
        QStyleOptionViewItem styled = option;
        initStyleOption(&styled, index);
        cached = m_heights.insert(key, layout(styled, index, width).height);
    }
    return {width, cached.value()};
}

void TranscriptDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem styled = option;
    initStyleOption(&styled, index);
    const QPalette &palette = styled.palette;
    const auto role = Role(index.data(TranscriptModel::RoleRole).toInt());
    // Laid out at the width sizeHint measured: a row may be wider than the viewport for a moment (a scroll bar
    // just appeared), and a bubble must never run past the visible edge.
    const int width = std::min(option.rect.width(), viewWidth());
    const Geometry g = layout(styled, index, width);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->translate(option.rect.topLeft());

    // Bands: where the hand-off took effect, and where the reviewer says a person should have taken over.
    int bandTop = 0;
    auto drawBand = [&](const QString &fullText, const QColor &color) {
        const QRect band(kOuterMargin, bandTop, width - 2 * kOuterMargin, kBandHeight);
        QFont bold = headerFont(styled.font);
        bold.setBold(true);
        const QFontMetrics metrics(bold);
        const QString text = metrics.elidedText(fullText, Qt::ElideRight, band.width() - 16);
        const int textWidth = metrics.horizontalAdvance(text) + 16;
        const int middle = band.center().y();
        painter->setPen(QPen(color, 1.5));
        painter->drawLine(band.left(), middle, band.center().x() - textWidth / 2, middle);
        painter->drawLine(band.center().x() + textWidth / 2, middle, band.right(), middle);
        painter->setFont(bold);
        painter->drawText(band, Qt::AlignCenter, text);
        bandTop += kBandHeight;
    };
    if (index.data(TranscriptModel::HandoffRole).toBool())
        drawBand(tr("Handed off to a person"), colors::secondary(palette));
    if (index.data(TranscriptModel::TakeoverRole).toBool())
        drawBand(tr("A person should have taken over here"), colors::warning(palette));

    // Header: role, author, time; plain text, elided to the bubble.
    QStringList parts{tr("#%1").arg(index.row() + 1), roleLabel(role)};
    const QString author = index.data(TranscriptModel::AuthorRole).toString();
    if (!author.isEmpty())
        parts << author;
    const QVariant sentAt = index.data(TranscriptModel::SentAtRole);
    if (sentAt.isValid())
        parts << formatTime(sentAt.toLongLong());
    const QFont header = headerFont(styled.font);
    painter->setFont(header);
    QColor muted = palette.color(QPalette::Text);
    muted.setAlpha(150);
    painter->setPen(muted);
    const Qt::Alignment headerAlign = role == Role::Customer ? Qt::AlignLeft
                                      : role == Role::System ? Qt::AlignHCenter
                                                             : Qt::AlignRight;
    painter->drawText(
        g.header, int(headerAlign | Qt::AlignVCenter),
        QFontMetrics(header).elidedText(parts.join(QStringLiteral(" · ")), Qt::ElideRight, g.header.width()));

    // Bubble and text.
    QPainterPath path;
    path.addRoundedRect(QRectF(g.bubble), 10, 10);
    painter->fillPath(path, colors::bubble(role, palette));
    QColor outline = palette.color(QPalette::Text);
    outline.setAlpha(role == Role::System ? 70 : 30);
    QPen outlinePen(outline, 1);
    if (role == Role::System)
        outlinePen.setStyle(Qt::DashLine);
    if (styled.state & QStyle::State_Selected) {
        outlinePen = QPen(palette.color(QPalette::Highlight), 2);
    }
    painter->setPen(outlinePen);
    painter->drawPath(path);
    painter->setPen(palette.color(QPalette::Text));
    QList<QTextLayout::FormatRange> found;
    if (!m_findText.isEmpty()) {
        const QString text = g.text->text();
        for (qsizetype at = text.indexOf(m_findText, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(m_findText, at + m_findText.size(), Qt::CaseInsensitive)) {
            QTextLayout::FormatRange range;
            range.start = int(at);
            range.length = int(m_findText.size());
            const bool current = index.row() == m_matchRow && at == m_matchStart;
            // Every match marked like a highlighter pen; the current one in the selection colour.
            range.format.setBackground(current ? palette.color(QPalette::Highlight) : QColor(255, 214, 0));
            range.format.setForeground(current ? palette.color(QPalette::HighlightedText) : QColor(Qt::black));
            found << range;
        }
    }
    g.text->draw(painter, g.textRect.topLeft(), found);
    painter->restore();
}

} // namespace workbench::ui
