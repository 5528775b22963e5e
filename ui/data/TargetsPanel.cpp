#include "TargetsPanel.h"

#include "display/Colors.h"
#include "store/WorkspaceSettings.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace workbench::ui {
namespace {

// The spin boxes' lowest step stands for "not set" (QAbstractSpinBox::specialValueText).
constexpr double kNotSet = -1.0;

QString labelFor(const QString &key)
{
    if (key == QLatin1String("target.escalation_rate"))
        return TargetsPanel::tr("Escalation rate");
    if (key == QLatin1String("target.false_escalation_rate"))
        return TargetsPanel::tr("False-escalation rate");
    if (key == QLatin1String("target.missed_escalation_rate"))
        return TargetsPanel::tr("Missed-escalation rate");
    if (key == QLatin1String("target.ai_csat"))
        return TargetsPanel::tr("CSAT, AI-handled");
    return key;
}

} // namespace

TargetsPanel::TargetsPanel(QWidget *parent)
    : QGroupBox(tr("Targets of the quarter"), parent), m_save(new QPushButton(tr("Save Targets"), this)),
      m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("targets"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    for (const SettingSpec &spec : settingSpecs()) {
        if (!isTargetSetting(spec.key))
            continue;
        Field field{spec.key, spec.key != QLatin1String("target.ai_csat"), new QDoubleSpinBox(this)};
        field.box->setObjectName(spec.key);
        field.box->setRange(kNotSet, 100.0);
        field.box->setDecimals(1);
        field.box->setSingleStep(field.percent ? 0.5 : 1.0);
        field.box->setSpecialValueText(tr("not set"));
        field.box->setSuffix(field.percent ? QStringLiteral(" %") : tr(" points"));
        field.box->setMinimumWidth(field.box->fontMetrics().horizontalAdvance(QStringLiteral("100.0 points")) + 40);
        field.box->setToolTip(spec.description);
        connect(field.box, &QDoubleSpinBox::valueChanged, this, &TargetsPanel::markEdited);
        form->addRow(labelFor(spec.key), field.box);
        m_fields.push_back(field);
    }
    layout->addLayout(form);
    auto *hint = new QLabel(tr("The Monthly review and the PDF show each figure beside its target."), this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(hint);
    auto *buttons = new QHBoxLayout;
    m_save->setObjectName(QStringLiteral("save-targets"));
    m_save->setEnabled(false);
    buttons->addWidget(m_save);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setObjectName(QStringLiteral("targets-message"));
    layout->addWidget(m_message);
    layout->addStretch(1);
    connect(m_save, &QPushButton::clicked, this, &TargetsPanel::saveRequested);
}

void TargetsPanel::showTargets(const std::vector<std::pair<QString, QString>> &stored)
{
    if (m_save->isEnabled())
        return; // the user's unsaved edits win over a reload
    for (Field &field : m_fields) {
        double shown = kNotSet;
        for (const auto &[key, value] : stored) {
            bool ok = false;
            const double number = value.toDouble(&ok);
            if (key == field.key && ok)
                shown = field.percent ? number * 100.0 : number;
        }
        const QSignalBlocker blocker(field.box);
        field.box->setValue(shown);
    }
    m_save->setEnabled(false);
}

std::vector<std::pair<QString, QString>> TargetsPanel::values() const
{
    std::vector<std::pair<QString, QString>> values;
    for (const Field &field : m_fields) {
        const double shown = field.box->value();
        if (shown <= kNotSet)
            values.emplace_back(field.key, QString());
        else
            values.emplace_back(field.key, QString::number(field.percent ? shown / 100.0 : shown, 'g', 6));
    }
    return values;
}

void TargetsPanel::showSaveResult(const QString &error)
{
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText,
                     error.isEmpty() ? this->palette().color(QPalette::WindowText) : colors::warning(this->palette()));
    m_message->setPalette(palette);
    m_message->setText(error.isEmpty() ? tr("Saved: the Monthly review, the PDF and the command line use them now.")
                                       : error);
    m_save->setEnabled(!error.isEmpty());
}

void TargetsPanel::discardEdits()
{
    m_save->setEnabled(false);
    m_message->clear();
}

QDoubleSpinBox *TargetsPanel::field(const QString &key) const
{
    for (const Field &field : m_fields) {
        if (field.key == key)
            return field.box;
    }
    return nullptr;
}

void TargetsPanel::markEdited()
{
    m_save->setEnabled(true);
    m_message->clear();
}

} // namespace workbench::ui
