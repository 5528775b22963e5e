#include "ReaderOptions.h"

#include <QJsonArray>

namespace workbench {

QJsonObject ReaderOptions::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("handoff_tool"), handoffTool);
    object.insert(QStringLiteral("id_fields"), idFields);
    object.insert(QStringLiteral("customer_field"), customerField);
    object.insert(QStringLiteral("category_field"), categoryField);
    object.insert(QStringLiteral("time_field"), timeField);
    if (startMsecs)
        object.insert(QStringLiteral("start_msecs"), double(*startMsecs));
    object.insert(QStringLiteral("spacing_seconds"), double(spacingSeconds));
    object.insert(QStringLiteral("channel"), channel);
    object.insert(QStringLiteral("ai_author_ids"), QJsonArray::fromStringList(aiAuthorIds));
    object.insert(QStringLiteral("category_from"), categoryFrom);
    return object;
}

ReaderOptions ReaderOptions::fromJson(const QJsonObject &object)
{
    ReaderOptions options;
    options.handoffTool = object.value(QStringLiteral("handoff_tool")).toString(options.handoffTool);
    options.idFields = object.value(QStringLiteral("id_fields")).toString();
    options.customerField = object.value(QStringLiteral("customer_field")).toString();
    options.categoryField = object.value(QStringLiteral("category_field")).toString();
    options.timeField = object.value(QStringLiteral("time_field")).toString();
    if (object.contains(QStringLiteral("start_msecs")))
        options.startMsecs = qint64(object.value(QStringLiteral("start_msecs")).toDouble());
    options.spacingSeconds =
        qint64(object.value(QStringLiteral("spacing_seconds")).toDouble(double(options.spacingSeconds)));
    options.channel = object.value(QStringLiteral("channel")).toString(options.channel);
    for (const QJsonValue &id : object.value(QStringLiteral("ai_author_ids")).toArray())
        options.aiAuthorIds << id.toString();
    options.categoryFrom = object.value(QStringLiteral("category_from")).toString();
    return options;
}

} // namespace workbench
