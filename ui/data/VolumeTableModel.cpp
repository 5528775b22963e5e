#include "VolumeTableModel.h"

#include "display/Format.h"
#include "metrics/Ratio.h"

namespace workbench::ui {

VolumeTableModel::VolumeTableModel(QString labelHeader, QObject *parent)
    : QAbstractTableModel(parent), m_labelHeader(std::move(labelHeader))
{}

void VolumeTableModel::setRows(std::vector<Row> rows, qint64 totalConversations)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_total = totalConversations;
    endResetModel();
}

int VolumeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VolumeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VolumeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const VolumeFacts &volume = row.volume;
    if (role == Qt::TextAlignmentRole)
        return index.column() == LabelColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                             : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole) {
        switch (index.column()) {
        case LabelColumn:
            return row.label;
        case ConversationsColumn:
        case ShareColumn:
            return volume.conversations;
        case EscalatedColumn:
            return volume.escalated;
        case RateColumn:
            return volume.escalationRate().value_or(-1.0);
        }
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case LabelColumn:
        return row.label;
    case ConversationsColumn:
        return formatCount(volume.conversations);
    case ShareColumn:
        return formatPercent(ratio(volume.conversations, m_total));
    case EscalatedColumn:
        return formatCount(volume.escalated);
    case RateColumn:
        return formatPercent(volume.escalationRate());
    }
    return {};
}

QVariant VolumeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == LabelColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LabelColumn:
        return m_labelHeader;
    case ConversationsColumn:
        return tr("Conversations");
    case ShareColumn:
        return tr("Share");
    case EscalatedColumn:
        return tr("Escalated");
    case RateColumn:
        return tr("Escalation rate");
    }
    return {};
}

} // namespace workbench::ui
