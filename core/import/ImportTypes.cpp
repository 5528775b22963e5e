#include "ImportTypes.h"

#include <QDir>

namespace workbench {

QString formatName(ImportFormat format)
{
    switch (format) {
    case ImportFormat::Csv:
        return QStringLiteral("csv");
    case ImportFormat::Jsonl:
        return QStringLiteral("jsonl");
    case ImportFormat::Chatlog:
        return QStringLiteral("chatlog");
    case ImportFormat::Zendesk:
        return QStringLiteral("zendesk");
    case ImportFormat::Intercom:
        return QStringLiteral("intercom");
    }
    return {};
}

std::optional<ImportFormat> formatFromName(QStringView name)
{
    for (ImportFormat format : {ImportFormat::Csv, ImportFormat::Jsonl, ImportFormat::Chatlog, ImportFormat::Zendesk,
                                ImportFormat::Intercom}) {
        if (name.compare(formatName(format), Qt::CaseInsensitive) == 0)
            return format;
    }
    return std::nullopt;
}

QString ImportIssue::text() const
{
    QString result = QStringLiteral("%1:%2: ").arg(QDir::toNativeSeparators(file)).arg(line);
    if (!column.isEmpty()) {
        const bool json = file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ||
                          file.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive) ||
                          file.endsWith(QLatin1String(".ndjson"), Qt::CaseInsensitive);
        result += QStringLiteral("%1 \"%2\": ").arg(json ? QStringLiteral("field") : QStringLiteral("column"), column);
    }
    return result + problem;
}

QStringList ImportSummary::remarks() const
{
    QStringList result = notes;
    if (duplicates > 0)
        result << QStringLiteral("%1 row%2 repeated a conversation_id of this import; the last row won")
                      .arg(duplicates)
                      .arg(duplicates > 1 ? QStringLiteral("s") : QString());
    return result;
}

QString quotedValue(QStringView value)
{
    constexpr qsizetype kMax = 60;
    QString shown = value.size() > kMax ? value.left(kMax).toString() + QStringLiteral("…") : value.toString();
    shown.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    shown.replace(QLatin1Char('\r'), QStringLiteral("\\r"));
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

} // namespace workbench
