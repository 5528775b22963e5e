#include "MonthlyReviewPage.h"

#include "HeadlineTableModel.h"
#include "common/NumberText.h"
#include "display/Format.h"
#include "metrics/HeadlineFigures.h"
#include "shell/MetricsSession.h"
#include "shell/PeriodPicker.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace workbench::ui {
namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    label->setFont(font);
    return label;
}

} // namespace

MonthlyReviewPage::MonthlyReviewPage(MetricsSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_periodBox(new PeriodPicker(session, this)), m_heading(new QLabel(this)),
      m_headline(new HeadlineTableModel(this)), m_headlineView(new QTableView(this)),
      m_agreement(new QTableWidget(this))
{
    QVBoxLayout *layout = makeReportPage(this, m_heading, m_periodBox);
    QWidget *content = layout->parentWidget();

    m_headlineView->setObjectName(QStringLiteral("headline"));
    m_headlineView->setModel(m_headline);
    m_headlineView->verticalHeader()->hide();
    m_headlineView->setSelectionMode(QAbstractItemView::NoSelection);
    m_headlineView->setFocusPolicy(Qt::NoFocus);
    m_headlineView->setShowGrid(false);
    m_headlineView->setAlternatingRowColors(true);
    m_headlineView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_headlineView->horizontalHeader()->setSectionResizeMode(HeadlineTableModel::FigureColumn, QHeaderView::Stretch);
    m_headlineView->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_headlineView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_headlineView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_headlineView);
    auto *targetsRow = new QHBoxLayout;
    targetsRow->addStretch(1);
    auto *targetsButton = new QPushButton(tr("Set the Quarter's Targets…"), content);
    targetsButton->setObjectName(QStringLiteral("set-targets"));
    connect(targetsButton, &QPushButton::clicked, this, &MonthlyReviewPage::targetsRequested);
    targetsRow->addWidget(targetsButton);
    layout->addLayout(targetsRow);

    auto *columns = new QGridLayout;
    columns->setHorizontalSpacing(28);
    columns->setVerticalSpacing(4);
    auto addSection = [&](int row, int column, const QString &title, const QString &name) {
        columns->addWidget(heading(title, content), row * 2, column);
        QLabel *label = section(name);
        label->setParent(content);
        columns->addWidget(label, row * 2 + 1, column, Qt::AlignTop);
    };
    addSection(0, 0, tr("Quick wins: the 3 categories with the most false escalations"), QStringLiteral("top-false"));
    addSection(0, 1, tr("Escalate more: CSAT well below the agents'"), QStringLiteral("flagged"));
    addSection(1, 0, tr("Recommendations"), QStringLiteral("recommendations"));
    addSection(1, 1, tr("How many reviews a tighter estimate needs"), QStringLiteral("planner"));
    columns->setColumnStretch(0, 1);
    columns->setColumnStretch(1, 1);
    layout->addLayout(columns);

    layout->addWidget(heading(tr("Reviewer agreement"), content));
    m_agreement->setObjectName(QStringLiteral("agreement"));
    m_agreement->setColumnCount(4);
    m_agreement->setHorizontalHeaderLabels(
        {tr("Reviewers"), tr("In common"), tr("Cohen's kappa"), tr("Disagreements (double-click to open)")});
    m_agreement->verticalHeader()->hide();
    m_agreement->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_agreement->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_agreement->horizontalHeader()->setStretchLastSection(true);
    m_agreement->setWordWrap(true);
    connect(m_agreement, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        // The first disagreement of the pair; the tooltip lists them all.
        const QString first = m_agreement->item(row, 3)->data(Qt::UserRole).toString();
        if (!first.isEmpty())
            Q_EMIT openConversation(first);
    });
    layout->addWidget(m_agreement);
    section(QStringLiteral("agreement-note"))->setParent(content);
    layout->addWidget(section(QStringLiteral("agreement-note")));
    layout->addStretch(1);

    connect(&m_session, &MetricsSession::reportChanged, this, &MonthlyReviewPage::showReport);
    showReport();
}

QLabel *MonthlyReviewPage::section(const QString &name)
{
    auto found = m_sections.find(name);
    if (found == m_sections.end()) {
        auto *label = new QLabel(this);
        label->setObjectName(name);
        label->setTextFormat(Qt::PlainText); // category names are data
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        found = m_sections.emplace(name, label).first;
    }
    return found->second;
}

QString MonthlyReviewPage::sectionText(const QString &name) const
{
    if (name == QLatin1String("heading"))
        return m_heading->text();
    const auto found = m_sections.find(name);
    if (found == m_sections.end())
        qFatal("MonthlyReviewPage::sectionText: no section \"%s\"", qPrintable(name)); // a typo is a bug
    return found->second->text();
}

void MonthlyReviewPage::showReport()
{
    const std::optional<MetricsReport> &report = m_session.report();
    if (!report) {
        m_heading->setText(m_session.workspacePath().isEmpty() ? tr("Monthly review: no workspace is open")
                                                               : tr("Monthly review: computing…"));
        m_headline->setFigures({}, {}, {}, {});
        for (auto &[name, label] : m_sections)
            label->clear();
        m_agreement->setRowCount(0);
        return;
    }
    const Headline &h = report->headline;
    const QString period = h.period.key();
    m_heading->setText(tr("Monthly review of %1, against %2")
                           .arg(formatMonthLong(h.period.year(), h.period.number()), report->baselinePeriod.key()));
    m_headline->setFigures(headlineFigures(*report), h.currency, period,
                           report->baseline ? report->baselinePeriod.key() : QString());

    const qint64 reviewed = h.total.reviews.reviewedEscalated + h.total.reviews.reviewedContained;
    const QString noReviews = tr("No reviews in %1 yet: draw a sample on the Review page.").arg(period);

    QStringList top;
    int rank = 1;
    for (const QString &name : report->topFalseCategories) {
        const GroupFigures *group = report->category(name);
        if (!group)
            continue;
        const stats::Estimate rate = group->reviews.falseRate();
        top << tr("%1. %2: %3 false [%4, %5], %6 of %7 reviewed escalations")
                   .arg(rank++)
                   .arg(name, percentText(rate.value), percentText(rate.lo), percentText(rate.hi),
                        countText(group->reviews.falseEscalations), countText(group->reviews.reviewedEscalated));
    }
    section(QStringLiteral("top-false"))
        ->setText(!top.isEmpty()  ? top.join(QLatin1Char('\n'))
                  : reviewed == 0 ? noReviews
                                  : tr("No category has enough reviewed escalations with a false one yet."));

    QStringList flagged;
    for (const GroupFigures &group : report->figures.byCategory) {
        if (group.csatFlag)
            flagged << tr("%1: AI-handled CSAT %2 against %3 for agents (gap %4 points)")
                           .arg(group.name, decimalText(group.ai.csat(), 1), decimalText(group.agent.csat(), 1),
                                decimalText(group.csatGap(), 1));
    }
    section(QStringLiteral("flagged"))
        ->setText(flagged.isEmpty() ? tr("No category is flagged: nowhere does the AI's CSAT sit %1 or more points "
                                         "below the agents' with confidence.")
                                          .arg(report->csatGapPoints)
                                    : flagged.join(QLatin1Char('\n')));

    QStringList recommendations;
    for (const Recommendation &r : report->recommendations)
        recommendations << tr("%1: %2. %3").arg(r.category, r.actionText().toLower(), r.why);
    section(QStringLiteral("recommendations"))
        ->setText(recommendations.isEmpty() ? tr("None this month.") : recommendations.join(QStringLiteral("\n\n")));

    section(QStringLiteral("planner"))
        ->setText(tr("A ±%1 point estimate needs %2 random reviews of escalated conversations (%3 done) and %4 of "
                     "conversations the AI kept (%5 done).")
                      .arg(decimalText(h.targetMargin * 100, 0), countText(h.reviewsNeededEscalated),
                           countText(h.total.reviews.reviewedEscalated), countText(h.reviewsNeededContained),
                           countText(h.total.reviews.reviewedContained)));

    m_agreement->setRowCount(int(report->agreement.size()));
    for (int row = 0; row < int(report->agreement.size()); ++row) {
        const ReviewerAgreement &pair = report->agreement[size_t(row)];
        auto set = [&](int column, const QString &text) {
            m_agreement->setItem(row, column, new QTableWidgetItem(text));
        };
        set(0, QStringLiteral("%1 & %2").arg(pair.first, pair.second));
        set(1, countText(pair.common));
        set(2, decimalText(pair.kappa, 2));
        QString disagreements =
            pair.disagreements.isEmpty() ? tr("none") : pair.disagreements.mid(0, 8).join(QStringLiteral(", "));
        if (pair.disagreements.size() > 8)
            disagreements += tr(" and %1 more").arg(pair.disagreements.size() - 8);
        set(3, disagreements);
        m_agreement->item(row, 3)->setToolTip(pair.disagreements.join(QLatin1Char('\n')));
        m_agreement->item(row, 3)->setData(Qt::UserRole, pair.disagreements.value(0));
    }
    m_agreement->setVisible(!report->agreement.empty());
    m_agreement->setFixedHeight(m_agreement->horizontalHeader()->height() + 6 +
                                m_agreement->verticalHeader()->length());
    section(QStringLiteral("agreement-note"))
        ->setText(report->agreement.empty()
                      ? tr("No two reviewers tagged %1 or more of the same conversations in %2: agreement needs an "
                           "overlap (two reviewers on one sample).")
                            .arg(kAgreementMinCommon)
                            .arg(period)
                      : tr("Kappa above 0.6 is substantial agreement; below 0.4, calibrate the reviewers on the "
                           "disagreements."));
}

} // namespace workbench::ui
