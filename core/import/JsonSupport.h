#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

#include <simdjson.h>

namespace workbench::json {

/// A whole JSON file, padded for simdjson; throws WorkbenchError naming the file when it cannot be read.
simdjson::padded_string loadFile(const QString &path);

/// The value at a dotted path ("info.task.user_id", "via.channel"); nullopt when absent.
std::optional<simdjson::dom::element> at(simdjson::dom::element element, const QString &dottedPath);

/// A scalar as text: strings as they are, numbers and booleans written out, null and absent as empty.
QString text(simdjson::dom::element element);
QString textAt(simdjson::dom::element element, const QString &dottedPath);

/// The line (1-based) where each element of an array starts: record locations for error messages, found by
/// a scan that skips strings and nesting. The array is the top-level one, or with `key` the array under that
/// key of the top-level object ({"tickets": [...]}).
std::vector<qint64> arrayElementLines(std::string_view bytes, const QString &key = {});

/// Turns HTML (Intercom bodies, Zendesk html_body) into plain text: tags dropped, <br> and block ends as line
/// breaks, entities decoded. Never interprets anything.
QString htmlToText(const QString &html);

/// "a list", "an object", "text"...: a JSON type for messages.
QString describe(simdjson::dom::element_type type);

/// What a line that simdjson refused is, for the user: a number it cannot read is named as such (an id written
/// as a 25-digit number: quote it), anything else as an incomplete object.
QString parseProblem(simdjson::error_code error);

} // namespace workbench::json
