#pragma once

#include "model/Conversation.h"

#include <QByteArrayView>
#include <QString>

namespace workbench {

/// Sets `field` of `conversation` from source text (a CSV cell, a JSON string) by the value rules of
/// DATA.md, and marks it present. Empty text clears an optional field; for a required one it is an error.
/// Returns the problem ("\"31/10/2026\" is not a timestamp (expected ...)"), or an empty string.
QString setFieldFromText(Conversation &conversation, Field field, QByteArrayView utf8);

/// The same for a number (JSON): timestamps as epoch seconds, booleans as 1/0, ids as integers. `asWritten` is the
/// number as the file wrote it (an id or a message shows it so, never a rounded or overflowed conversion).
QString setFieldFromNumber(Conversation &conversation, Field field, double value, bool isInteger,
                           const QByteArray &asWritten);

/// The same for a JSON boolean.
QString setFieldFromBool(Conversation &conversation, Field field, bool value);

/// Marks `field` present and empty (a JSON null); an error for a required field.
QString clearField(Conversation &conversation, Field field);

/// A fresh conversation with no fields present, to fill from a source.
Conversation emptyConversation();

} // namespace workbench
