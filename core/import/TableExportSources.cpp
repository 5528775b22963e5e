#include "TableExportSources.h"

#include "CsvConversationSource.h"
#include "CsvReader.h"
#include "FieldValues.h"
#include "HelpDeskSources.h"
#include "ValueParsers.h"
#include "common/Utf8.h"
#include "common/WorkbenchError.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace workbench {
namespace {

std::optional<qint64> parseTime(const QString &text)
{
    qint64 msecs = 0;
    if (text.trimmed().isEmpty() || !values::parseTimestamp(text.toUtf8(), msecs))
        return std::nullopt;
    return msecs;
}

bool isTrue(const QString &text)
{
    bool value = false;
    return values::parseBool(text.toUtf8(), value) && value;
}

} // namespace

CsvTable::CsvTable(const QString &path, const QStringList &required) : m_path(path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw WorkbenchError(
            QStringLiteral("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    CsvReader reader(file, path);
    if (!reader.readRecord())
        throw WorkbenchError(
            QStringLiteral("%1:1: the file is empty (expected a header row)").arg(QDir::toNativeSeparators(path)));
    QStringList headers;
    for (qsizetype i = 0; i < reader.fieldCount(); ++i)
        headers << QString::fromUtf8(reader.field(i)).trimmed();
    requireDistinctColumns(headers, path);
    for (qsizetype i = 0; i < headers.size(); ++i)
        m_columns.insert(headers[i].toLower(), i);
    for (const QString &column : required) {
        if (!m_columns.contains(column))
            throw WorkbenchError(QStringLiteral("%1:1: missing required column \"%2\" of this export table")
                                     .arg(QDir::toNativeSeparators(path), column));
    }
    while (reader.readRecord()) {
        QStringList row;
        for (qsizetype i = 0; i < reader.fieldCount(); ++i) {
            if (!isValidUtf8(reader.field(i)))
                throw WorkbenchError(QStringLiteral("%1:%2: a value is not valid UTF-8 text (expected UTF-8)")
                                         .arg(QDir::toNativeSeparators(path))
                                         .arg(reader.recordLine()));
            row << QString::fromUtf8(reader.field(i));
        }
        m_rows.push_back(std::move(row));
        m_lines.push_back(reader.recordLine());
    }
}

QString CsvTable::cell(qsizetype row, const QString &column) const
{
    const qsizetype index = m_columns.value(column, -1);
    const QStringList &cells = m_rows[size_t(row)];
    return index >= 0 && index < cells.size() ? cells[index] : QString();
}

CsvTable CsvTable::sibling(const QString &siblingOf, const QString &name, const QStringList &required)
{
    const QString path = QFileInfo(siblingOf).dir().filePath(name);
    return QFileInfo::exists(path) ? CsvTable(path, required) : CsvTable();
}

// ---- Zendesk tables ----

ZendeskTablesSource::ZendeskTablesSource(const QString &ticketsPath, const ReaderOptions &options)
    : m_options(options),
      m_tickets(ticketsPath, {QStringLiteral("id"), QStringLiteral("created_at"), QStringLiteral("requester_id")}),
      m_comments(CsvTable::sibling(ticketsPath, QStringLiteral("ticket_comment_data.csv"),
                                   {QStringLiteral("ticket_id"), QStringLiteral("user_id"), QStringLiteral("body")}))
{
    m_size = QFileInfo(ticketsPath).size();
    const CsvTable users = CsvTable::sibling(ticketsPath, QStringLiteral("user_data.csv"), {QStringLiteral("id")});
    for (qsizetype row = 0; row < users.rowCount(); ++row) {
        m_userRole.insert(users.cell(row, QStringLiteral("id")), users.cell(row, QStringLiteral("role")));
        m_userName.insert(users.cell(row, QStringLiteral("id")), users.cell(row, QStringLiteral("name")));
    }
    const CsvTable groups = CsvTable::sibling(ticketsPath, QStringLiteral("group_data.csv"), {QStringLiteral("id")});
    for (qsizetype row = 0; row < groups.rowCount(); ++row)
        m_groupName.insert(groups.cell(row, QStringLiteral("id")), groups.cell(row, QStringLiteral("name")));
    const CsvTable tags =
        CsvTable::sibling(ticketsPath, QStringLiteral("ticket_tag_data.csv"), {QStringLiteral("ticket_id")});
    for (qsizetype row = 0; row < tags.rowCount(); ++row) {
        QStringList &list = m_tags[tags.cell(row, QStringLiteral("ticket_id"))];
        const QString tag = tags.cell(row, QStringLiteral("tag"));
        if (!list.contains(tag))
            list << tag;
    }
    for (qsizetype row = 0; row < m_comments.rowCount(); ++row)
        m_commentsByTicket[m_comments.cell(row, QStringLiteral("ticket_id"))].push_back(row);
    // Comments in time order within each ticket.
    for (auto &rows : m_commentsByTicket) {
        std::stable_sort(rows.begin(), rows.end(), [&](qsizetype a, qsizetype b) {
            return parseTime(m_comments.cell(a, QStringLiteral("created"))).value_or(0) <
                   parseTime(m_comments.cell(b, QStringLiteral("created"))).value_or(0);
        });
    }
    QStringList joined;
    for (const char *name : {"ticket_comment_data.csv", "user_data.csv", "group_data.csv", "ticket_tag_data.csv"}) {
        if (QFileInfo::exists(QFileInfo(ticketsPath).dir().filePath(QLatin1String(name))))
            joined << QLatin1String(name);
    }
    m_notes << QStringLiteral("%1: Zendesk table export, joined with %2")
                   .arg(QDir::toNativeSeparators(ticketsPath),
                        joined.isEmpty() ? QStringLiteral("no other table") : joined.join(QStringLiteral(", ")));
}

qint64 ZendeskTablesSource::bytesConsumed() const
{
    return m_tickets.rowCount() == 0 ? m_size : m_size * m_row / m_tickets.rowCount();
}

bool ZendeskTablesSource::next(SourceRecord &record)
{
    if (m_row >= m_tickets.rowCount())
        return false;
    const qsizetype row = m_row++;
    record.conversation = emptyConversation();
    record.issues.clear();
    record.facts = {};
    record.line = m_tickets.line(row);
    const QString path = m_tickets.path();
    Conversation &c = record.conversation;
    c.presentFields = helpDeskFields();
    c.conversationId = m_tickets.cell(row, QStringLiteral("id")).trimmed();
    const auto created = parseTime(m_tickets.cell(row, QStringLiteral("created_at")));
    if (c.conversationId.isEmpty() || !created) {
        record.issues.push_back(
            {path, record.line, c.conversationId.isEmpty() ? QStringLiteral("id") : QStringLiteral("created_at"),
             c.conversationId.isEmpty() ? QStringLiteral("is empty (a value is required)")
                                        : QStringLiteral("%1 is not a timestamp (%2)")
                                              .arg(quotedValue(m_tickets.cell(row, QStringLiteral("created_at"))),
                                                   values::expectedTimestamp())});
        return true;
    }
    c.createdAtMsecs = *created;
    c.channel = m_tickets.cell(row, QStringLiteral("via_channel"));
    const QString group = m_tickets.cell(row, QStringLiteral("group_id"));
    c.team = m_groupName.value(group, group);
    const QString assignee = m_tickets.cell(row, QStringLiteral("assignee_id"));
    c.agent = m_userName.value(assignee, assignee);
    const QString requester = m_tickets.cell(row, QStringLiteral("requester_id"));
    c.customerId = requester;
    QHash<QString, QString> fields;
    if (m_options.categoryFrom.startsWith(QLatin1String("field:")))
        fields.insert(m_options.categoryFrom.mid(6), m_tickets.cell(row, m_options.categoryFrom.mid(6).toLower()));
    c.category = categoryFromTags(m_options, m_tags.value(c.conversationId), fields);

    std::vector<ZendeskComment> turns;
    for (const qsizetype comment : m_commentsByTicket.value(c.conversationId)) {
        const QString author = m_comments.cell(comment, QStringLiteral("user_id"));
        turns.push_back({m_userName.value(author, author),
                         author == requester || m_userRole.value(author) == QLatin1String("end-user"),
                         m_options.aiAuthorIds.contains(author),
                         isTrue(m_comments.cell(comment, QStringLiteral("public"))),
                         m_comments.cell(comment, QStringLiteral("body")),
                         parseTime(m_comments.cell(comment, QStringLiteral("created")))});
    }
    addZendeskComments(c, turns);
    return true;
}

// ---- Intercom tables ----

IntercomTablesSource::IntercomTablesSource(const QString &conversationsPath, const ReaderOptions &options)
    : m_options(options), m_conversations(conversationsPath, {QStringLiteral("id"), QStringLiteral("created_at")}),
      m_parts(CsvTable::sibling(conversationsPath, QStringLiteral("conversation_part_history_data.csv"),
                                {QStringLiteral("id"), QStringLiteral("conversation_id"), QStringLiteral("part_type")}))
{
    m_size = QFileInfo(conversationsPath).size();
    // History tables hold a row per version: keep the latest (by updated_at) of each id, in first-seen order.
    auto latest = [](const CsvTable &table, const QString &idColumn) {
        QHash<QString, qsizetype> best;
        std::vector<QString> order;
        for (qsizetype row = 0; row < table.rowCount(); ++row) {
            const QString id = table.cell(row, idColumn);
            const auto found = best.constFind(id);
            if (found == best.constEnd()) {
                best.insert(id, row);
                order.push_back(id);
            } else if (table.cell(row, QStringLiteral("updated_at")) >=
                       table.cell(*found, QStringLiteral("updated_at"))) {
                best[id] = row;
            }
        }
        std::vector<qsizetype> rows;
        for (const QString &id : order)
            rows.push_back(best.value(id));
        return rows;
    };
    m_latestRows = latest(m_conversations, QStringLiteral("id"));
    for (const qsizetype row : latest(m_parts, QStringLiteral("id")))
        m_partsByConversation[m_parts.cell(row, QStringLiteral("conversation_id"))].push_back(row);
    for (auto &rows : m_partsByConversation) {
        std::stable_sort(rows.begin(), rows.end(), [&](qsizetype a, qsizetype b) {
            return parseTime(m_parts.cell(a, QStringLiteral("created_at"))).value_or(0) <
                   parseTime(m_parts.cell(b, QStringLiteral("created_at"))).value_or(0);
        });
    }
    const CsvTable contacts =
        CsvTable::sibling(conversationsPath, QStringLiteral("conversation_contact_history_data.csv"),
                          {QStringLiteral("contact_id"), QStringLiteral("conversation_id")});
    for (qsizetype row = 0; row < contacts.rowCount(); ++row)
        m_contactOf.insert(contacts.cell(row, QStringLiteral("conversation_id")),
                           contacts.cell(row, QStringLiteral("contact_id")));
    const CsvTable tagNames = CsvTable::sibling(conversationsPath, QStringLiteral("tag_data.csv"),
                                                {QStringLiteral("id"), QStringLiteral("name")});
    QHash<QString, QString> tagName;
    for (qsizetype row = 0; row < tagNames.rowCount(); ++row)
        tagName.insert(tagNames.cell(row, QStringLiteral("id")), tagNames.cell(row, QStringLiteral("name")));
    const CsvTable tags = CsvTable::sibling(conversationsPath, QStringLiteral("conversation_tag_history_data.csv"),
                                            {QStringLiteral("tag_id"), QStringLiteral("conversation_id")});
    for (qsizetype row = 0; row < tags.rowCount(); ++row) {
        const QString id = tags.cell(row, QStringLiteral("tag_id"));
        QStringList &list = m_tags[tags.cell(row, QStringLiteral("conversation_id"))];
        if (!list.contains(tagName.value(id, id)))
            list << tagName.value(id, id);
    }
    const CsvTable teams = CsvTable::sibling(conversationsPath, QStringLiteral("team_data.csv"),
                                             {QStringLiteral("id"), QStringLiteral("name")});
    for (qsizetype row = 0; row < teams.rowCount(); ++row)
        m_teamName.insert(teams.cell(row, QStringLiteral("id")), teams.cell(row, QStringLiteral("name")));
    const CsvTable admins =
        CsvTable::sibling(conversationsPath, QStringLiteral("admin_data.csv"), {QStringLiteral("id")});
    for (qsizetype row = 0; row < admins.rowCount(); ++row)
        m_adminName.insert(admins.cell(row, QStringLiteral("id")), admins.cell(row, QStringLiteral("name")));
    m_notes << QStringLiteral(
                   "%1: Intercom table export (latest version of each conversation); a teammate's reply or an "
                   "assignment to a teammate counts as escalated")
                   .arg(QDir::toNativeSeparators(conversationsPath));
}

qint64 IntercomTablesSource::bytesConsumed() const
{
    return m_latestRows.empty() ? m_size : m_size * qint64(m_index) / qint64(m_latestRows.size());
}

bool IntercomTablesSource::next(SourceRecord &record)
{
    if (m_index >= m_latestRows.size())
        return false;
    const qsizetype row = m_latestRows[m_index++];
    record.conversation = emptyConversation();
    record.issues.clear();
    record.facts = {};
    record.line = m_conversations.line(row);
    Conversation &c = record.conversation;
    c.presentFields = helpDeskFields();
    c.conversationId = m_conversations.cell(row, QStringLiteral("id")).trimmed();
    const auto created = parseTime(m_conversations.cell(row, QStringLiteral("created_at")));
    if (c.conversationId.isEmpty() || !created) {
        record.issues.push_back({m_conversations.path(), record.line, QStringLiteral("created_at"),
                                 QStringLiteral("%1 is not a timestamp (%2)")
                                     .arg(quotedValue(m_conversations.cell(row, QStringLiteral("created_at"))),
                                          values::expectedTimestamp())});
        return true;
    }
    c.createdAtMsecs = *created;
    c.channel = m_conversations.cell(row, QStringLiteral("source_type"));
    c.customerId = m_contactOf.value(c.conversationId, m_conversations.cell(row, QStringLiteral("source_author_id")));
    c.category = categoryFromTags(m_options, m_tags.value(c.conversationId), {});
    const QString assignee = m_conversations.cell(row, QStringLiteral("assignee_id"));
    const QString assigneeType = m_conversations.cell(row, QStringLiteral("assignee_type"));
    if (assigneeType == QLatin1String("team"))
        c.team = m_teamName.value(assignee, assignee);
    else if (assigneeType == QLatin1String("admin"))
        c.agent = m_adminName.value(assignee, assignee);
    const QString rating = m_conversations.cell(row, QStringLiteral("conversation_rating_value")).trimmed();
    if (!rating.isEmpty()) {
        bool ok = false;
        const int value = rating.toInt(&ok);
        if (!ok || value < 1 || value > 5) {
            record.issues.push_back({m_conversations.path(), record.line, QStringLiteral("conversation_rating_value"),
                                     QStringLiteral("%1 is not a CSAT score (expected a whole number from 1 to 5)")
                                         .arg(quotedValue(rating))});
            return true;
        }
        c.csat = value;
    }
    const QString sourceBody = m_conversations.cell(row, QStringLiteral("source_body"));
    const QString sourceAuthor = m_conversations.cell(row, QStringLiteral("source_author_type"));
    if (!sourceBody.isEmpty())
        c.messages.push_back({sourceAuthor == QLatin1String("admin") ? Role::Agent
                              : sourceAuthor == QLatin1String("bot") ? Role::Ai
                                                                     : Role::Customer,
                              sourceBody, c.createdAtMsecs, QString()});
    for (const qsizetype part : m_partsByConversation.value(c.conversationId)) {
        const QString type = m_parts.cell(part, QStringLiteral("part_type"));
        const QString authorType = m_parts.cell(part, QStringLiteral("author_type"));
        const QString author = m_parts.cell(part, QStringLiteral("author_id"));
        const QString body = m_parts.cell(part, QStringLiteral("body"));
        const auto sent = parseTime(m_parts.cell(part, QStringLiteral("created_at")));
        const QString name = m_adminName.value(author, author);
        if (type == QLatin1String("comment")) {
            const Role role = m_options.aiAuthorIds.contains(author) || authorType == QLatin1String("bot") ? Role::Ai
                              : authorType == QLatin1String("admin")                                       ? Role::Agent
                                                                     : Role::Customer;
            if (role == Role::Agent && !c.escalated) {
                c.escalated = true;
                c.escalatedAtMsecs = sent;
            }
            c.messages.push_back({role, body, sent, name});
        } else if (type == QLatin1String("note")) {
            c.messages.push_back({Role::System, QStringLiteral("Internal note: ") + body, sent, name});
        } else {
            c.messages.push_back(
                {Role::System,
                 QStringLiteral("Conversation %1").arg(QString(type).replace(QLatin1Char('_'), QLatin1Char(' '))), sent,
                 name});
        }
    }
    if (!c.escalated && assigneeType == QLatin1String("admin") && !m_options.aiAuthorIds.contains(assignee))
        c.escalated = true; // assigned to a teammate
    return true;
}

} // namespace workbench
