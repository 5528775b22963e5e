#include "DerivedFacts.h"

#include "Database.h"
#include "Sql.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace workbench {
namespace {

bool asksForPerson(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("\\b(human|real person|a person|actual person|someone real|live (agent|person|chat)|"
                       "representative|operator|supervisor|manager|"
                       "(speak|talk|chat) (to|with) (an? |your )?(agent|someone|somebody|staff|people)|"
                       "(an?|your) (human|real) agent)\\b"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return pattern.match(text).hasMatch();
}

// Content words of a message, to compare two customer turns.
QSet<QString> contentWords(const QString &text)
{
    static const QSet<QString> stopWords = {
        QStringLiteral("the"),  QStringLiteral("and"),  QStringLiteral("for"),   QStringLiteral("you"),
        QStringLiteral("your"), QStringLiteral("with"), QStringLiteral("this"),  QStringLiteral("that"),
        QStringLiteral("have"), QStringLiteral("can"),  QStringLiteral("please"), QStringLiteral("again"),
        QStringLiteral("are"),  QStringLiteral("was"),  QStringLiteral("what"),  QStringLiteral("not"),
    };
    QSet<QString> words;
    QString current;
    auto flush = [&] {
        if (current.size() >= 3 && !stopWords.contains(current))
            words.insert(current);
        current.clear();
    };
    for (const QChar ch : text) {
        if (ch.isLetterOrNumber())
            current.append(ch.toCaseFolded());
        else
            flush();
    }
    flush();
    return words;
}

bool sameQuestion(const QSet<QString> &a, const QSet<QString> &b)
{
    if (a.size() < 3 || b.size() < 3)
        return false;
    qsizetype shared = 0;
    for (const QString &word : a)
        shared += b.contains(word) ? 1 : 0;
    const qsizetype unionSize = a.size() + b.size() - shared;
    return shared * 2 >= unionSize; // Jaccard >= 0.5
}

} // namespace

MessageFacts analyzeMessages(const std::vector<Message> &messages)
{
    MessageFacts facts;
    std::vector<QSet<QString>> earlierQuestions;
    for (size_t seq = 0; seq < messages.size(); ++seq) {
        const Message &message = messages[seq];
        if (message.role == Role::Agent && !facts.handoffSeq)
            facts.handoffSeq = int(seq);
        // Only what the customer said before a person took over says something about the AI.
        if (message.role != Role::Customer || facts.handoffSeq)
            continue;
        if (asksForPerson(message.text))
            facts.signals |= int(Signal::AskedForPerson);
        if (!(facts.signals & int(Signal::RepeatedQuestion))) {
            QSet<QString> words = contentWords(message.text);
            for (const QSet<QString> &earlier : earlierQuestions) {
                if (sameQuestion(earlier, words)) {
                    facts.signals |= int(Signal::RepeatedQuestion);
                    break;
                }
            }
            earlierQuestions.push_back(std::move(words));
        }
    }
    return facts;
}

void recomputeMessageFacts(Database &db, const std::vector<qint64> &conversationRowIds)
{
    QSqlQuery read = sql::prepare(db.sql(), QStringLiteral("SELECT role, text FROM messages WHERE conversation_ref = :id ORDER BY seq"));
    QSqlQuery write = sql::prepare(db.sql(), QStringLiteral("UPDATE conversations SET handoff_seq = :handoff, signals = :signals,"
                                                            " transcript = NULL WHERE id = :id"));
    for (const qint64 id : conversationRowIds) {
        read.bindValue(QStringLiteral(":id"), id);
        sql::exec(read);
        std::vector<Message> messages;
        while (read.next())
            messages.push_back({roleFromName(read.value(0).toString()).value_or(Role::System), read.value(1).toString(),
                                std::nullopt, QString()});
        read.finish();
        const MessageFacts facts = analyzeMessages(messages);
        write.bindValue(QStringLiteral(":handoff"), facts.handoffSeq ? QVariant(*facts.handoffSeq) : QVariant());
        write.bindValue(QStringLiteral(":signals"), facts.signals);
        write.bindValue(QStringLiteral(":id"), id);
        sql::exec(write);
    }
}

void recomputeFollowups(Database &db)
{
    sql::run(db.sql(),
             QStringLiteral("UPDATE conversations AS a SET has_followup = 1 - has_followup"
                            " WHERE a.customer_id IS NOT NULL AND a.has_followup <> EXISTS ("
                            "   SELECT 1 FROM conversations AS b"
                            "   WHERE b.customer_id = a.customer_id AND b.category_id = a.category_id"
                            "     AND b.created_at > a.created_at AND b.created_at <= a.created_at + :window)"),
             {{":window", kFollowupWindowMsecs}});
    sql::run(db.sql(), QStringLiteral("UPDATE conversations SET has_followup = 0"
                                      " WHERE customer_id IS NULL AND has_followup <> 0"));
}

} // namespace workbench
