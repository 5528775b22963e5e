#pragma once

#include "review/Verdict.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace workbench {
class Database;
}

namespace workbench::ui {

/// Edits the reason codes of one verdict, for every category or for one category. Each change is stored at
/// once; a change the store refuses (empty, too long, repeated) is explained and undone in the list.
class ReasonCodesDialog final : public QDialog {
    Q_OBJECT
public:
    ReasonCodesDialog(Database &db, Verdict verdict, const QString &category, const QStringList &categories,
                      QWidget *parent = nullptr);

    /// Adds `code` to the list shown and stores it; false (with the reason shown) when refused.
    bool addCode(const QString &code);
    QStringList shownCodes() const;

private:
    void load();
    bool store(const QStringList &codes);
    Verdict verdict() const;
    QString category() const;

    Database &m_db;
    QComboBox *m_verdict;
    QComboBox *m_category;
    QListWidget *m_codes;
    QLineEdit *m_newCode;
    QLabel *m_message;
};

} // namespace workbench::ui
