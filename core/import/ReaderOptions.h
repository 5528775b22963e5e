#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace workbench {

/// What the chat-log and help-desk readers need to know about a source (DATA.md section 2, items 4 and 5):
/// chosen in the import dialog, kept in a saved mapping, or given on the command line.
struct ReaderOptions {
    // Chat logs.
    /// A call of this tool is the hand-off; its `summary` argument is kept as the escalation reason.
    QString handoffTool = QStringLiteral("transfer_to_human_agents");
    /// Dotted paths joined with "-" into the conversation id ("task_id,trial"); empty: detected.
    QString idFields;
    QString customerField;
    QString categoryField;
    QString timeField;
    /// Where the source has no timestamps: the first conversation's start, then one every `spacingSeconds`.
    std::optional<qint64> startMsecs;
    qint64 spacingSeconds = 3600;
    QString channel = QStringLiteral("chat");

    // Help desks.
    /// Author (Zendesk user, Intercom admin) ids that are the AI assistant.
    QStringList aiAuthorIds;
    /// Where the category comes from: "tags" (the first tag), "tag-prefix:PREFIX" (the first tag with it, the
    /// prefix dropped), "field:NAME" (a custom field or attribute); empty: "tags".
    QString categoryFrom;
    /// Zendesk comments kept in a separate file.
    QString commentsFile;

    QJsonObject toJson() const;
    static ReaderOptions fromJson(const QJsonObject &object);
    bool operator==(const ReaderOptions &other) const = default;
};

} // namespace workbench
