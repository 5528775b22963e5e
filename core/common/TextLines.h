#pragma once

#include <QString>

namespace workbench {

/// `text` with every line end (CRLF, lone CR, LF) as one LF: help-desk exports mix all three, and whatever
/// lays the text out (the transcript, the PDF) must break where the customer did.
QString withLineFeeds(const QString &text);

} // namespace workbench
