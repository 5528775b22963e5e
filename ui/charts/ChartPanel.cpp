#include "ChartPanel.h"

#include "ChartStyle.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGraphicsScene>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace workbench::ui {

ChartPanel::ChartPanel(QWidget *parent)
    : QWidget(parent), m_view(new QChartView(new QChart, this)), m_empty(new QLabel(this))
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    // The empty-state message sits over the chart's plot area, centred.
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setObjectName(QStringLiteral("chart-empty"));
    m_empty->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_empty->hide();
    auto *overlay = new QVBoxLayout(m_view);
    overlay->setContentsMargins(24, 40, 24, 24);
    overlay->addWidget(m_empty);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    applyPalette();
    setMinimumHeight(220);
}

QChart *ChartPanel::chart() const
{
    return m_view->chart();
}

int ChartPanel::seriesCount() const
{
    return int(chart()->series().size());
}

void ChartPanel::reset(const QString &title)
{
    QChart *c = chart();
    c->removeAllSeries();
    for (QAbstractAxis *axis : c->axes()) {
        c->removeAxis(axis);
        delete axis;
    }
    c->setTitle(title);
    c->legend()->setVisible(true);
    m_empty->clear();
    m_empty->hide();
    applyPalette();
}

void ChartPanel::setBuilder(std::function<void(ChartPanel &)> build)
{
    m_build = std::move(build);
    if (m_build)
        m_build(*this);
}

void ChartPanel::setEmptyMessage(const QString &text)
{
    m_empty->setText(text);
    m_empty->setVisible(!text.isEmpty());
}

QString ChartPanel::emptyMessage() const
{
    return m_empty->text();
}

void ChartPanel::renderTo(QPainter *painter, const QRectF &target, const QSizeF &size)
{
    QChart *c = chart();
    c->resize(size);
    c->scene()->setSceneRect(QRectF(QPointF(0, 0), size));
    c->scene()->render(painter, target, QRectF(QPointF(0, 0), size));
    if (!m_empty->text().isEmpty()) {
        // The empty-state message is a widget over the chart; draw it into the page too.
        painter->save();
        painter->setPen(palette().color(QPalette::PlaceholderText));
        painter->drawText(target, Qt::AlignCenter | Qt::TextWordWrap, m_empty->text());
        painter->restore();
    }
}

void ChartPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::PaletteChange && event->type() != QEvent::StyleChange)
        return;
    if (m_build)
        m_build(*this);
    else
        applyPalette();
}

void ChartPanel::applyPalette()
{
    chartstyle::apply(*chart(), palette());
    m_view->setBackgroundBrush(palette().base());
}

} // namespace workbench::ui
