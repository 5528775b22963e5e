#pragma once

#include <QDialog>

class QAction;

namespace workbench::ui {

/// A group of actions under a heading, as the cheat sheet lists them.
struct ShortcutGroup {
    QString title;
    QList<QAction *> actions;
};

/// The keyboard cheat sheet: every action of the groups with its shortcut, read from the actions themselves
/// so that it can never disagree with the menus.
class ShortcutSheet final : public QDialog {
    Q_OBJECT
public:
    ShortcutSheet(const QList<ShortcutGroup> &groups, QWidget *parent = nullptr);
};

} // namespace workbench::ui
