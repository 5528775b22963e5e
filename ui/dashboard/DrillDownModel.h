#pragma once

#include "metrics/DrillDown.h"

#include <QAbstractTableModel>

namespace workbench::ui {

/// The conversations behind a chart's bar or point: id, opened, category, handling, CSAT, confidence, verdict.
class DrillDownModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        OpenedColumn,
        CategoryColumn,
        HandlingColumn,
        CsatColumn,
        ConfidenceColumn,
        VerdictColumn,
        ColumnCount
    };

    explicit DrillDownModel(QObject *parent = nullptr);
    void setRows(std::vector<DrillDownRow> rows);
    const DrillDownRow &row(int index) const { return m_rows[size_t(index)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<DrillDownRow> m_rows;
};

} // namespace workbench::ui
