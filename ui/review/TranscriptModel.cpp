#include "TranscriptModel.h"

namespace workbench::ui {

QString roleLabel(Role role)
{
    switch (role) {
    case Role::Customer:
        return TranscriptModel::tr("Customer");
    case Role::Ai:
        return TranscriptModel::tr("AI");
    case Role::Agent:
        return TranscriptModel::tr("Agent");
    case Role::System:
        return TranscriptModel::tr("System");
    }
    return {};
}

TranscriptModel::TranscriptModel(QObject *parent) : QAbstractListModel(parent)
{}

void TranscriptModel::setConversation(const Conversation &conversation, std::optional<int> handoffSeq)
{
    beginResetModel();
    m_messages = conversation.messages;
    if (m_messages.empty() && !conversation.transcript.isEmpty())
        m_messages.push_back({Role::System, conversation.transcript, std::nullopt, tr("Transcript")});
    for (Message &message : m_messages) {
        if (message.text.size() > kShownCharacters) {
            const qsizetype cut = message.text.size() - kShownCharacters;
            message.text.truncate(kShownCharacters);
            message.text += tr("\n[… %n more character(s) not shown]", nullptr, int(std::min<qsizetype>(cut, INT_MAX)));
        }
    }
    m_handoffSeq = handoffSeq;
    m_takeoverSeq.reset();
    endResetModel();
}

void TranscriptModel::setTakeoverSeq(std::optional<int> seq)
{
    if (seq == m_takeoverSeq)
        return;
    const std::optional<int> before = m_takeoverSeq;
    m_takeoverSeq = seq;
    for (const std::optional<int> &row : {before, seq}) {
        if (row && *row >= 0 && *row < rowCount())
            Q_EMIT dataChanged(index(*row), index(*row));
    }
}

void TranscriptModel::clear()
{
    beginResetModel();
    m_messages.clear();
    m_handoffSeq.reset();
    m_takeoverSeq.reset();
    endResetModel();
}

int TranscriptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

QVariant TranscriptModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Message &message = m_messages[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return message.text;
    case Qt::AccessibleTextRole:
        return QStringLiteral("%1: %2").arg(roleLabel(message.role), message.text);
    case RoleRole:
        return int(message.role);
    case AuthorRole:
        return message.author;
    case SentAtRole:
        return message.sentAtMsecs ? QVariant(*message.sentAtMsecs) : QVariant();
    case HandoffRole:
        return m_handoffSeq == index.row();
    case TakeoverRole:
        return m_takeoverSeq == index.row();
    default:
        return {};
    }
}

} // namespace workbench::ui
