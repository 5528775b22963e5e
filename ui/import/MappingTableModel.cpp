#include "MappingTableModel.h"

#include <QComboBox>
#include <QFont>

namespace workbench::ui {

QString valueMapText(const std::map<QString, QString> &map)
{
    QStringList parts;
    for (const auto &[from, to] : map)
        parts << QStringLiteral("%1 = %2").arg(from, to);
    return parts.join(QStringLiteral("; "));
}

std::map<QString, QString> valueMapFromText(const QString &text)
{
    std::map<QString, QString> map;
    for (const QString &part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const qsizetype equals = part.indexOf(QLatin1Char('='));
        if (equals <= 0)
            continue;
        map[part.left(equals).trimmed().toCaseFolded()] = part.mid(equals + 1).trimmed();
    }
    return map;
}

MappingTableModel::MappingTableModel(QObject *parent) : QAbstractTableModel(parent)
{}

QString MappingTableModel::notImported()
{
    return tr("(not imported)");
}

void MappingTableModel::setHeaders(const QStringList &headers)
{
    beginResetModel();
    m_headers = headers;
    endResetModel();
}

void MappingTableModel::setMapping(const ColumnMapping &mapping)
{
    beginResetModel();
    m_mapping = mapping;
    endResetModel();
    Q_EMIT mappingChanged();
}

int MappingTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Field::Messages); // every field but the JSON-only messages list
}

int MappingTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MappingTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Field field = fieldAt(index.row());
    const bool required = kRequiredFields & fieldBit(field);
    const auto column = m_mapping.columns.find(field);
    const bool mapped = column != m_mapping.columns.end();
    switch (index.column()) {
    case FieldColumn:
        if (role == Qt::DisplayRole)
            return required ? fieldName(field) + QStringLiteral(" *") : fieldName(field);
        if (role == Qt::FontRole && required) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (role == Qt::ToolTipRole && required)
            return tr("Required: the import cannot run without it.");
        break;
    case SourceColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return mapped ? column->second : notImported();
        if (role == Qt::ForegroundRole && !mapped)
            return QVariant::fromValue(QColor(Qt::gray));
        break;
    case ValuesColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole) {
            const auto values = m_mapping.valueMaps.find(field);
            return values == m_mapping.valueMaps.end() ? QString() : valueMapText(values->second);
        }
        if (role == Qt::ToolTipRole)
            return tr("Source values to read as others, e.g. \"Solved by bot = false; Agent = true\".");
        break;
    default:
        break;
    }
    return {};
}

bool MappingTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const Field field = fieldAt(index.row());
    if (index.column() == SourceColumn) {
        const QString column = value.toString();
        if (column.isEmpty() || column == notImported())
            m_mapping.columns.erase(field);
        else
            m_mapping.columns[field] = column;
    } else if (index.column() == ValuesColumn) {
        auto map = valueMapFromText(value.toString());
        if (map.empty())
            m_mapping.valueMaps.erase(field);
        else
            m_mapping.valueMaps[field] = std::move(map);
    } else {
        return false;
    }
    Q_EMIT dataChanged(index, index);
    Q_EMIT mappingChanged();
    return true;
}

Qt::ItemFlags MappingTableModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags base = QAbstractTableModel::flags(index);
    return !index.isValid() || index.column() == FieldColumn ? base : base | Qt::ItemIsEditable;
}

QVariant MappingTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FieldColumn:
        return tr("Field");
    case SourceColumn:
        return tr("Column in the file");
    case ValuesColumn:
        return tr("Value map");
    default:
        return {};
    }
}

QWidget *SourceColumnDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                            const QModelIndex &index) const
{
    auto *combo = new QComboBox(parent);
    const auto *model = qobject_cast<const MappingTableModel *>(index.model());
    combo->addItem(MappingTableModel::notImported());
    if (model)
        combo->addItems(model->headers());
    return combo;
}

void SourceColumnDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    combo->setCurrentText(index.data(Qt::EditRole).toString());
}

void SourceColumnDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    model->setData(index, static_cast<QComboBox *>(editor)->currentText(), Qt::EditRole);
}

} // namespace workbench::ui
