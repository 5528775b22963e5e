#pragma once

#include "import/ConversationSource.h"

#include <QAbstractTableModel>

#include <functional>

namespace workbench::ui {

/// The first rows of an import as they will be stored, one column per field; a cell the import would
/// refuse is marked (red, with the reason as its tooltip), and so is the line of a record refused whole.
class ImportPreviewModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ImportPreviewModel(QObject *parent = nullptr);

    /// `fieldOfColumn` turns an issue's column (a source header) into the field it feeds.
    void setRecords(std::vector<SourceRecord> records,
                    std::function<std::optional<Field>(const QString &)> fieldOfColumn);
    int problemCount() const;
    /// The reason a cell is marked, or empty.
    QString problemAt(int row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static constexpr int kLineColumn = 0;
    /// The column showing `field`.
    static int columnOf(Field field) { return 1 + int(field); }

private:
    QString display(const SourceRecord &record, Field field) const;

    std::vector<SourceRecord> m_records;
    std::vector<std::map<int, QString>> m_problems;      // per row: column -> reasons (with file and line)
    std::vector<std::map<int, QString>> m_shortProblems; // per row: column -> what is wrong, for the cell
};

} // namespace workbench::ui
