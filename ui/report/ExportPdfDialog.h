#pragma once

#include "common/Period.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace workbench {
class Database;
}

namespace workbench::ui {

/// Asks what to export: the month, the file, and whether to mask customer contact data (on by default).
class ExportPdfDialog final : public QDialog {
    Q_OBJECT
public:
    ExportPdfDialog(Database &db, const std::vector<Period> &months, const Period &current, const QString &folder,
                    QWidget *parent = nullptr);

    Period period() const;
    QString path() const;
    bool mask() const;

private:
    Database &m_db;
    QComboBox *m_period;
    QLineEdit *m_path;
    QCheckBox *m_mask;
};

} // namespace workbench::ui
