#include "JsonSupport.h"

#include "common/WorkbenchError.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace workbench::json {

simdjson::padded_string loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw WorkbenchError(
            QStringLiteral("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    const QByteArray bytes = file.readAll();
    if (bytes.trimmed().isEmpty())
        throw WorkbenchError(
            QStringLiteral("%1:1: the file is empty (expected JSON)").arg(QDir::toNativeSeparators(path)));
    return simdjson::padded_string(bytes.constData(), size_t(bytes.size()));
}

std::optional<simdjson::dom::element> at(simdjson::dom::element element, const QString &dottedPath)
{
    if (dottedPath.isEmpty())
        return std::nullopt;
    const std::string pointer =
        QString(QLatin1Char('/') + QString(dottedPath).replace(QLatin1Char('.'), QLatin1Char('/'))).toStdString();
    simdjson::dom::element value;
    if (element.at_pointer(pointer).get(value))
        return std::nullopt;
    return value;
}

QString text(simdjson::dom::element element)
{
    switch (element.type()) {
    case simdjson::dom::element_type::STRING: {
        const std::string_view view = element.get_string();
        return QString::fromUtf8(view.data(), qsizetype(view.size()));
    }
    case simdjson::dom::element_type::INT64:
        return QString::number(int64_t(element.get_int64()));
    case simdjson::dom::element_type::UINT64:
        return QString::number(uint64_t(element.get_uint64()));
    case simdjson::dom::element_type::DOUBLE:
        return QString::number(double(element.get_double()), 'g', 17);
    case simdjson::dom::element_type::BOOL:
        return bool(element.get_bool()) ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return {};
    }
}

QString textAt(simdjson::dom::element element, const QString &dottedPath)
{
    const auto value = at(element, dottedPath);
    return value ? text(*value) : QString();
}

std::vector<qint64> arrayElementLines(std::string_view bytes, const QString &key)
{
    const std::string quotedKey = key.isEmpty() ? std::string() : ('"' + key.toStdString() + '"');
    std::vector<qint64> lines;
    qint64 line = 1;
    int depth = 0;
    int arrayDepth = key.isEmpty() ? 1 : -1; // with a key: known once the key is seen at depth 1
    bool inString = false;
    bool escaped = false;
    bool expectElement = false;
    bool done = false;
    size_t stringStart = 0;
    for (size_t i = 0; i < bytes.size() && !done; ++i) {
        const char ch = bytes[i];
        if (ch == '\n')
            ++line;
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (ch == '\\') {
                escaped = true;
            } else if (ch == '"') {
                inString = false;
                if (arrayDepth < 0 && depth == 1 && bytes.substr(stringStart, i + 1 - stringStart) == quotedKey)
                    arrayDepth = -2; // the next array opened at depth 1 is ours
            }
            continue;
        }
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n')
            continue;
        if (depth == arrayDepth && expectElement && ch != ']') {
            lines.push_back(line);
            expectElement = false;
        }
        switch (ch) {
        case '"':
            inString = true;
            stringStart = i;
            break;
        case '[':
            ++depth;
            if ((arrayDepth == -2 && depth == 2) || (arrayDepth == 1 && depth == 1)) {
                arrayDepth = depth;
                expectElement = true;
            }
            break;
        case '{':
            ++depth;
            break;
        case ']':
        case '}':
            if (depth == arrayDepth && ch == ']')
                done = true;
            --depth;
            break;
        case ',':
            if (depth == arrayDepth)
                expectElement = true;
            break;
        default:
            break;
        }
    }
    return lines;
}

QString htmlToText(const QString &html)
{
    static const QRegularExpression breaks(QStringLiteral("<\\s*(br|/p|/div|/li|/h[1-6]|/tr)\\b[^>]*>"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    static const QRegularExpression numeric(QStringLiteral("&#(x?)([0-9a-fA-F]+);"));
    static const QRegularExpression blankLines(QStringLiteral("\\n{3,}"));
    QString text = html;
    text.replace(breaks, QStringLiteral("\n"));
    text.remove(tags);
    QString decoded;
    qsizetype from = 0;
    for (auto it = numeric.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        decoded += QStringView(text).mid(from, match.capturedStart() - from);
        bool ok = false;
        const uint code = match.captured(2).toUInt(&ok, match.captured(1).isEmpty() ? 10 : 16);
        decoded += ok && code > 0 && code <= 0x10FFFF ? QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1)
                                                      : match.captured(0);
        from = match.capturedEnd();
    }
    decoded += QStringView(text).mid(from);
    static const std::pair<const char *, const char16_t *> named[] = {
        {"&nbsp;", u" "},       {"&mdash;", u"\u2014"}, {"&ndash;", u"\u2013"}, {"&hellip;", u"\u2026"},
        {"&rsquo;", u"\u2019"}, {"&lsquo;", u"\u2018"}, {"&ldquo;", u"\u201C"}, {"&rdquo;", u"\u201D"},
        {"&euro;", u"\u20AC"},  {"&pound;", u"\u00A3"}, {"&copy;", u"\u00A9"}};
    for (const auto &[entity, character] : named)
        decoded.replace(QLatin1String(entity), QString::fromUtf16(character));
    decoded.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    decoded.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    decoded.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    decoded.replace(QStringLiteral("&#39;"), QStringLiteral("'"));
    decoded.replace(QStringLiteral("&apos;"), QStringLiteral("'"));
    decoded.replace(QStringLiteral("&amp;"), QStringLiteral("&")); // last: "&amp;lt;" stays "&lt;"
    decoded.replace(blankLines, QStringLiteral("\n\n"));
    return decoded.trimmed();
}

QString describe(simdjson::dom::element_type type)
{
    switch (type) {
    case simdjson::dom::element_type::ARRAY:
        return QStringLiteral("a list");
    case simdjson::dom::element_type::OBJECT:
        return QStringLiteral("an object");
    case simdjson::dom::element_type::STRING:
        return QStringLiteral("text");
    case simdjson::dom::element_type::BOOL:
        return QStringLiteral("a boolean");
    case simdjson::dom::element_type::NULL_VALUE:
        return QStringLiteral("null");
    default:
        return QStringLiteral("a number");
    }
}

QString parseProblem(simdjson::error_code error)
{
    if (error == simdjson::NUMBER_ERROR || error == simdjson::NUMBER_OUT_OF_RANGE)
        return QStringLiteral("holds a number that cannot be read (%1): not a number, or more digits than a 64-bit "
                              "value holds (write a long id as text, in quotes)")
            .arg(QString::fromUtf8(simdjson::error_message(error)));
    return QStringLiteral("not a complete JSON object (%1; is the line cut short?)")
        .arg(QString::fromUtf8(simdjson::error_message(error)));
}

} // namespace workbench::json
