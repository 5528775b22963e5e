#pragma once

#include <QByteArrayView>

namespace workbench {

/// True when `bytes` is well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
/// ASCII runs are checked eight bytes at a time: most fields of a help-desk export are ASCII.
bool isValidUtf8(QByteArrayView bytes);

} // namespace workbench
