#include "DrillDownModel.h"

#include "display/Colors.h"
#include "display/Format.h"

#include <QApplication>

namespace workbench::ui {

DrillDownModel::DrillDownModel(QObject *parent) : QAbstractTableModel(parent)
{}

void DrillDownModel::setRows(std::vector<DrillDownRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int DrillDownModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DrillDownModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DrillDownModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const DrillDownRow &row = m_rows[size_t(index.row())];
    const std::optional<Verdict> verdict = verdictFromName(row.verdict);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case IdColumn:
            return row.conversationId;
        case OpenedColumn:
            return formatDateTime(row.createdAtMsecs);
        case CategoryColumn:
            return row.category;
        case HandlingColumn:
            return row.escalated ? tr("Escalated") : tr("AI");
        case CsatColumn:
            return row.csat ? QVariant(*row.csat) : QVariant(QStringLiteral("—"));
        case ConfidenceColumn:
            return row.aiConfidence ? QString::number(*row.aiConfidence, 'f', 2) : QStringLiteral("—");
        case VerdictColumn:
            return verdict ? verdictLabel(*verdict) : tr("not reviewed");
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == VerdictColumn) {
        const QPalette palette = QApplication::palette();
        return verdict ? colors::verdict(*verdict, palette) : palette.color(QPalette::PlaceholderText);
    }
    if (role == Qt::TextAlignmentRole && (index.column() == CsatColumn || index.column() == ConfidenceColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant DrillDownModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Conversation");
    case OpenedColumn:
        return tr("Opened");
    case CategoryColumn:
        return tr("Category");
    case HandlingColumn:
        return tr("Handled by");
    case CsatColumn:
        return tr("CSAT");
    case ConfidenceColumn:
        return tr("AI confidence");
    case VerdictColumn:
        return tr("Verdict");
    default:
        return {};
    }
}

} // namespace workbench::ui
