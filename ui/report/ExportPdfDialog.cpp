#include "ExportPdfDialog.h"

#include "dialogs/MaskPatternsDialog.h"
#include "display/Format.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace workbench::ui {

ExportPdfDialog::ExportPdfDialog(Database &db, const std::vector<Period> &months, const Period &current,
                                 const QString &folder, QWidget *parent)
    : QDialog(parent), m_db(db), m_period(new QComboBox(this)), m_path(new QLineEdit(this)),
      m_mask(new QCheckBox(tr("Mask customer emails, phone numbers, card numbers and my patterns"), this))
{
    setWindowTitle(tr("Export PDF"));
    auto *form = new QFormLayout(this);
    for (const Period &month : months)
        m_period->addItem(formatMonthLong(month.year(), month.number()), month.key());
    m_period->setCurrentIndex(std::max(0, m_period->findData(current.key())));
    m_period->setObjectName(QStringLiteral("period"));
    form->addRow(tr("&Month"), m_period);
    auto suggested = [folder](const QString &key) {
        return QDir(folder).filePath(QStringLiteral("escalation-review-%1.pdf").arg(key));
    };
    m_path->setText(suggested(current.key()));
    m_path->setObjectName(QStringLiteral("path"));
    connect(m_period, &QComboBox::currentIndexChanged, this,
            [this, suggested] { m_path->setText(suggested(m_period->currentData().toString())); });
    auto *browse = new QPushButton(tr("Choose…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen =
            QFileDialog::getSaveFileName(this, tr("Export PDF"), m_path->text(), tr("PDF files (*.pdf)"));
        if (!chosen.isEmpty())
            m_path->setText(
                chosen.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) ? chosen : chosen + QStringLiteral(".pdf"));
    });
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    form->addRow(tr("&File"), pathRow);
    m_mask->setChecked(true);
    m_mask->setObjectName(QStringLiteral("mask"));
    auto *patterns = new QPushButton(tr("Patterns…"), this);
    connect(patterns, &QPushButton::clicked, this, [this] {
        MaskPatternsDialog dialog(m_db, this);
        dialog.exec();
    });
    auto *maskRow = new QHBoxLayout;
    maskRow->addWidget(m_mask, 1);
    maskRow->addWidget(patterns);
    form->addRow(tr("Privacy"), maskRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    setMinimumWidth(560);
}

Period ExportPdfDialog::period() const
{
    return Period::parse(m_period->currentData().toString()).value_or(Period::month(1970, 1));
}

QString ExportPdfDialog::path() const
{
    return m_path->text().trimmed();
}

bool ExportPdfDialog::mask() const
{
    return m_mask->isChecked();
}

} // namespace workbench::ui
