#pragma once

#include <QGroupBox>

#include <utility>
#include <vector>

class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace workbench::ui {

/// The quarter's targets on the Data page: the escalation, false- and missed-escalation rates in percent and the
/// AI-handled CSAT in points, each "not set" at its lowest step. The Monthly review and the PDF compare with them.
class TargetsPanel final : public QGroupBox {
    Q_OBJECT
public:
    explicit TargetsPanel(QWidget *parent = nullptr);

    /// Shows the stored values (key, value as WorkspaceSettings holds it; empty: not set), unless the user has
    /// unsaved edits: a reload after an import must not undo them.
    void showTargets(const std::vector<std::pair<QString, QString>> &stored);
    /// The values to store, as WorkspaceSettings takes them: rates as fractions, empty for "not set".
    std::vector<std::pair<QString, QString>> values() const;
    /// After a save: the error to show, or empty when the targets were stored.
    void showSaveResult(const QString &error);
    /// Drops unsaved edits (another workspace is opening): the next showTargets() shows what is stored.
    void discardEdits();

    QDoubleSpinBox *field(const QString &key) const;

Q_SIGNALS:
    void saveRequested();

private:
    struct Field {
        QString key;
        bool percent = true; ///< a rate shown in percent and stored as a fraction; else CSAT points
        QDoubleSpinBox *box = nullptr;
    };

    void markEdited();

    std::vector<Field> m_fields;
    QPushButton *m_save;
    QLabel *m_message;
};

} // namespace workbench::ui
