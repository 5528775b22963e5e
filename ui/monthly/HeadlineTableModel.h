#pragma once

#include "metrics/HeadlineFigures.h"

#include <QAbstractTableModel>

namespace workbench::ui {

/// The monthly review's headline figures: this period (with its interval), the baseline, the change with an
/// arrow coloured by whether it is good news, and the quarter's target.
class HeadlineTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { FigureColumn, ValueColumn, BaselineColumn, ChangeColumn, TargetColumn, ColumnCount };

    explicit HeadlineTableModel(QObject *parent = nullptr);
    void setFigures(std::vector<HeadlineFigure> figures, const QString &currency, const QString &period,
                    const QString &baselinePeriod);
    const std::vector<HeadlineFigure> &figures() const { return m_figures; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<HeadlineFigure> m_figures;
    QString m_currency;
    QString m_period;
    QString m_baselinePeriod;
};

} // namespace workbench::ui
