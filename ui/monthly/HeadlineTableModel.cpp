#include "HeadlineTableModel.h"

#include "common/NumberText.h"
#include "display/Colors.h"

#include <QApplication>
#include <QFont>

namespace workbench::ui {
namespace {

QString targetText(const HeadlineFigure &figure, const QString &currency)
{
    if (!figure.target)
        return QStringLiteral("—");
    HeadlineFigure target = figure;
    target.value = figure.target;
    target.estimated = false;
    const QString value = figureValueText(target, currency, false);
    const std::optional<bool> met = figure.onTarget();
    if (!met)
        return value;
    return *met ? QObject::tr("%1 · met").arg(value) : QObject::tr("%1 · missed").arg(value);
}

} // namespace

HeadlineTableModel::HeadlineTableModel(QObject *parent) : QAbstractTableModel(parent)
{}

void HeadlineTableModel::setFigures(std::vector<HeadlineFigure> figures, const QString &currency, const QString &period,
                                    const QString &baselinePeriod)
{
    beginResetModel();
    m_figures = std::move(figures);
    m_currency = currency;
    m_period = period;
    m_baselinePeriod = baselinePeriod;
    endResetModel();
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int HeadlineTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_figures.size());
}

int HeadlineTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HeadlineTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const HeadlineFigure &figure = m_figures[size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case FigureColumn:
            return figure.label;
        case ValueColumn:
            return figureValueText(figure, m_currency, true);
        case BaselineColumn: {
            HeadlineFigure baseline = figure;
            baseline.value = figure.baseline;
            baseline.estimated = false;
            return figureValueText(baseline, m_currency, false);
        }
        case ChangeColumn: {
            const QString change = figureChangeText(figure, m_currency);
            if (!figure.change)
                return change;
            const QChar arrow = *figure.change > 0 ? QChar(0x25B2) : *figure.change < 0 ? QChar(0x25BC) : QChar(0x25CF);
            return QStringLiteral("%1 %2").arg(arrow).arg(change);
        }
        case TargetColumn:
            return targetText(figure, m_currency);
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole) {
        const QPalette palette = QApplication::palette();
        if (index.column() == ChangeColumn && figure.improved())
            return *figure.improved() ? colors::success(palette) : colors::warning(palette);
        if (index.column() == TargetColumn && figure.onTarget())
            return *figure.onTarget() ? colors::success(palette) : colors::warning(palette);
    }
    if (role == Qt::FontRole && index.column() == ValueColumn) {
        QFont font = QApplication::font();
        font.setBold(true);
        return font;
    }
    if (role == Qt::ToolTipRole && index.column() == ValueColumn && figure.estimated)
        return tr("Estimated from random-sample reviews, with its 95 % Wilson interval");
    if (role == Qt::TextAlignmentRole && index.column() != FigureColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant HeadlineTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FigureColumn:
        return tr("Figure");
    case ValueColumn:
        return m_period.isEmpty() ? tr("This period") : m_period;
    case BaselineColumn:
        return m_baselinePeriod.isEmpty() ? tr("Baseline") : tr("Baseline %1").arg(m_baselinePeriod);
    case ChangeColumn:
        return tr("Change");
    case TargetColumn:
        return tr("Quarter's target");
    default:
        return {};
    }
}

} // namespace workbench::ui
