#pragma once

#include "review/SampleItems.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace workbench::ui {

/// The conversations of one sample and where each review stands: position, id, category, status.
class SampleItemsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PositionColumn, ConversationColumn, CategoryColumn, StatusColumn, ColumnCount };
    enum class Status { ToReview, Skipped, Reviewed };
    /// Status as an int, for filtering.
    static constexpr int StatusRole = Qt::UserRole + 1;
    /// The verdict name ("false_escalation"), empty when not reviewed.
    static constexpr int VerdictRole = Qt::UserRole + 2;

    explicit SampleItemsModel(QObject *parent = nullptr);

    /// Replaces the items; a reload of the same sample keeps the rows and signals only the changed ones.
    void setItems(std::vector<SampleItem> items);
    const std::vector<SampleItem> &items() const { return m_items; }
    const SampleItem &item(int row) const { return m_items[size_t(row)]; }
    /// The row of a conversation, -1 when it is not in the sample.
    int rowOf(const QString &conversationId) const;
    static Status statusOf(const SampleItem &item);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<SampleItem> m_items;
};

/// Filters the sample list by status and by text in the id or category.
class SampleItemsFilter final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Show { All, ToReview, Reviewed, Skipped, FalseOrMissed };

    explicit SampleItemsFilter(QObject *parent = nullptr);
    void setShow(Show show);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Show m_show = Show::All;
    QString m_text;
};

} // namespace workbench::ui
