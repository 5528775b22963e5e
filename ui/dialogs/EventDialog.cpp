#include "EventDialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>

namespace workbench::ui {

EventDialog::EventDialog(const QDate &initialDate, QWidget *parent)
    : QDialog(parent), m_date(new QDateEdit(initialDate, this)), m_kind(new QComboBox(this)),
      m_label(new QLineEdit(this))
{
    setWindowTitle(tr("Add Event"));
    auto *form = new QFormLayout(this);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    form->addRow(tr("&Date"), m_date);
    m_kind->addItem(tr("Product launch"), QStringLiteral("product_launch"));
    m_kind->addItem(tr("Policy change"), QStringLiteral("policy_change"));
    m_kind->addItem(tr("AI change (model, prompt, knowledge base)"), QStringLiteral("ai_change"));
    m_kind->addItem(tr("Other"), QStringLiteral("other"));
    form->addRow(tr("&Kind"), m_kind);
    m_label->setPlaceholderText(tr("e.g. Returns window shortened to 14 days"));
    m_label->setObjectName(QStringLiteral("event-label"));
    form->addRow(tr("&Label"), m_label);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(m_label, &QLineEdit::textChanged, ok,
            [ok](const QString &text) { ok->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    setMinimumWidth(440);
}

QDate EventDialog::date() const
{
    return m_date->date();
}

QString EventDialog::kind() const
{
    return m_kind->currentData().toString();
}

QString EventDialog::label() const
{
    return m_label->text().trimmed();
}

void EventDialog::setValues(const QDate &date, const QString &kind, const QString &label)
{
    m_date->setDate(date);
    const int index = m_kind->findData(kind);
    m_kind->setCurrentIndex(index >= 0 ? index : m_kind->count() - 1);
    m_label->setText(label);
}

} // namespace workbench::ui
