#include "ShortcutSheet.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace workbench::ui {

ShortcutSheet::ShortcutSheet(const QList<ShortcutGroup> &groups, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto *layout = new QVBoxLayout(this);
    auto *tree = new QTreeWidget(this);
    tree->setObjectName(QStringLiteral("shortcuts"));
    tree->setColumnCount(2);
    tree->setHeaderLabels({tr("Key"), tr("Action")});
    tree->setRootIsDecorated(false);
    tree->setSelectionMode(QAbstractItemView::NoSelection);
    tree->setFocusPolicy(Qt::NoFocus);
    for (const ShortcutGroup &group : groups) {
        auto *heading = new QTreeWidgetItem(tree, {group.title});
        QFont bold = heading->font(0);
        bold.setBold(true);
        heading->setFont(0, bold);
        heading->setFirstColumnSpanned(true);
        for (const QAction *action : group.actions) {
            QStringList keys;
            for (const QKeySequence &key : action->shortcuts())
                keys << key.toString(QKeySequence::NativeText);
            if (keys.isEmpty())
                continue;
            QString text = action->text();
            text.remove(QLatin1Char('&'));
            new QTreeWidgetItem(tree, {keys.join(QStringLiteral(", ")), text});
        }
    }
    tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    layout->addWidget(tree);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    layout->addWidget(buttons);
    resize(460, 620);
}

} // namespace workbench::ui
