#include "ImportPreviewModel.h"

#include "import/CanonicalWriter.h"

#include <QBrush>
#include <QColor>

namespace workbench::ui {
namespace {

QString number(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'g', 6) : QString();
}

} // namespace

ImportPreviewModel::ImportPreviewModel(QObject *parent) : QAbstractTableModel(parent)
{}

void ImportPreviewModel::setRecords(std::vector<SourceRecord> records,
                                    std::function<std::optional<Field>(const QString &)> fieldOfColumn)
{
    beginResetModel();
    m_records = std::move(records);
    m_problems.assign(m_records.size(), {});
    m_shortProblems.assign(m_records.size(), {});
    for (size_t row = 0; row < m_records.size(); ++row) {
        for (const ImportIssue &issue : m_records[row].issues) {
            const auto field =
                issue.column.isEmpty() ? std::nullopt : fieldOfColumn(issue.column.section(QLatin1Char('['), 0, 0));
            const int column = field ? columnOf(*field) : kLineColumn;
            QString &reasons = m_problems[row][column];
            reasons += (reasons.isEmpty() ? QString() : QStringLiteral("\n")) + issue.text();
            m_shortProblems[row].try_emplace(column, QStringLiteral("⚠ ") + issue.problem);
        }
    }
    endResetModel();
}

int ImportPreviewModel::problemCount() const
{
    int count = 0;
    for (const auto &problems : m_problems)
        count += problems.empty() ? 0 : 1;
    return count;
}

QString ImportPreviewModel::problemAt(int row, int column) const
{
    const auto &problems = m_problems[size_t(row)];
    const auto found = problems.find(column);
    return found == problems.end() ? QString() : found->second;
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1 + int(Field::Count);
}

QString ImportPreviewModel::display(const SourceRecord &record, Field field) const
{
    const Conversation &c = record.conversation;
    if (!(c.presentFields & fieldBit(field)))
        return {};
    switch (field) {
    case Field::ConversationId:
        return c.conversationId;
    case Field::CreatedAt:
        return isoTimestamp(c.createdAtMsecs);
    case Field::Escalated:
        return c.escalated ? QStringLiteral("true") : QStringLiteral("false");
    case Field::Category:
        return storedCategory(c.category);
    case Field::Channel:
        return c.channel;
    case Field::Team:
        return c.team;
    case Field::Agent:
        return c.agent;
    case Field::CustomerId:
        return c.customerId;
    case Field::EscalatedAt:
        return c.escalatedAtMsecs ? isoTimestamp(*c.escalatedAtMsecs) : QString();
    case Field::AiConfidence:
        return number(c.aiConfidence);
    case Field::Csat:
        return c.csat ? QString::number(*c.csat) : QString();
    case Field::FirstContactResolution:
        return c.firstContactResolution ? (*c.firstContactResolution ? QStringLiteral("true") : QStringLiteral("false"))
                                        : QString();
    case Field::HandleTimeSeconds:
        return number(c.handleTimeSeconds);
    case Field::Sentiment:
        return number(c.sentiment);
    case Field::Transcript:
        return c.transcript.left(200);
    case Field::EscalationReason:
        return c.escalationReason;
    case Field::Messages:
        return c.messages.empty() ? QString() : tr("%n turn(s)", nullptr, int(c.messages.size()));
    case Field::Count:
        break;
    }
    return {};
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const SourceRecord &record = m_records[size_t(index.row())];
    const QString problem = problemAt(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == kLineColumn)
            return problem.isEmpty() ? QString::number(record.line) : QStringLiteral("⚠ %1").arg(record.line);
        if (!problem.isEmpty())
            return m_shortProblems[size_t(index.row())].at(index.column());
        return display(record, Field(index.column() - 1));
    case Qt::ToolTipRole:
        return problem.isEmpty() ? QVariant() : QVariant(problem);
    case Qt::BackgroundRole:
        return problem.isEmpty() ? QVariant() : QVariant(QBrush(QColor(0xe5, 0x48, 0x4d, 110)));
    case Qt::TextAlignmentRole:
        return index.column() == kLineColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == kLineColumn ? tr("Line") : fieldName(Field(section - 1));
}

} // namespace workbench::ui
