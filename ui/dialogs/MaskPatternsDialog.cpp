#include "MaskPatternsDialog.h"

#include "common/WorkbenchError.h"
#include "report/Masking.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace workbench::ui {

MaskPatternsDialog::MaskPatternsDialog(Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_list(new QListWidget(this)), m_pattern(new QLineEdit(this)),
      m_label(new QLineEdit(this)), m_sample(new QLineEdit(this)), m_preview(new QLabel(this)),
      m_message(new QLabel(this))
{
    setWindowTitle(tr("Masking Patterns"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Emails, phone numbers and card numbers are always masked. Add regular expressions "
                                "for anything else your business treats as personal: order numbers, customer ids."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_list->setObjectName(QStringLiteral("patterns"));
    layout->addWidget(m_list, 1);
    auto *remove = new QPushButton(tr("&Remove"), this);
    layout->addWidget(remove, 0, Qt::AlignLeft);
    auto *form = new QFormLayout;
    m_pattern->setObjectName(QStringLiteral("pattern"));
    m_pattern->setPlaceholderText(QStringLiteral("ORD-\\d{6}"));
    form->addRow(tr("&Pattern"), m_pattern);
    m_label->setPlaceholderText(tr("order"));
    form->addRow(tr("Shown &as"), m_label);
    auto *add = new QPushButton(tr("&Add"), this);
    form->addRow(QString(), add);
    m_sample->setText(tr("Order ORD-123456: call +1 (555) 123-4567 or write to ana@example.com"));
    form->addRow(tr("&Try on"), m_sample);
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setWordWrap(true);
    m_preview->setObjectName(QStringLiteral("preview"));
    form->addRow(tr("Masked"), m_preview);
    layout->addLayout(form);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setObjectName(QStringLiteral("message"));
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    layout->addWidget(buttons);

    connect(add, &QPushButton::clicked, this, [this] {
        if (addPattern(m_pattern->text(), m_label->text())) {
            m_pattern->clear();
            m_label->clear();
        }
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_list->currentItem()) {
            removeMaskPattern(m_db, item->data(Qt::UserRole).toLongLong());
            load();
        }
    });
    connect(m_sample, &QLineEdit::textChanged, this, &MaskPatternsDialog::updatePreview);
    load();
    resize(560, 480);
}

void MaskPatternsDialog::load()
{
    m_list->clear();
    const std::vector<MaskPattern> patterns = listMaskPatterns(m_db);
    for (const MaskPattern &pattern : patterns) {
        auto *item = new QListWidgetItem(QStringLiteral("%1  →  [%2]").arg(pattern.pattern, pattern.label), m_list);
        item->setData(Qt::UserRole, pattern.id);
    }
    m_masker = Masker(patterns);
    updatePreview();
}

void MaskPatternsDialog::updatePreview()
{
    m_preview->setText(m_masker.mask(m_sample->text()));
}

QString MaskPatternsDialog::previewText() const
{
    return m_preview->text();
}

bool MaskPatternsDialog::addPattern(const QString &pattern, const QString &label)
{
    try {
        addMaskPattern(m_db, pattern, label);
        m_message->clear();
        load();
        return true;
    } catch (const WorkbenchError &error) {
        m_message->setText(error.message());
        return false;
    }
}

} // namespace workbench::ui
