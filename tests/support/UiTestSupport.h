#pragma once

// Helpers for the widget tests (header-only: only they link Qt Widgets).
#include <QColor>
#include <QDir>
#include <QPalette>
#include <QWidget>

namespace workbench::test {

/// Keeps what a test saw, for eyes rather than asserts: set WORKBENCH_SCREENSHOT_DIR to a folder.
inline void saveScreenshot(QWidget &widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("WORKBENCH_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest); // labels changed since the last layout
    widget.grab().save(QDir(folder).filePath(name));
}

/// A dark desktop palette, to check that every page stays legible in it.
inline QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2e));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x21));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x2a));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x39));
    dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa8));
    return dark;
}

} // namespace workbench::test
