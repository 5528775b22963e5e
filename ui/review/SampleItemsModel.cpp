#include "SampleItemsModel.h"

#include "display/Colors.h"
#include "display/Format.h"

#include <QApplication>
#include <QPalette>

namespace workbench::ui {

SampleItemsModel::SampleItemsModel(QObject *parent) : QAbstractTableModel(parent)
{}

SampleItemsModel::Status SampleItemsModel::statusOf(const SampleItem &item)
{
    if (!item.verdict.isEmpty())
        return Status::Reviewed;
    return item.skipped ? Status::Skipped : Status::ToReview;
}

void SampleItemsModel::setItems(std::vector<SampleItem> items)
{
    const bool sameRows =
        items.size() == m_items.size() &&
        std::equal(items.begin(), items.end(), m_items.begin(), [](const SampleItem &a, const SampleItem &b) {
            return a.position == b.position && a.conversationId == b.conversationId;
        });
    if (!sameRows) {
        beginResetModel();
        m_items = std::move(items);
        endResetModel();
        return;
    }
    // The same sample reloaded after a tag: keep the selection and scroll position, repaint what changed.
    for (size_t row = 0; row < items.size(); ++row) {
        const SampleItem &before = m_items[row];
        const SampleItem &after = items[row];
        if (before.verdict != after.verdict || before.skipped != after.skipped || before.category != after.category ||
            before.reviewer != after.reviewer) {
            m_items[row] = after;
            Q_EMIT dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
        }
    }
}

int SampleItemsModel::rowOf(const QString &conversationId) const
{
    for (size_t row = 0; row < m_items.size(); ++row) {
        if (m_items[row].conversationId == conversationId)
            return int(row);
    }
    return -1;
}

int SampleItemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int SampleItemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SampleItemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const SampleItem &item = m_items[size_t(index.row())];
    const std::optional<Verdict> verdict = verdictFromName(item.verdict);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PositionColumn:
            return item.position + 1;
        case ConversationColumn:
            return item.conversationId;
        case CategoryColumn:
            return item.category;
        case StatusColumn:
            if (verdict)
                return verdictLabel(*verdict);
            return item.skipped ? tr("Skipped") : tr("To review");
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && verdict)
            return tr("%1, by %2").arg(verdictLabel(*verdict), item.reviewer);
        if (index.column() == ConversationColumn)
            return item.conversationId;
        break;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn) {
            const QPalette palette = QApplication::palette();
            if (verdict)
                return colors::verdict(*verdict, palette);
            if (item.skipped)
                return palette.color(QPalette::PlaceholderText);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == PositionColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case StatusRole:
        return int(statusOf(item));
    case VerdictRole:
        return item.verdict;
    default:
        break;
    }
    return {};
}

QVariant SampleItemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PositionColumn:
        return tr("#");
    case ConversationColumn:
        return tr("Conversation");
    case CategoryColumn:
        return tr("Category");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

SampleItemsFilter::SampleItemsFilter(QObject *parent) : QSortFilterProxyModel(parent)
{}

void SampleItemsFilter::setShow(Show show)
{
    m_show = show;
    invalidateRowsFilter();
}

void SampleItemsFilter::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

bool SampleItemsFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const QModelIndex first = source->index(sourceRow, 0, sourceParent);
    const auto status = SampleItemsModel::Status(first.data(SampleItemsModel::StatusRole).toInt());
    const QString verdict = first.data(SampleItemsModel::VerdictRole).toString();
    switch (m_show) {
    case Show::All:
        break;
    case Show::ToReview:
        if (status != SampleItemsModel::Status::ToReview)
            return false;
        break;
    case Show::Reviewed:
        if (status != SampleItemsModel::Status::Reviewed)
            return false;
        break;
    case Show::Skipped:
        if (status != SampleItemsModel::Status::Skipped)
            return false;
        break;
    case Show::FalseOrMissed:
        if (verdict != verdictName(Verdict::FalseEscalation) && verdict != verdictName(Verdict::MissedEscalation))
            return false;
        break;
    }
    if (m_text.isEmpty())
        return true;
    for (int column : {int(SampleItemsModel::ConversationColumn), int(SampleItemsModel::CategoryColumn)}) {
        if (source->index(sourceRow, column, sourceParent).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace workbench::ui
