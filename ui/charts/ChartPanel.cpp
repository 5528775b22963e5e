#include "ChartPanel.h"

#include "ChartStyle.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QVBoxLayout>

namespace workbench::ui {

ChartPanel::ChartPanel(QWidget *parent) : QWidget(parent), m_view(new QChartView(new QChart, this))
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
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
    applyPalette();
}

void ChartPanel::setBuilder(std::function<void(ChartPanel &)> build)
{
    m_build = std::move(build);
    if (m_build)
        m_build(*this);
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
