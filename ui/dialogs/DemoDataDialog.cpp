#include "DemoDataDialog.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace workbench::ui {

DemoDataDialog::DemoDataDialog(const Period &defaultEndMonth, QWidget *parent)
    : QDialog(parent), m_conversations(new QSpinBox(this)), m_months(new QSpinBox(this)),
      m_endMonth(new QDateEdit(this)), m_seed(new QSpinBox(this))
{
    setWindowTitle(tr("Fill with Demo Data"));
    auto *intro = new QLabel(tr("A synthetic support queue: eight ticket categories, five channels, teams and agents, "
                                "repeat customers, multi-turn transcripts, CSAT, and false and missed escalations "
                                "for reviewers to find. The same settings always give the same data."),
                             this);
    intro->setWordWrap(true);
    m_conversations->setRange(100, 5'000'000);
    m_conversations->setSingleStep(5000);
    m_conversations->setGroupSeparatorShown(true);
    m_conversations->setValue(30000);
    m_months->setRange(1, 60);
    m_months->setValue(6);
    m_endMonth->setDisplayFormat(QStringLiteral("yyyy-MM"));
    m_endMonth->setDate(QDate(defaultEndMonth.year(), defaultEndMonth.number(), 1));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setValue(1);

    auto *form = new QFormLayout;
    form->addRow(tr("&Conversations:"), m_conversations);
    form->addRow(tr("&Months:"), m_months);
    form->addRow(tr("&Last month:"), m_endMonth);
    form->addRow(tr("&Seed:"), m_seed);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Generate"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

DemoOptions DemoDataDialog::options() const
{
    DemoOptions options;
    options.conversations = m_conversations->value();
    options.months = m_months->value();
    options.endMonth = Period::month(m_endMonth->date().year(), m_endMonth->date().month());
    options.seed = quint64(m_seed->value());
    return options;
}

} // namespace workbench::ui
