#pragma once

#include "ConversationSource.h"
#include "ReaderOptions.h"

#include <QHash>
#include <QStringList>

#include <vector>

namespace workbench {

/// A whole CSV table in memory (help-desk table exports are tables of tickets, comments, users...), with
/// its cells by column name.
class CsvTable {
public:
    /// Reads `path`; throws WorkbenchError on a malformed file. `required` columns must be in the header.
    CsvTable(const QString &path, const QStringList &required);
    /// An empty table, for a sibling file that is not there.
    CsvTable() = default;

    qsizetype rowCount() const { return qsizetype(m_rows.size()); }
    QString cell(qsizetype row, const QString &column) const;
    qint64 line(qsizetype row) const { return m_lines[size_t(row)]; }
    const QString &path() const { return m_path; }

    /// Loads `name` beside `siblingOf` when it exists; an empty table otherwise.
    static CsvTable sibling(const QString &siblingOf, const QString &name, const QStringList &required = {});

private:
    QString m_path;
    QHash<QString, qsizetype> m_columns;
    std::vector<QStringList> m_rows;
    std::vector<qint64> m_lines;
};

/// Zendesk as a warehouse table export (Fivetran's layout): ticket_data.csv joined with the
/// ticket_comment_data, user_data, group_data and ticket_tag_data files beside it.
class ZendeskTablesSource final : public ConversationSource {
public:
    ZendeskTablesSource(const QString &ticketsPath, const ReaderOptions &options);
    bool next(SourceRecord &record) override;
    qint64 bytesConsumed() const override;
    QStringList notes() const override { return m_notes; }

private:
    ReaderOptions m_options;
    CsvTable m_tickets;
    QHash<QString, std::vector<qsizetype>> m_commentsByTicket;
    CsvTable m_comments;
    QHash<QString, QString> m_userRole;
    QHash<QString, QString> m_userName;
    QHash<QString, QString> m_groupName;
    QHash<QString, QStringList> m_tags;
    qsizetype m_row = 0;
    qint64 m_size = 0;
    QStringList m_notes;
};

/// Intercom as a warehouse table export: conversation_history_data.csv (the latest version of each
/// conversation) joined with its parts, contacts, tags, teams and admins beside it.
class IntercomTablesSource final : public ConversationSource {
public:
    IntercomTablesSource(const QString &conversationsPath, const ReaderOptions &options);
    bool next(SourceRecord &record) override;
    qint64 bytesConsumed() const override;
    QStringList notes() const override { return m_notes; }

private:
    ReaderOptions m_options;
    CsvTable m_conversations;
    std::vector<qsizetype> m_latestRows; // one row per conversation id, in file order
    CsvTable m_parts;
    QHash<QString, std::vector<qsizetype>> m_partsByConversation;
    QHash<QString, QString> m_contactOf;
    QHash<QString, QStringList> m_tags;
    QHash<QString, QString> m_teamName;
    QHash<QString, QString> m_adminName;
    size_t m_index = 0;
    qint64 m_size = 0;
    QStringList m_notes;
};

} // namespace workbench
