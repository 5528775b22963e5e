#pragma once

#include <QString>

#include <functional>

QT_BEGIN_NAMESPACE
class QMessageBox;
class QWidget;
QT_END_NAMESPACE

namespace workbench::ui::notice {

enum class Kind { Error, Warning, Information };

/// Shows a message box whose every line is plain text: messages quote imported values (a category, a cell of
/// a file), and a value that looks like markup must show as written, never be rendered.
void show(QWidget *parent, Kind kind, const QString &title, const QString &text);

/// Makes every label of a message box built by hand plain text (call after its texts are set).
void makePlain(QMessageBox &box);

/// Tests see what would have been shown instead of a modal box; an empty presenter restores the box.
using Presenter = std::function<void(Kind kind, const QString &title, const QString &text)>;
void setPresenter(Presenter presenter);

} // namespace workbench::ui::notice
