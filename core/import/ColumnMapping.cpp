#include "ColumnMapping.h"

#include "common/WorkbenchError.h"
#include "store/Database.h"
#include "store/Sql.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace workbench {
namespace {

// "Ticket ID" -> "ticket_id": header names compared by their letters and digits.
QString normalizedHeader(const QString &header)
{
    QString result;
    for (const QChar ch : header.trimmed().toCaseFolded())
        result.append(ch.isLetterOrNumber() ? ch : QLatin1Char('_'));
    while (result.contains(QStringLiteral("__")))
        result.replace(QStringLiteral("__"), QStringLiteral("_"));
    while (result.startsWith(QLatin1Char('_')))
        result.remove(0, 1);
    while (result.endsWith(QLatin1Char('_')))
        result.chop(1);
    return result;
}

const std::map<Field, QStringList> &synonyms()
{
    static const std::map<Field, QStringList> names = {
        {Field::ConversationId,
         {QStringLiteral("id"), QStringLiteral("ticket_id"), QStringLiteral("chat_id"), QStringLiteral("conversation"),
          QStringLiteral("case_id"), QStringLiteral("ticket")}},
        {Field::CreatedAt,
         {QStringLiteral("created"), QStringLiteral("date"), QStringLiteral("timestamp"), QStringLiteral("start_time"),
          QStringLiteral("started_at"), QStringLiteral("opened_at"), QStringLiteral("opened"),
          QStringLiteral("created_time"), QStringLiteral("creation_date")}},
        {Field::Escalated,
         {QStringLiteral("handed_off"), QStringLiteral("handoff"), QStringLiteral("transferred"),
          QStringLiteral("escalation"), QStringLiteral("is_escalated"), QStringLiteral("resolved_by"),
          QStringLiteral("handled_by")}},
        {Field::Category,
         {QStringLiteral("intent"), QStringLiteral("topic"), QStringLiteral("ticket_type"), QStringLiteral("type"),
          QStringLiteral("reason"), QStringLiteral("issue_type")}},
        {Field::Channel,
         {QStringLiteral("source"), QStringLiteral("via"), QStringLiteral("via_channel"), QStringLiteral("medium"),
          QStringLiteral("source_type")}},
        {Field::Team,
         {QStringLiteral("group"), QStringLiteral("queue"), QStringLiteral("department"), QStringLiteral("group_name"),
          QStringLiteral("team_name")}},
        {Field::Agent,
         {QStringLiteral("assignee"), QStringLiteral("agent_name"), QStringLiteral("assignee_name"),
          QStringLiteral("owner")}},
        {Field::CustomerId,
         {QStringLiteral("customer"), QStringLiteral("requester_id"), QStringLiteral("user_id"),
          QStringLiteral("contact_id"), QStringLiteral("customer_email"), QStringLiteral("requester")}},
        {Field::EscalatedAt,
         {QStringLiteral("transferred_at"), QStringLiteral("handoff_at"), QStringLiteral("handed_off_at")}},
        {Field::AiConfidence,
         {QStringLiteral("confidence"), QStringLiteral("bot_confidence"), QStringLiteral("ai_score")}},
        {Field::Csat,
         {QStringLiteral("satisfaction"), QStringLiteral("rating"), QStringLiteral("csat_score"),
          QStringLiteral("satisfaction_score"), QStringLiteral("customer_rating")}},
        {Field::FirstContactResolution, {QStringLiteral("fcr")}},
        {Field::HandleTimeSeconds,
         {QStringLiteral("handle_time"), QStringLiteral("aht"), QStringLiteral("duration"),
          QStringLiteral("duration_seconds")}},
        {Field::Sentiment, {QStringLiteral("sentiment_score")}},
        {Field::Transcript,
         {QStringLiteral("conversation_text"), QStringLiteral("body"), QStringLiteral("text"),
          QStringLiteral("messages"), QStringLiteral("chat_log")}},
        {Field::EscalationReason, {QStringLiteral("handoff_reason"), QStringLiteral("transfer_reason")}},
    };
    return names;
}

} // namespace

ColumnMapping ColumnMapping::canonical(const QStringList &headers)
{
    ColumnMapping mapping;
    for (const QString &header : headers) {
        if (const auto field = fieldFromName(header);
            field && *field != Field::Messages && !mapping.columns.contains(*field))
            mapping.columns[*field] = header.trimmed();
    }
    return mapping;
}

ColumnMapping ColumnMapping::propose(const QStringList &headers)
{
    ColumnMapping mapping = canonical(headers);
    for (const auto &[field, names] : synonyms()) {
        if (mapping.columns.contains(field))
            continue;
        for (const QString &header : headers) {
            const QString normalized = normalizedHeader(header);
            const bool alreadyUsed = std::any_of(mapping.columns.begin(), mapping.columns.end(),
                                                 [&](const auto &entry) { return entry.second == header.trimmed(); });
            if (!alreadyUsed && (names.contains(normalized) || normalized == fieldName(field))) {
                mapping.columns[field] = header.trimmed();
                break;
            }
        }
    }
    return mapping;
}

QByteArray ColumnMapping::toJson() const
{
    QJsonObject columnsObject;
    for (const auto &[field, column] : columns)
        columnsObject.insert(fieldName(field), column);
    QJsonObject valuesObject;
    for (const auto &[field, map] : valueMaps) {
        QJsonObject entries;
        for (const auto &[from, to] : map)
            entries.insert(from, to);
        valuesObject.insert(fieldName(field), entries);
    }
    QJsonObject root;
    root.insert(QStringLiteral("name"), name);
    root.insert(QStringLiteral("columns"), columnsObject);
    root.insert(QStringLiteral("values"), valuesObject);
    if (!format.isEmpty())
        root.insert(QStringLiteral("format"), format);
    if (readerOptions)
        root.insert(QStringLiteral("options"), readerOptions->toJson());
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<ColumnMapping> ColumnMapping::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error =
            QStringLiteral("not a mapping (expected a JSON object with \"columns\"): %1").arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    ColumnMapping mapping;
    mapping.name = root.value(QStringLiteral("name")).toString();
    const QJsonObject columnsObject = root.value(QStringLiteral("columns")).toObject();
    for (auto it = columnsObject.begin(); it != columnsObject.end(); ++it) {
        const auto field = fieldFromName(it.key());
        if (!field || *field == Field::Messages || !it.value().isString()) {
            *error = QStringLiteral("\"columns\" names an unknown field \"%1\" (expected one of DATA.md's fields)")
                         .arg(it.key());
            return std::nullopt;
        }
        mapping.columns[*field] = it.value().toString();
    }
    const QJsonObject valuesObject = root.value(QStringLiteral("values")).toObject();
    for (auto it = valuesObject.begin(); it != valuesObject.end(); ++it) {
        const auto field = fieldFromName(it.key());
        if (!field) {
            *error = QStringLiteral("\"values\" names an unknown field \"%1\"").arg(it.key());
            return std::nullopt;
        }
        const QJsonObject entries = it.value().toObject();
        for (auto entry = entries.begin(); entry != entries.end(); ++entry)
            mapping.valueMaps[*field][entry.key().trimmed().toCaseFolded()] = entry.value().toString();
    }
    mapping.format = root.value(QStringLiteral("format")).toString();
    if (root.value(QStringLiteral("options")).isObject())
        mapping.readerOptions = ReaderOptions::fromJson(root.value(QStringLiteral("options")).toObject());
    if (mapping.columns.empty() && !mapping.readerOptions) {
        *error =
            QStringLiteral("the mapping maps no column (expected \"columns\": {\"conversation_id\": \"...\", ...})");
        return std::nullopt;
    }
    return mapping;
}

void saveMapping(Database &db, const ColumnMapping &mapping, qint64 nowMsecs)
{
    db.requireWritable(QStringLiteral("Saving a mapping"));
    sql::run(db.sql(),
             QStringLiteral("INSERT INTO saved_mappings (name, format, definition, updated_at)"
                            " VALUES (:name, 'csv', :definition, :now)"
                            " ON CONFLICT (name) DO UPDATE SET definition = excluded.definition,"
                            " updated_at = excluded.updated_at"),
             {{":name", mapping.name}, {":definition", QString::fromUtf8(mapping.toJson())}, {":now", nowMsecs}});
    // (The format column says which reader the mapping is for.)
    sql::run(db.sql(), QStringLiteral("UPDATE saved_mappings SET format = :format WHERE name = :name"),
             {{":format", mapping.format.isEmpty() ? QStringLiteral("csv") : mapping.format}, {":name", mapping.name}});
}

std::optional<ColumnMapping> loadMapping(Database &db, const QString &name)
{
    const QVariant definition = sql::scalar(
        db.sql(), QStringLiteral("SELECT definition FROM saved_mappings WHERE name = :name"), {{":name", name}});
    if (!definition.isValid())
        return std::nullopt;
    QString error;
    auto mapping = ColumnMapping::fromJson(definition.toString().toUtf8(), &error);
    if (mapping)
        mapping->name = name;
    return mapping;
}

QStringList savedMappingNames(Database &db)
{
    QStringList names;
    QSqlQuery query = sql::run(db.sql(), QStringLiteral("SELECT name FROM saved_mappings ORDER BY name"));
    while (query.next())
        names << query.value(0).toString();
    return names;
}

std::vector<SavedMappingInfo> listSavedMappings(Database &db)
{
    std::vector<SavedMappingInfo> mappings;
    QSqlQuery query =
        sql::run(db.sql(), QStringLiteral("SELECT name, format, updated_at FROM saved_mappings ORDER BY name"));
    while (query.next())
        mappings.push_back({query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong()});
    return mappings;
}

void removeMapping(Database &db, const QString &name)
{
    db.requireWritable(QStringLiteral("Removing a mapping"));
    sql::run(db.sql(), QStringLiteral("DELETE FROM saved_mappings WHERE name = :name"), {{":name", name}});
}

ColumnMapping resolveMapping(Database &db, const QString &nameOrFile)
{
    if (auto saved = loadMapping(db, nameOrFile))
        return *saved;
    QFile file(nameOrFile);
    if (!file.open(QIODevice::ReadOnly))
        throw WorkbenchError(
            QStringLiteral("No saved mapping is called \"%1\", and no such mapping file exists (saved: %2).")
                .arg(nameOrFile, savedMappingNames(db).join(QStringLiteral(", "))));
    QString error;
    auto mapping = ColumnMapping::fromJson(file.readAll(), &error);
    if (!mapping)
        throw WorkbenchError(QStringLiteral("%1: %2").arg(nameOrFile, error));
    if (mapping->name.isEmpty())
        mapping->name = QFileInfo(nameOrFile).completeBaseName();
    return *mapping;
}

} // namespace workbench
