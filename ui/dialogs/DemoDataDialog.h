#pragma once

#include "demo/DemoGenerator.h"

#include <QDialog>

class QDateEdit;
class QSpinBox;

namespace workbench::ui {

/// Asks how much demo data to generate: conversations, months, the last month and the seed.
class DemoDataDialog final : public QDialog {
    Q_OBJECT
public:
    DemoDataDialog(const Period &defaultEndMonth, QWidget *parent = nullptr);

    DemoOptions options() const;

private:
    QSpinBox *m_conversations;
    QSpinBox *m_months;
    QDateEdit *m_endMonth;
    QSpinBox *m_seed;
};

} // namespace workbench::ui
