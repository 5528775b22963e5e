#pragma once

#include "import/ColumnMapping.h"

#include <QAbstractTableModel>
#include <QStyledItemDelegate>

namespace workbench::ui {

/// The CSV mapping editor: one row per field of DATA.md, the source column it reads and its value map
/// ("Solved by bot = false; Agent = true").
class MappingTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { FieldColumn, SourceColumn, ValuesColumn, ColumnCount };

    explicit MappingTableModel(QObject *parent = nullptr);

    void setHeaders(const QStringList &headers);
    const QStringList &headers() const { return m_headers; }
    void setMapping(const ColumnMapping &mapping);
    const ColumnMapping &mapping() const { return m_mapping; }

    /// "(not imported)": the choice for a field the file does not have.
    static QString notImported();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static Field fieldAt(int row) { return Field(row); }

Q_SIGNALS:
    void mappingChanged();

private:
    QStringList m_headers;
    ColumnMapping m_mapping;
};

/// Edits the source column as a choice among the file's headers.
class SourceColumnDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

/// "a = b; c = d" <-> a value map, as typed in the editor.
QString valueMapText(const std::map<QString, QString> &map);
std::map<QString, QString> valueMapFromText(const QString &text);

} // namespace workbench::ui
