#include "TextLines.h"

namespace workbench {

QString withLineFeeds(const QString &text)
{
    if (!text.contains(QLatin1Char('\r')))
        return text;
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (ch != QLatin1Char('\r')) {
            result.append(ch);
            continue;
        }
        result.append(QLatin1Char('\n'));
        if (i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
            ++i; // CRLF is one line end
    }
    return result;
}

} // namespace workbench
