#pragma once

#include "store/WorkspaceFacts.h"

#include <QAbstractTableModel>

#include <vector>

namespace workbench::ui {

/// Rows of (label, conversations, share, escalated, escalation rate): the Data page's month and category
/// tables. DisplayRole gives formatted text; SortRole the raw value, so a proxy sorts numbers as numbers.
class VolumeTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { LabelColumn, ConversationsColumn, ShareColumn, EscalatedColumn, RateColumn, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    struct Row {
        QString label;
        VolumeFacts volume;
    };

    explicit VolumeTableModel(QString labelHeader, QObject *parent = nullptr);

    void setRows(std::vector<Row> rows, qint64 totalConversations);
    const std::vector<Row> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString m_labelHeader;
    std::vector<Row> m_rows;
    qint64 m_total = 0;
};

} // namespace workbench::ui
