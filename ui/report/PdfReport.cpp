#include "PdfReport.h"

#include "charts/ChartPanel.h"
#include "charts/MetricsCharts.h"
#include "common/NumberText.h"
#include "common/Progress.h"
#include "common/WorkbenchError.h"
#include "display/Format.h"
#include "metrics/HeadlineFigures.h"
#include "review/TranscriptModel.h"
#include "store/WorkspaceSettings.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

#include <memory>

namespace workbench::ui {
namespace {

constexpr int kResolution = 300; ///< dots per inch of the page's coordinates
constexpr double kMarginMm = 16;
constexpr double kBodyPoints = 9.5;
constexpr QSizeF kChartSize{640, 280}; ///< logical size a chart is laid out at, then scaled to the page
const QString kAccent = QStringLiteral("#2f6fc0");
const QString kMuted = QStringLiteral("#5f6670");
const QString kWarning = QStringLiteral("#c0392b");
const QString kGood = QStringLiteral("#1e7e45");

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

/// A light palette for the charts: the report prints the same whatever the desktop's theme.
QPalette printPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, Qt::white);
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf4, 0xf6, 0xf8));
    palette.setColor(QPalette::Text, QColor(0x1d, 0x21, 0x27));
    palette.setColor(QPalette::WindowText, QColor(0x1d, 0x21, 0x27));
    palette.setColor(QPalette::PlaceholderText, QColor(0x5f, 0x66, 0x70));
    return palette;
}

const QString kStyle =
    QStringLiteral("h1 { font-size: 20pt; font-weight: 600; color: #1d2127; margin-bottom: 2pt; }"
                   "h2 { font-size: 13pt; font-weight: 600; color: #2f6fc0; margin-top: 10pt; margin-bottom: 4pt; }"
                   "h3 { font-size: 10.5pt; font-weight: 600; margin-top: 6pt; margin-bottom: 2pt; }"
                   "p { margin-top: 0pt; margin-bottom: 4pt; }"
                   "th { font-weight: 600; text-align: left; background-color: #eef2f7; }"
                   ".muted { color: #5f6670; }"
                   ".num { text-align: right; white-space: nowrap; }"
                   ".small { font-size: 8pt; }");

/// A document that never loads a resource: the report's HTML is built from escaped data, and should an image
/// or style sheet reference ever slip into it, no local file or URL is read.
class InertDocument : public QTextDocument {
protected:
    QVariant loadResource(int, const QUrl &) override { return {}; }
};

/// One piece of the page flow: measured once, painted at its place.
struct Block {
    double height = 0;
    std::function<void(QPainter &, const QRectF &)> paint;
    bool newPage = false;
};

class ReportComposer {
public:
    ReportComposer(QPdfWriter &writer, const ReportData &data) : m_writer(writer), m_data(data)
    {
        const QRect page = writer.pageLayout().paintRectPixels(kResolution);
        m_contentWidth = page.width();
        m_contentHeight = page.height() - footerHeight();
    }

    /// Adds rich text (HTML built from escaped data).
    void text(const QString &html, bool newPage = false)
    {
        std::shared_ptr<QTextDocument> document = std::make_shared<InertDocument>();
        document->documentLayout()->setPaintDevice(&m_writer);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(kBodyPoints);
        document->setDefaultFont(font);
        document->setDefaultStyleSheet(kStyle);
        document->setHtml(html);
        document->setTextWidth(m_contentWidth);
        Block block;
        block.height = document->size().height();
        block.newPage = newPage;
        block.paint = [document](QPainter &painter, const QRectF &at) {
            painter.save();
            painter.translate(at.topLeft());
            document->drawContents(&painter);
            painter.restore();
        };
        m_blocks.push_back(std::move(block));
    }

    /// Adds a chart drawn by one of the dashboard's builders, as vectors.
    void chart(const std::function<void(ChartPanel &)> &build, double heightShare = 0.5)
    {
        auto panel = std::make_shared<ChartPanel>();
        panel->setPalette(printPalette());
        panel->resize(kChartSize.toSize());
        build(*panel);
        Block block;
        block.height = m_contentWidth * heightShare + spacing();
        const QSizeF size(kChartSize.width(), kChartSize.width() * heightShare);
        block.paint = [panel, size, this](QPainter &painter, const QRectF &at) {
            panel->renderTo(&painter, QRectF(at.left(), at.top(), m_contentWidth, at.height() - spacing()), size);
        };
        m_blocks.push_back(std::move(block));
    }

    void write(const std::function<bool(int, int)> &progress)
    {
        // First pass: which page each block lands on, so the footer can say "of N".
        std::vector<std::pair<int, double>> places;
        int page = 0;
        double y = 0;
        for (const Block &block : m_blocks) {
            if ((block.newPage && y > 0) || (y > 0 && y + block.height > m_contentHeight)) {
                ++page;
                y = 0;
            }
            places.emplace_back(page, y);
            y += block.height;
        }
        const int pages = page + 1;
        QPainter painter;
        if (!painter.begin(&m_writer))
            throw WorkbenchError(QStringLiteral("Could not write the PDF (is the folder writable?)."));
        int current = 0;
        paintFooter(painter, current, pages);
        for (size_t i = 0; i < m_blocks.size(); ++i) {
            if (places[i].first != current) {
                m_writer.newPage();
                current = places[i].first;
                paintFooter(painter, current, pages);
            }
            m_blocks[i].paint(painter, QRectF(0, places[i].second, m_contentWidth, m_blocks[i].height));
            if (progress && !progress(int(i) + 1, int(m_blocks.size()))) {
                painter.end();
                throw Cancelled();
            }
        }
        painter.end();
    }

    double contentWidth() const { return m_contentWidth; }

private:
    double spacing() const { return kResolution * 0.12; }
    double footerHeight() const { return kResolution * 0.3; }

    void paintFooter(QPainter &painter, int page, int pages)
    {
        painter.save();
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(7.5);
        painter.setFont(font);
        painter.setPen(QColor(kMuted));
        const QRectF footer(0, m_contentHeight + footerHeight() * 0.35, m_contentWidth, footerHeight() * 0.65);
        painter.drawLine(QPointF(0, footer.top()), QPointF(m_contentWidth, footer.top()));
        const Period &period = m_data.report.headline.period;
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignBottom,
                         QStringLiteral("Escalation Workbench · %1 · %2")
                             .arg(m_data.workspaceName, formatMonthLong(period.year(), period.number())));
        painter.drawText(footer, Qt::AlignRight | Qt::AlignBottom,
                         QStringLiteral("Page %1 of %2").arg(page + 1).arg(pages));
        painter.restore();
    }

    QPdfWriter &m_writer;
    const ReportData &m_data;
    double m_contentWidth = 0;
    double m_contentHeight = 0;
    std::vector<Block> m_blocks;
};

QString estimateCell(const stats::Estimate &estimate, qint64 reviewed)
{
    if (!estimate.value)
        return QStringLiteral("<span class=\"muted\">not reviewed</span>");
    return QStringLiteral("%1 [%2, %3] (n %4)")
        .arg(percentText(estimate.value), percentText(estimate.lo), percentText(estimate.hi), countText(reviewed));
}

QString titleBlock(const ReportData &data)
{
    const MetricsReport &r = data.report;
    const Headline &h = r.headline;
    QString html =
        QStringLiteral("<h1>Escalation review · %1</h1>").arg(esc(formatMonthLong(h.period.year(), h.period.number())));
    html +=
        QStringLiteral("<p class=\"muted\">Workspace <b>%1</b> · period %2 against %3 · generated %4 · reviewers: "
                       "%5 · %6</p>")
            .arg(esc(data.workspaceName), esc(h.period.key()), esc(r.baselinePeriod.key()),
                 esc(formatDateTime(data.generatedAt.toMSecsSinceEpoch())),
                 data.reviewers.isEmpty() ? QStringLiteral("none yet") : esc(data.reviewers.join(QStringLiteral(", "))),
                 data.masked ? QStringLiteral("customer emails, phone numbers and card numbers masked")
                             : QStringLiteral("<font color=\"#c0392b\">not masked: customer data in full</font>"));
    html +=
        QStringLiteral("<p>%1 conversations, %2 escalated to a person (%3); benchmark band %4 %5–%6: %7. "
                       "%8 escalated and %9 AI-kept conversations reviewed in random samples.</p>")
            .arg(countText(h.total.conversations), countText(h.total.escalated), percentText(h.total.escalationRate()),
                 esc(h.benchmark.name), percentText(h.benchmark.low, 0), percentText(h.benchmark.high, 0),
                 h.benchmarkPosition.isEmpty() ? QStringLiteral("—") : esc(h.benchmarkPosition),
                 countText(h.total.reviews.reviewedEscalated), countText(h.total.reviews.reviewedContained));
    return html;
}

QString headlineTable(const ReportData &data)
{
    const MetricsReport &r = data.report;
    const QString currency = r.headline.currency;
    QString html = QStringLiteral("<h2>Headline figures</h2><table width=\"100%\" cellspacing=\"0\" "
                                  "cellpadding=\"5\"><tr><th width=\"27%\">Figure</th>"
                                  "<th width=\"27%\" class=\"num\">%1</th><th width=\"14%\" class=\"num\">%2</th>"
                                  "<th width=\"14%\" class=\"num\">Change</th>"
                                  "<th width=\"18%\" class=\"num\">Quarter's target</th></tr>")
                       .arg(esc(r.headline.period.key()), esc(r.baselinePeriod.key()));
    for (const HeadlineFigure &figure : headlineFigures(r)) {
        HeadlineFigure baseline = figure;
        baseline.value = figure.baseline;
        baseline.estimated = false;
        const std::optional<bool> improved = figure.improved();
        const QString changeColor = !improved ? kMuted : *improved ? kGood : kWarning;
        QString target = QStringLiteral("—");
        if (figure.target) {
            HeadlineFigure t = figure;
            t.value = figure.target;
            t.estimated = false;
            const std::optional<bool> met = figure.onTarget();
            target = QStringLiteral("%1%2").arg(esc(figureValueText(t, currency, false)),
                                                met ? (*met ? QStringLiteral(" · met") : QStringLiteral(" · missed"))
                                                    : QString());
        }
        html += QStringLiteral("<tr><td>%1</td><td class=\"num\"><b>%2</b></td><td class=\"num\">%3</td>"
                               "<td class=\"num\"><font color=\"%4\">%5</font></td><td class=\"num\">%6</td></tr>")
                    .arg(esc(figure.label), esc(figureValueText(figure, currency, true)),
                         esc(figureValueText(baseline, currency, false)), changeColor,
                         esc(figureChangeText(figure, currency)), target);
    }
    html += QStringLiteral("</table><p class=\"muted\">Rates from reviews are estimates from random samples with 95 % "
                           "Wilson intervals in brackets; changes are in percentage points.</p>");
    return html;
}

QString whereToAct(const ReportData &data)
{
    const MetricsReport &r = data.report;
    QString html = QStringLiteral("<h2>Where to act</h2><h3>Quick wins: the categories with the most false "
                                  "escalations</h3>");
    if (r.topFalseCategories.isEmpty()) {
        html += QStringLiteral("<p class=\"muted\">No category has enough reviewed escalations yet.</p>");
    } else {
        html += QStringLiteral("<ol>");
        for (const QString &name : r.topFalseCategories) {
            if (const GroupFigures *group = r.category(name))
                html += QStringLiteral("<li><b>%1</b>: %2 false escalations</li>")
                            .arg(esc(name), estimateCell(group->reviews.falseRate(), group->reviews.reviewedEscalated));
        }
        html += QStringLiteral("</ol>");
    }
    html += QStringLiteral("<h3>Escalate more: AI-handled CSAT well below the agents'</h3>");
    QStringList flagged;
    for (const GroupFigures &group : r.figures.byCategory) {
        if (group.csatFlag)
            flagged << QStringLiteral("<li><b>%1</b>: AI %2 against agents %3 (gap %4 points)</li>")
                           .arg(esc(group.name), decimalText(group.ai.csat(), 1), decimalText(group.agent.csat(), 1),
                                decimalText(group.csatGap(), 1));
    }
    html += flagged.isEmpty() ? QStringLiteral("<p class=\"muted\">No category is flagged.</p>")
                              : QStringLiteral("<ul>%1</ul>").arg(flagged.join(QString()));
    html += QStringLiteral("<h3>Recommendations</h3>");
    if (r.recommendations.empty())
        html += QStringLiteral("<p class=\"muted\">None this month.</p>");
    for (const Recommendation &rec : r.recommendations)
        html += QStringLiteral("<p><b>%1 — %2.</b> %3</p>").arg(esc(rec.category), esc(rec.actionText()), esc(rec.why));
    return html;
}

QString categoryTable(const ReportData &data)
{
    QString html = QStringLiteral(
        "<h2>By category</h2><table class=\"small\" width=\"100%\" cellspacing=\"0\" "
        "cellpadding=\"5\"><tr><th>Category</th><th class=\"num\">Conv.</th>"
        "<th class=\"num\">Escalated</th><th class=\"num\">CSAT AI / agents</th><th class=\"num\">Gap</th>"
        "<th class=\"num\">False escalations</th><th class=\"num\">Missed escalations</th></tr>");
    for (const GroupFigures &group : data.report.figures.byCategory) {
        html +=
            QStringLiteral("<tr><td>%1%2</td><td class=\"num\">%3</td><td class=\"num\">%4</td>"
                           "<td class=\"num\">%5 / %6</td><td class=\"num\">%7</td><td class=\"num\">%8</td>"
                           "<td class=\"num\">%9</td></tr>")
                .arg(esc(group.name),
                     group.csatFlag ? QStringLiteral(" <font color=\"%1\">(flagged)</font>").arg(kWarning) : QString(),
                     countText(group.conversations), percentText(group.escalationRate()),
                     decimalText(group.ai.csat(), 1), decimalText(group.agent.csat(), 1),
                     decimalText(group.csatGap(), 1),
                     estimateCell(group.reviews.falseRate(), group.reviews.reviewedEscalated),
                     estimateCell(group.reviews.missedRate(), group.reviews.reviewedContained));
    }
    return html + QStringLiteral("</table>");
}

QString costSection(const ReportData &data)
{
    const Headline &h = data.report.headline;
    QString html = QStringLiteral("<h2>Cost model</h2>");
    html +=
        QStringLiteral("<p>False escalations cost an estimated <b>%1</b> in %2 (%3 net of the %4 the AI would have "
                       "cost): %5 escalated conversations × %6 false × %7 an agent-handled contact.</p>")
            .arg(esc(moneyText(h.cost.falseEscalationCost, h.currency)), esc(h.period.key()),
                 esc(moneyText(h.cost.falseEscalationNetCost, h.currency)), esc(moneyText(h.aiCost, h.currency)),
                 countText(h.total.escalated), percentText(h.falseRate.value), esc(moneyText(h.agentCost, h.currency)));
    html +=
        QStringLiteral("<p><b>What if</b> false escalations fell by %1 points: <b>%2 a month, %3 a year</b> in agent "
                       "cost (%4 and %5 net of AI cost).</p>")
            .arg(decimalText(h.cost.cutPoints, 1), esc(moneyText(h.cost.monthly, h.currency)),
                 esc(moneyText(h.cost.yearly, h.currency)), esc(moneyText(h.cost.monthlyNet, h.currency)),
                 esc(moneyText(h.cost.yearlyNet, h.currency)));
    QStringList sources;
    for (const SettingSpec &spec : settingSpecs()) {
        if ((spec.key == QLatin1String("agent_cost") || spec.key == QLatin1String("ai_cost")) && !spec.source.isEmpty())
            sources << QStringLiteral("%1: %2").arg(esc(spec.description), esc(spec.source));
    }
    html += QStringLiteral("<p class=\"muted\">Default costs come from published figures (%1); the workspace sets its "
                           "own.</p>")
                .arg(sources.join(QStringLiteral("; ")));
    return html;
}

QString agreementSection(const ReportData &data)
{
    const MetricsReport &r = data.report;
    QString html = QStringLiteral("<h2>Reviewer agreement</h2>");
    if (r.agreement.empty())
        return html + QStringLiteral("<p class=\"muted\">No two reviewers tagged %1 or more of the same conversations "
                                     "in %2.</p>")
                          .arg(kAgreementMinCommon)
                          .arg(esc(r.headline.period.key()));
    html += QStringLiteral(
        "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"5\"><tr><th>Reviewers</th><th class=\"num\">In common"
        "</th><th class=\"num\">Cohen's kappa</th><th>Disagreements</th></tr>");
    for (const ReviewerAgreement &pair : r.agreement) {
        QString list = pair.disagreements.mid(0, 6).join(QStringLiteral(", "));
        if (pair.disagreements.size() > 6)
            list += QStringLiteral(" and %1 more").arg(pair.disagreements.size() - 6);
        html +=
            QStringLiteral("<tr><td>%1 &amp; %2</td><td class=\"num\">%3</td><td class=\"num\">%4</td><td>%5</td></tr>")
                .arg(esc(pair.first), esc(pair.second), countText(pair.common), decimalText(pair.kappa, 2),
                     pair.disagreements.isEmpty() ? QStringLiteral("none") : esc(list));
    }
    return html + QStringLiteral("</table>");
}

QString methodology(const ReportData &data)
{
    const Headline &h = data.report.headline;
    QString html = QStringLiteral("<h2>Methodology</h2>");
    html += QStringLiteral(
                "<p><b>Samples.</b> Reviewers read conversations drawn uniformly at random (each sample's seed is "
                "stored, so it can be drawn again) and tagged each: correct or false escalation for escalated "
                "conversations, correct resolution or missed escalation for those the AI kept. In %1, %2 escalated "
                "and %3 AI-kept conversations were reviewed at random. %4 more were reviewed in targeted samples "
                "(lowest CSAT, follow-ups, low AI confidence first); they are counted and listed but never "
                "extrapolated.</p>")
                .arg(esc(h.period.key()), countText(h.total.reviews.reviewedEscalated),
                     countText(h.total.reviews.reviewedContained), countText(h.targetedReviewed));
    html += QStringLiteral(
                "<p><b>What is extrapolated.</b> Only the false-escalation rate f (false / reviewed escalated) and the "
                "missed-escalation rate m (missed / reviewed kept), each with a 95 % Wilson interval; estimated counts "
                "are E × f and C × m. Volumes, escalation rates, CSAT and follow-ups are counted over every "
                "conversation, not estimated. A ±%1 point estimate needs %2 reviews of escalated and %3 of kept "
                "conversations.</p>")
                .arg(decimalText(h.targetMargin * 100, 0), countText(h.reviewsNeededEscalated),
                     countText(h.reviewsNeededContained));
    html += QStringLiteral(
        "<p><b>Definitions.</b> Escalation rate: escalated / conversations. Precision of escalation: 1 − f (the "
        "escalations that needed a person). Recall: E(1 − f) / (E(1 − f) + C·m) (the contacts that needed a person and "
        "got one). CSAT: satisfied (4 or 5 of 5) per 100 rated; a category is flagged when its AI-handled CSAT sits "
        "at least the set gap below the agents' and a two-proportion test finds it significant. Follow-up: the same "
        "customer contacting again about the same category within 48 hours. Cost of false escalations: E × f × the "
        "cost of an agent-handled contact; the what-if applies a cut of d points to f. When several reviewers tagged "
        "a conversation, its verdict is the latest tag; all tags count for agreement (Cohen's kappa).</p>");
    return html;
}

QString excerptHtml(const ReportExcerpt &example)
{
    QString html = QStringLiteral("<p><b>%1</b> · %2 · tagged by %3%4</p>")
                       .arg(esc(example.conversationId), esc(example.category), esc(example.reviewer),
                            example.reason.isEmpty()
                                ? QString()
                                : QStringLiteral(" · reason: <i>%1</i>").arg(esc(reasonLabel(example.reason))));
    if (!example.escalationReason.isEmpty())
        html +=
            QStringLiteral("<p class=\"muted\">The AI's hand-off reason: “%1”</p>").arg(esc(example.escalationReason));
    if (!example.note.isEmpty())
        html += QStringLiteral("<p>Note: “%1”</p>").arg(esc(example.note));
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"5\">");
    for (const Message &turn : example.turns)
        // pre-wrap keeps the customer's line breaks, blank lines and tabs; the text is escaped, never markup.
        html += QStringLiteral("<tr><td width=\"14%\" class=\"muted\">%1</td>"
                               "<td style=\"white-space: pre-wrap\">%2</td></tr>")
                    .arg(esc(roleLabel(turn.role)), esc(turn.text));
    return html + QStringLiteral("</table>");
}

/// The examples, a block each so that a long one moves to the next page whole.
void addExcerpts(ReportComposer &composer, const ReportData &data)
{
    composer.text(QStringLiteral("<h2>Examples</h2><p class=\"muted\">A few reviewed conversations in the "
                                 "reviewers' words%1.</p>")
                      .arg(data.masked ? QStringLiteral("; customer contact data masked") : QString()),
                  true);
    auto section = [&](const QString &title, const std::vector<ReportExcerpt> &examples) {
        QString html = QStringLiteral("<h3>%1</h3>").arg(title);
        if (examples.empty()) {
            composer.text(html + QStringLiteral("<p class=\"muted\">None tagged in this period.</p>"));
            return;
        }
        for (size_t i = 0; i < examples.size(); ++i)
            composer.text((i == 0 ? html : QString()) + excerptHtml(examples[i]));
    };
    section(QStringLiteral("False escalations: the AI could have resolved these"), data.falseExamples);
    section(QStringLiteral("Missed escalations: these needed a person"), data.missedExamples);
}

} // namespace

void writePdfReport(const ReportData &data, const QString &path, const std::function<bool(int, int)> &progress)
{
    QPdfWriter writer(path);
    writer.setResolution(kResolution);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter));
    const Headline &h = data.report.headline;
    writer.setTitle(QStringLiteral("Escalation review %1").arg(h.period.key()));
    writer.setCreator(QStringLiteral("Escalation Workbench"));

    ReportComposer composer(writer, data);
    composer.text(titleBlock(data) + headlineTable(data));
    composer.text(whereToAct(data));
    const DrillHandler none;
    composer.text(QStringLiteral("<h2>Charts</h2>"), true);
    composer.chart(
        [&](ChartPanel &panel) { showEscalationTrend(panel, data.trend, h.benchmark, data.events, h.period, none); });
    composer.chart(
        [&](ChartPanel &panel) { showGroupEscalationRates(panel, data.report.figures, Breakdown::Category, none); });
    composer.chart([&](ChartPanel &panel) {
        showCsatGap(panel, data.report.figures, Breakdown::Category, data.report.csatGapPoints, none);
    });
    composer.chart(
        [&](ChartPanel &panel) { showReviewEstimates(panel, data.report.figures, Breakdown::Category, none); });
    composer.chart([&](ChartPanel &panel) { showPrecisionRecallTrend(panel, data.trend, none); });
    composer.chart([&](ChartPanel &panel) { showThresholdCurve(panel, data.report, none); });
    composer.text(categoryTable(data), true);
    composer.text(costSection(data));
    composer.text(agreementSection(data));
    composer.text(methodology(data));
    addExcerpts(composer, data);
    composer.write(progress);
    if (!QFile::exists(path))
        throw WorkbenchError(QStringLiteral("Could not write %1.").arg(path));
}

} // namespace workbench::ui
