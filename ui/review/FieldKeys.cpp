#include "FieldKeys.h"

#include <QEvent>
#include <QKeyEvent>
#include <QWidget>

namespace workbench::ui {

FieldKeys::FieldKeys(QWidget *field, std::function<void()> onReturn, std::function<void()> onEscape)
    : QObject(field), m_onReturn(std::move(onReturn)), m_onEscape(std::move(onEscape))
{
    field->installEventFilter(this);
}

void FieldKeys::alsoOn(QObject *other)
{
    other->installEventFilter(this);
}

bool FieldKeys::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
        return QObject::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const Qt::KeyboardModifiers commands = Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier;
    if (key->modifiers() & commands)
        return QObject::eventFilter(watched, event);
    const bool isReturn = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
    const bool isEscape = key->key() == Qt::Key_Escape;
    if (event->type() == QEvent::ShortcutOverride) {
        // Accepting the override hands the key to the field as a key press instead of a shortcut.
        event->accept();
        return true;
    }
    if (isReturn && m_onReturn) {
        m_onReturn();
        return true;
    }
    if (isEscape && m_onEscape) {
        m_onEscape();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace workbench::ui
