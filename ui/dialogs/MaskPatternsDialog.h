#pragma once

#include "report/Masking.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;

namespace workbench {
class Database;
}

namespace workbench::ui {

/// The workspace's own masking patterns (regular expressions masked beside emails, phones and cards), with a
/// live preview of what masking does to a sample text. Each change is stored at once.
class MaskPatternsDialog final : public QDialog {
    Q_OBJECT
public:
    explicit MaskPatternsDialog(Database &db, QWidget *parent = nullptr);

    /// Adds a pattern; false (with the reason shown) when refused.
    bool addPattern(const QString &pattern, const QString &label);
    QString previewText() const;

private:
    void load();
    void updatePreview();

    Database &m_db;
    QListWidget *m_list;
    QLineEdit *m_pattern;
    QLineEdit *m_label;
    QLineEdit *m_sample;
    QLabel *m_preview;
    QLabel *m_message;
    Masker m_masker; ///< the workspace's patterns as last loaded: the preview follows each keystroke without SQL
};

} // namespace workbench::ui
