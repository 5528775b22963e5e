#include "FactsPanel.h"

#include "display/Colors.h"
#include "display/Format.h"
#include "review/ConversationDetails.h"
#include "review/ReviewBadges.h"

#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace workbench::ui {
namespace {

QLabel *plainLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText); // customer data is text, never markup
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("—") : text;
}

} // namespace

FactsPanel::FactsPanel(QWidget *parent)
    : QWidget(parent), m_title(plainLabel(this)), m_form(new QFormLayout), m_badgeBox(new QWidget(this)),
      m_badges(new QGridLayout(m_badgeBox)), m_noSignals(new QLabel(tr("No signals"), m_badgeBox))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("facts-title"));
    layout->addWidget(m_title);

    m_badges->setContentsMargins(0, 2, 0, 2);
    m_badges->setSpacing(4);
    m_noSignals->setForegroundRole(QPalette::PlaceholderText);
    m_badges->addWidget(m_noSignals, 0, 0);
    m_badges->setColumnStretch(2, 1);
    layout->addWidget(m_badgeBox);

    m_form->setLabelAlignment(Qt::AlignLeft);
    m_form->setHorizontalSpacing(12);
    m_form->setVerticalSpacing(3);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(m_form);
    addFact(QStringLiteral("category"), tr("Category"));
    addFact(QStringLiteral("handling"), tr("Handled by"));
    addFact(QStringLiteral("reason"), tr("Escalation reason"));
    addFact(QStringLiteral("created"), tr("Opened"));
    addFact(QStringLiteral("escalated-after"), tr("Escalated after"));
    addFact(QStringLiteral("channel"), tr("Channel"));
    addFact(QStringLiteral("team"), tr("Team / agent"));
    addFact(QStringLiteral("csat"), tr("CSAT"));
    addFact(QStringLiteral("confidence"), tr("AI confidence"));
    addFact(QStringLiteral("followup"), tr("Follow-up ≤ 48 h"));
    addFact(QStringLiteral("customer"), tr("Customer"));
    clear();
}

void FactsPanel::addFact(const QString &key, const QString &label)
{
    QLabel *value = plainLabel(this);
    value->setObjectName(QStringLiteral("fact-") + key);
    auto *name = new QLabel(label, this);
    name->setForegroundRole(QPalette::PlaceholderText);
    m_form->addRow(name, value);
    m_facts[key] = value;
}

void FactsPanel::setFact(const QString &key, const QString &value)
{
    m_facts.at(key)->setText(orDash(value));
}

QString FactsPanel::factText(const QString &key) const
{
    const auto found = m_facts.find(key);
    return found == m_facts.end() ? QString() : found->second->text();
}

void FactsPanel::clear()
{
    m_title->setText(tr("No conversation selected"));
    for (auto &[key, label] : m_facts)
        label->setText(QStringLiteral("—"));
    for (QLabel *badge : m_badgeLabels)
        delete badge;
    m_badgeLabels.clear();
    m_noSignals->show();
}

void FactsPanel::showConversation(const ConversationDetails &details)
{
    clear();
    const Conversation &c = details.conversation;
    m_title->setText(c.conversationId);
    setFact(QStringLiteral("category"), c.category);
    setFact(QStringLiteral("handling"), c.escalated ? tr("Escalated to a person") : tr("AI (kept)"));
    setFact(QStringLiteral("reason"), c.escalated ? c.escalationReason : QString());
    setFact(QStringLiteral("created"), formatDateTime(c.createdAtMsecs));
    setFact(QStringLiteral("escalated-after"),
            c.escalatedAtMsecs
                ? tr("%n min", nullptr, int(std::max<qint64>(0, *c.escalatedAtMsecs - c.createdAtMsecs) / 60000))
                : QString());
    setFact(QStringLiteral("channel"), c.channel);
    QStringList people;
    if (!c.team.isEmpty())
        people << c.team;
    if (!c.agent.isEmpty())
        people << c.agent;
    setFact(QStringLiteral("team"), people.join(QStringLiteral(" / ")));
    setFact(QStringLiteral("csat"), c.csat ? tr("%1 of 5").arg(*c.csat) : tr("not rated"));
    setFact(QStringLiteral("confidence"), c.aiConfidence ? QString::number(*c.aiConfidence, 'f', 2) : QString());
    setFact(QStringLiteral("followup"), details.hasFollowup ? tr("Yes: the customer came back") : tr("No"));
    setFact(QStringLiteral("customer"), c.customerId);

    const std::vector<ReviewBadge> badges = reviewBadges(details);
    m_noSignals->setVisible(badges.empty());
    // Two to a row: the panel is narrow and five badges must stay legible.
    for (ReviewBadge badge : badges) {
        auto *label = new QLabel(badgeLabel(badge), m_badgeBox);
        label->setObjectName(QStringLiteral("badge"));
        label->setToolTip(badgeExplanation(badge));
        label->setAlignment(Qt::AlignCenter);
        const int at = int(m_badgeLabels.size());
        m_badges->addWidget(label, at / 2, at % 2);
        label->show(); // created after the panel was shown
        m_badgeLabels.push_back(label);
    }
    restyleBadges();
}

void FactsPanel::restyleBadges()
{
    // Badges in the warning colour with text that keeps its contrast in light and dark palettes.
    const QColor background = colors::warning(palette());
    const QString style =
        QStringLiteral("QLabel#badge { background: %1; color: %2; border-radius: 8px;"
                       " padding: 2px 8px; font-weight: 600; }")
            .arg(background.name(), colors::isDark(palette()) ? QStringLiteral("#1b1b1b") : QStringLiteral("#ffffff"));
    m_badgeBox->setStyleSheet(style);
}

QStringList FactsPanel::badgeTexts() const
{
    QStringList texts;
    for (const QLabel *badge : m_badgeLabels)
        texts << badge->text();
    return texts;
}

void FactsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        restyleBadges();
    QWidget::changeEvent(event);
}

} // namespace workbench::ui
