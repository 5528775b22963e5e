#include "DashboardPage.h"

#include "DrillDownDialog.h"
#include "charts/ChartPanel.h"
#include "charts/MetricsCharts.h"
#include "common/WorkbenchError.h"
#include "dialogs/Notice.h"
#include "display/Format.h"
#include "shell/MetricsSession.h"
#include "shell/PeriodPicker.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QScrollArea>
#include <QVBoxLayout>

namespace workbench::ui {

DashboardPage::DashboardPage(MetricsSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_periodBox(new PeriodPicker(session, this)),
      m_breakdownBox(new QComboBox(this)), m_status(new QLabel(this)), m_drillDialog(new DrillDownDialog(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    auto *top = new QHBoxLayout;
    auto *periodLabel = new QLabel(tr("&Period"), this);
    periodLabel->setBuddy(m_periodBox);
    top->addWidget(periodLabel);
    top->addWidget(m_periodBox);
    top->addSpacing(16);
    auto *breakdownLabel = new QLabel(tr("&Breakdown"), this);
    breakdownLabel->setBuddy(m_breakdownBox);
    top->addWidget(breakdownLabel);
    m_breakdownBox->setObjectName(QStringLiteral("breakdown"));
    for (Breakdown breakdown : {Breakdown::Category, Breakdown::Channel, Breakdown::Team, Breakdown::Agent})
        m_breakdownBox->addItem(workbench::ui::breakdownLabel(breakdown), int(breakdown));
    top->addWidget(m_breakdownBox);
    top->addSpacing(16);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setObjectName(QStringLiteral("dashboard-status"));
    top->addWidget(m_status, 1);
    auto *hint = new QLabel(tr("Click a bar or point to list its conversations"), this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    top->addWidget(hint);
    layout->addLayout(top);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *grid = new QWidget(scroll);
    auto *gridLayout = new QGridLayout(grid);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->setSpacing(10);
    const char *names[] = {"trend", "rates", "csat", "reviews", "precision-recall", "threshold"};
    for (int i = 0; i < 6; ++i) {
        auto *panel = new ChartPanel(grid);
        panel->setObjectName(QString::fromLatin1(names[i]));
        panel->setMinimumHeight(300);
        gridLayout->addWidget(panel, i / 2, i % 2);
        m_charts[QString::fromLatin1(names[i])] = panel;
    }
    scroll->setWidget(grid);
    layout->addWidget(scroll, 1);

    connect(m_periodBox, &QComboBox::activated, this, [this] { m_status->setText(tr("Computing…")); });
    connect(m_breakdownBox, &QComboBox::currentIndexChanged, this, &DashboardPage::redrawPeriodCharts);
    connect(&m_session, &MetricsSession::overviewChanged, this, &DashboardPage::redrawTrendCharts);
    connect(&m_session, &MetricsSession::reportChanged, this, &DashboardPage::redrawPeriodCharts);
    connect(m_drillDialog, &DrillDownDialog::openRequested, this, &DashboardPage::openConversation);
    redrawTrendCharts();
    redrawPeriodCharts();
}

QComboBox *DashboardPage::periodBox() const
{
    return m_periodBox;
}

void DashboardPage::setDatabase(Database *db)
{
    m_db = db;
    m_drillDialog->hide();
}

Breakdown DashboardPage::breakdown() const
{
    return Breakdown(m_breakdownBox->currentData().toInt());
}

void DashboardPage::setBreakdown(Breakdown breakdown)
{
    m_breakdownBox->setCurrentIndex(m_breakdownBox->findData(int(breakdown)));
}

ChartPanel *DashboardPage::chart(const QString &name) const
{
    const auto found = m_charts.find(name);
    if (found == m_charts.end())
        qFatal("DashboardPage::chart: no chart \"%s\"", qPrintable(name)); // ids are fixed: a typo is a bug
    return found->second;
}

QList<ChartPanel *> DashboardPage::charts() const
{
    QList<ChartPanel *> panels;
    for (const auto &[name, panel] : m_charts)
        panels << panel;
    return panels;
}

void DashboardPage::drill(const DrillDownRequest &request, const QString &title)
{
    if (!m_db)
        return;
    try {
        m_drillDialog->show(title, drillDown(*m_db, request));
    } catch (const WorkbenchError &error) {
        notice::show(this, notice::Kind::Warning, tr("Conversations"), error.message());
    }
}

DrillHandler DashboardPage::drillHandler()
{
    return [this](const DrillDownRequest &request, const QString &title) { drill(request, title); };
}

void DashboardPage::redrawTrendCharts()
{
    const std::optional<MetricsReport> &report = m_session.report();
    const BenchmarkBand band = report ? report->headline.benchmark : defaultBenchmarkBand();
    showEscalationTrend(*chart(QStringLiteral("trend")), m_session.trend(), band, m_session.events(),
                        m_session.period(), drillHandler());
    showPrecisionRecallTrend(*chart(QStringLiteral("precision-recall")), m_session.trend(), drillHandler());
}

void DashboardPage::redrawPeriodCharts()
{
    const std::optional<MetricsReport> &report = m_session.report();
    if (!report) {
        m_status->setText(m_session.workspacePath().isEmpty() ? tr("No workspace is open.")
                          : m_session.error().isEmpty()       ? tr("Computing…")
                                                              : m_session.error());
        for (ChartPanel *panel : charts()) {
            if (panel->seriesCount() == 0 && panel->emptyMessage().isEmpty())
                panel->setEmptyMessage(m_session.months().empty() && !m_session.isComputing()
                                           ? tr("No conversations yet: import some on the Data page.")
                                           : tr("Computing…"));
        }
        return;
    }
    const DrillHandler handler = drillHandler();
    const Headline &h = report->headline;
    m_status->setText(tr("%1 · %2 conversations · %3 escalated · %4 reviewed at random")
                          .arg(formatMonthLong(h.period.year(), h.period.number()), formatCount(h.total.conversations),
                               formatPercent(h.total.escalationRate()),
                               formatCount(h.total.reviews.reviewedEscalated + h.total.reviews.reviewedContained)));
    showGroupEscalationRates(*chart(QStringLiteral("rates")), report->figures, breakdown(), handler);
    showCsatGap(*chart(QStringLiteral("csat")), report->figures, breakdown(), report->csatGapPoints, handler);
    showReviewEstimates(*chart(QStringLiteral("reviews")), report->figures, breakdown(), handler);
    showThresholdCurve(*chart(QStringLiteral("threshold")), *report, handler);
    redrawTrendCharts(); // the selected month is stressed on the trend
    Q_EMIT chartsRedrawn();
}

} // namespace workbench::ui
