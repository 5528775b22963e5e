#pragma once

#include <QWidget>

class QFormLayout;
class QLabel;
class QGridLayout;

namespace workbench {
struct ConversationDetails;
}

namespace workbench::ui {

/// The facts of the conversation under review (category, channel, CSAT, confidence, follow-up, times) and
/// its signals as badges. Every value is shown as plain text.
class FactsPanel final : public QWidget {
    Q_OBJECT
public:
    explicit FactsPanel(QWidget *parent = nullptr);

    void showConversation(const ConversationDetails &details);
    void clear();
    /// The badge labels shown, in order (for tests and accessibility).
    QStringList badgeTexts() const;
    /// The value shown for a fact, by its key ("category", "csat", ...).
    QString factText(const QString &key) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void addFact(const QString &key, const QString &label);
    void setFact(const QString &key, const QString &value);
    void restyleBadges();

    QLabel *m_title;
    QFormLayout *m_form;
    std::map<QString, QLabel *> m_facts;
    QWidget *m_badgeBox;
    QGridLayout *m_badges;
    std::vector<QLabel *> m_badgeLabels;
    QLabel *m_noSignals;
};

} // namespace workbench::ui
