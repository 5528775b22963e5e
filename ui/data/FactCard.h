#pragma once

#include <QFrame>

class QLabel;

namespace workbench::ui {

/// One headline fact: a caption, a large value and a line of detail.
class FactCard final : public QFrame {
    Q_OBJECT
public:
    FactCard(const QString &caption, QWidget *parent = nullptr);

    void setValue(const QString &value, const QString &detail = {});
    QString value() const;
    QString detail() const;

private:
    QLabel *m_value;
    QLabel *m_detail;
};

} // namespace workbench::ui
