#pragma once

#include <QObject>

#include <functional>

class QWidget;

namespace workbench::ui {

/// Makes a field the owner of the keys typed into it: while it has focus no page shortcut on a plain key
/// (a letter, a digit, Space, Return, Escape) fires; Ctrl and Alt combinations still reach the page (Ctrl+Return
/// commits from anywhere). Return and Escape leave the field through the handlers given; a null handler lets the
/// field take the key itself (an editable combo box resolves its own Return).
class FieldKeys final : public QObject {
    Q_OBJECT
public:
    FieldKeys(QWidget *field, std::function<void()> onReturn, std::function<void()> onEscape);
    /// Also guards `other` (a spin box's line edit, a completer's popup) with the same handlers.
    void alsoOn(QObject *other);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    std::function<void()> m_onReturn;
    std::function<void()> m_onEscape;
};

} // namespace workbench::ui
