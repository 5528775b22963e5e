#include "NewSampleDialog.h"

#include "display/Format.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QToolButton>

namespace workbench::ui {

NewSampleDialog::NewSampleDialog(Database &db, const QDateTime &now, QWidget *parent)
    : QDialog(parent), m_db(db), m_period(new QLineEdit(this)), m_population(new QComboBox(this)),
      m_method(new QComboBox(this)), m_size(new QSpinBox(this)), m_seed(new QLineEdit(this)),
      m_populationInfo(new QLabel(this)), m_latestButton(new QPushButton(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New Sample"));
    auto *form = new QFormLayout(this);

    m_period->setObjectName(QStringLiteral("period"));
    m_period->setText(lastFullIsoWeek(now).key());
    m_period->setToolTip(tr("An ISO week such as 2026-W47, or a month such as 2026-11"));
    auto *earlier = new QToolButton(this);
    earlier->setArrowType(Qt::LeftArrow);
    earlier->setToolTip(tr("The period before"));
    auto *later = new QToolButton(this);
    later->setArrowType(Qt::RightArrow);
    later->setToolTip(tr("The period after"));
    auto step = [this](bool forward) {
        if (const auto current = period())
            m_period->setText((forward ? current->next() : current->previous()).key());
    };
    connect(earlier, &QToolButton::clicked, this, [step] { step(false); });
    connect(later, &QToolButton::clicked, this, [step] { step(true); });
    auto *periodRow = new QHBoxLayout;
    periodRow->addWidget(earlier);
    periodRow->addWidget(m_period, 1);
    periodRow->addWidget(later);
    form->addRow(tr("&Period"), periodRow);

    m_population->setObjectName(QStringLiteral("population"));
    m_population->addItem(tr("Escalated (was the hand-off right?)"), populationName(Population::Escalated));
    m_population->addItem(tr("Kept by the AI (should it have handed off?)"), populationName(Population::Contained));
    form->addRow(tr("P&opulation"), m_population);
    m_method->addItem(tr("Random: for estimates"), methodName(SampleMethod::Random));
    m_method->addItem(tr("Targeted: likely missed escalations first (never extrapolated)"),
                      methodName(SampleMethod::Targeted));
    form->addRow(tr("&Method"), m_method);
    m_size->setRange(1, 100000);
    m_size->setValue(50);
    form->addRow(tr("&Size"), m_size);
    m_seed->setPlaceholderText(tr("chosen for you and stored"));
    m_seed->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,19}")), this));
    form->addRow(tr("S&eed"), m_seed);
    m_populationInfo->setObjectName(QStringLiteral("population-info"));
    m_populationInfo->setWordWrap(true);
    form->addRow(m_populationInfo);
    m_latestButton->setObjectName(QStringLiteral("latest-week"));
    m_latestButton->hide();
    connect(m_latestButton, &QPushButton::clicked, this, [this] {
        const Population population = *populationFromName(m_population->currentData().toString());
        if (const auto latest = latestIsoWeekWith(m_db, population))
            m_period->setText(latest->key());
    });
    form->addRow(m_latestButton);
    m_drawAnother = new QCheckBox(tr("Draw &another even if this week's sample exists"), this);
    m_drawAnother->setObjectName(QStringLiteral("draw-another"));
    form->addRow(m_drawAnother);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Draw Sample"));
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_period, &QLineEdit::textChanged, this, &NewSampleDialog::updatePopulation);
    connect(m_population, &QComboBox::currentIndexChanged, this, &NewSampleDialog::updatePopulation);
    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        const bool random = m_method->currentData().toString() == methodName(SampleMethod::Random);
        m_seed->setEnabled(random);
        // Targeted candidates are missed-escalation candidates: they come from what the AI kept.
        if (!random)
            m_population->setCurrentIndex(m_population->findData(populationName(Population::Contained)));
    });
    updatePopulation();
    setMinimumWidth(480);
}

std::optional<Period> NewSampleDialog::period() const
{
    return Period::parse(m_period->text().trimmed());
}

void NewSampleDialog::updatePopulation()
{
    const std::optional<Period> chosen = period();
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    if (!chosen) {
        m_populationInfo->setText(tr("Enter an ISO week such as 2026-W47 or a month such as 2026-11."));
        ok->setEnabled(false);
        return;
    }
    const Population population = *populationFromName(m_population->currentData().toString());
    const qint64 count = populationSize(m_db, *chosen, population);
    const std::optional<Period> latest = count == 0 ? latestIsoWeekWith(m_db, population) : std::nullopt;
    m_latestButton->setVisible(latest.has_value());
    if (latest)
        m_latestButton->setText(
            tr("Use %1, the latest week with %2 conversations").arg(latest->key(), populationName(population)));
    m_populationInfo->setText(
        count == 0
            ? tr("No %1 conversations in %2: choose another period.").arg(populationName(population), chosen->key())
            : tr("%1 %2 conversations in %3.").arg(formatCount(count), populationName(population), chosen->key()));
    ok->setEnabled(count > 0);
}

bool NewSampleDialog::drawAnother() const
{
    return m_drawAnother->isChecked();
}

SampleRequest NewSampleDialog::request() const
{
    SampleRequest request;
    request.period = period().value_or(request.period);
    request.population = *populationFromName(m_population->currentData().toString());
    request.method = *methodFromName(m_method->currentData().toString());
    request.size = m_size->value();
    if (request.method == SampleMethod::Random && !m_seed->text().isEmpty())
        request.seed = m_seed->text().toULongLong();
    return request;
}

} // namespace workbench::ui
