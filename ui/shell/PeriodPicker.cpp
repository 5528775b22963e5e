#include "PeriodPicker.h"

#include "MetricsSession.h"
#include "display/Format.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace workbench::ui {

PeriodPicker::PeriodPicker(MetricsSession &session, QWidget *parent) : QComboBox(parent), m_session(session)
{
    setObjectName(QStringLiteral("period"));
    setMinimumContentsLength(14);
    connect(this, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_updating || index < 0)
            return;
        if (const auto period = Period::parse(itemData(index).toString()))
            m_session.setPeriod(*period);
    });
    connect(&m_session, &MetricsSession::overviewChanged, this, &PeriodPicker::showMonths);
    connect(&m_session, &MetricsSession::reportChanged, this, &PeriodPicker::showMonths);
    showMonths();
}

void PeriodPicker::showMonths()
{
    m_updating = true;
    clear();
    for (const Period &month : m_session.months())
        addItem(formatMonthLong(month.year(), month.number()), month.key());
    const int current = findData(m_session.period().key());
    if (current >= 0)
        setCurrentIndex(current);
    m_updating = false;
}

QVBoxLayout *makeReportPage(QWidget *page, QLabel *heading, PeriodPicker *picker)
{
    auto *outer = new QVBoxLayout(page);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(10);
    auto *top = new QHBoxLayout;
    QFont titleFont = heading->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    heading->setFont(titleFont);
    heading->setTextFormat(Qt::PlainText);
    heading->setObjectName(QStringLiteral("heading"));
    top->addWidget(heading, 1);
    auto *periodLabel = new QLabel(PeriodPicker::tr("&Month"), content);
    periodLabel->setBuddy(picker);
    top->addWidget(periodLabel);
    top->addWidget(picker);
    layout->addLayout(top);
    scroll->setWidget(content);
    outer->addWidget(scroll);
    return layout;
}

} // namespace workbench::ui
