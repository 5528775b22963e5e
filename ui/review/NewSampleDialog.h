#pragma once

#include "review/Sampling.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace workbench {
class Database;
}

namespace workbench::ui {

/// Asks what to sample: period (last full ISO week by default), population, method and size (50), with the
/// population's size shown as the choices change. Seeds are optional: one is chosen and stored when empty.
class NewSampleDialog final : public QDialog {
    Q_OBJECT
public:
    NewSampleDialog(Database &db, const QDateTime &now, QWidget *parent = nullptr);

    /// The request as chosen (createdBy and createdAt are the caller's).
    SampleRequest request() const;
    /// Draw even when a sample of the same period, population and method exists (off: the page shows that one).
    bool drawAnother() const;

private:
    QCheckBox *m_drawAnother;
    void updatePopulation();
    std::optional<Period> period() const;

    Database &m_db;
    QLineEdit *m_period;
    QComboBox *m_population;
    QComboBox *m_method;
    QSpinBox *m_size;
    QLineEdit *m_seed;
    QLabel *m_populationInfo;
    QPushButton *m_latestButton;
    QDialogButtonBox *m_buttons;
};

} // namespace workbench::ui
