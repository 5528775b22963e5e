#pragma once

#include <QDate>
#include <QDialog>

class QComboBox;
class QDateEdit;
class QLineEdit;

namespace workbench::ui {

/// Asks for an event of the trend: its date, kind (product launch, policy change, other) and label.
class EventDialog final : public QDialog {
    Q_OBJECT
public:
    EventDialog(const QDate &initialDate, QWidget *parent = nullptr);

    QDate date() const;
    QString kind() const;
    QString label() const;
    void setValues(const QDate &date, const QString &kind, const QString &label);

private:
    QDateEdit *m_date;
    QComboBox *m_kind;
    QLineEdit *m_label;
};

} // namespace workbench::ui
