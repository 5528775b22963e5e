#include "DerivedFacts.h"

#include "Database.h"
#include "Sql.h"
#include "Statement.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <deque>

namespace workbench {
namespace {

// Content words of a message, to compare two customer turns.
QSet<QString> contentWords(const QString &text)
{
    static const QSet<QString> stopWords = {
        QStringLiteral("the"),  QStringLiteral("and"),  QStringLiteral("for"),    QStringLiteral("you"),
        QStringLiteral("your"), QStringLiteral("with"), QStringLiteral("this"),   QStringLiteral("that"),
        QStringLiteral("have"), QStringLiteral("can"),  QStringLiteral("please"), QStringLiteral("again"),
        QStringLiteral("are"),  QStringLiteral("was"),  QStringLiteral("what"),   QStringLiteral("not"),
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

bool asksForPerson(const QString &text)
{
    // Measured on the Bitext requests in tests/data/bitext (tst_derivedfacts prints it): every way of asking to
    // talk to, chat with or reach a person, an agent, an operator or "an assistant" (a human one, in support
    // speech), with the words customers put between ("a damn agent"), and asking for an escalation outright.
    static const QRegularExpression pattern(
        QStringLiteral("\\b(human|real person|a person|actual person|someone real|live (agent|person|chat)|"
                       "representatives?|operators?|supervisor|manager|"
                       "(speak|speaking|talk|talking|chat|chatting|contact|contacting|reach|reaching|call|calling) "
                       "(to |with )?(an? |your |the |some )?((damn|goddamn|fucking|freaking|real) )?"
                       "(agent|someone|somebody|somneone|somone|staff|people|assistant|person|human)|"
                       "(an?|your) (human|real|live) (agent|person|assistant)|"
                       "(want|need|like) (this|it|my \\w+|the \\w+)? ?(to be )?escalated|escalate (this|it|my)|"
                       "hablar con (una persona|un agente|alguien|un humano)|mit einem (menschen|mitarbeiter)|"
                       "parler (à|a) (une personne|un conseiller|un agent|quelqu'un))\\b"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return pattern.match(text).hasMatch();
}

MessageFacts analyzeMessages(const std::vector<Message> &messages, std::optional<int> markedHandoff)
{
    MessageFacts facts;
    // Linear in the turns: a question asked again word for word is found among all earlier ones (by a hash of its
    // words), a reworded one among the last kNearWindow (a 200,000-turn log took 30 s compared all against all).
    constexpr size_t kNearWindow = 20;
    std::deque<QSet<QString>> earlierQuestions;
    QSet<QString> earlierExact;
    auto exactKey = [](const QSet<QString> &words) {
        QStringList sorted(words.cbegin(), words.cend());
        sorted.sort();
        return sorted.join(QLatin1Char(' '));
    };
    for (size_t seq = 0; seq < messages.size(); ++seq) {
        const Message &message = messages[seq];
        if (!facts.handoffSeq &&
            ((markedHandoff && int(seq) == *markedHandoff) || (!markedHandoff && message.role == Role::Agent)))
            facts.handoffSeq = int(seq);
        // Only what the customer said before a person took over says something about the AI.
        if (message.role != Role::Customer || facts.handoffSeq)
            continue;
        if (asksForPerson(message.text))
            facts.signals |= int(Signal::AskedForPerson);
        if (!(facts.signals & int(Signal::RepeatedQuestion))) {
            QSet<QString> words = contentWords(message.text);
            const QString key = words.size() >= 3 ? exactKey(words) : QString();
            bool repeated = !key.isEmpty() && earlierExact.contains(key);
            for (auto earlier = earlierQuestions.cbegin(); !repeated && earlier != earlierQuestions.cend(); ++earlier)
                repeated = sameQuestion(*earlier, words);
            if (repeated) {
                facts.signals |= int(Signal::RepeatedQuestion);
                continue;
            }
            if (!key.isEmpty())
                earlierExact.insert(key);
            earlierQuestions.push_back(std::move(words));
            if (earlierQuestions.size() > kNearWindow)
                earlierQuestions.pop_front();
        }
    }
    return facts;
}

void recomputeMessageFacts(Database &db, const std::vector<qint64> &conversationRowIds)
{
    QSqlQuery read = sql::prepare(
        db.sql(), QStringLiteral("SELECT role, text FROM messages WHERE conversation_ref = :id ORDER BY seq"));
    QSqlQuery write =
        sql::prepare(db.sql(), QStringLiteral("UPDATE conversations SET handoff_seq = :handoff, signals = :signals,"
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
    // 1. One table scan, sorted in memory by (customer, category, time): inside a group, a contact has a
    //    follow-up when the next contact at a later instant comes within 48 h.
    struct Contact {
        size_t customerHash;
        quint32 customerOffset;
        quint32 customerLength;
        qint64 category;
        qint64 createdAt;
        qint64 id;
    };
    std::vector<Contact> contacts;
    QByteArray customers; // the customer ids, end to end
    {
        Statement scan(db, "SELECT id, customer_id, category_id, created_at FROM conversations"
                           " WHERE customer_id IS NOT NULL");
        while (scan.step()) {
            const QByteArrayView customer = scan.columnBytes(1);
            contacts.push_back({qHash(customer), quint32(customers.size()), quint32(customer.size()),
                                scan.columnInt64(2), scan.columnInt64(3), scan.columnInt64(0)});
            customers.append(customer);
        }
    }
    auto customerOf = [&](const Contact &c) {
        return QByteArrayView(customers.constData() + c.customerOffset, c.customerLength);
    };
    std::sort(contacts.begin(), contacts.end(), [&](const Contact &a, const Contact &b) {
        if (a.customerHash != b.customerHash)
            return a.customerHash < b.customerHash;
        if (const int order = customerOf(a).compare(customerOf(b)); order != 0)
            return order < 0;
        if (a.category != b.category)
            return a.category < b.category;
        return a.createdAt < b.createdAt;
    });
    std::vector<qint64> flagged;
    for (size_t groupEnd = contacts.size(); groupEnd > 0;) {
        size_t groupBegin = groupEnd - 1;
        const Contact &last = contacts[groupEnd - 1];
        while (groupBegin > 0 && contacts[groupBegin - 1].category == last.category &&
               contacts[groupBegin - 1].customerHash == last.customerHash &&
               customerOf(contacts[groupBegin - 1]) == customerOf(last))
            --groupBegin;
        // Walk the group back: `nextLater` is the earliest time after the current run of equal times.
        std::optional<qint64> nextLater;
        for (size_t end = groupEnd; end > groupBegin;) {
            size_t begin = end - 1;
            while (begin > groupBegin && contacts[begin - 1].createdAt == contacts[end - 1].createdAt)
                --begin;
            const qint64 time = contacts[end - 1].createdAt;
            if (nextLater && *nextLater - time <= kFollowupWindowMsecs) {
                for (size_t i = begin; i < end; ++i)
                    flagged.push_back(contacts[i].id);
            }
            nextLater = time;
            end = begin;
        }
        groupEnd = groupBegin;
    }
    contacts = {};
    customers = {};
    std::sort(flagged.begin(), flagged.end());

    // 2. Write only the flags that change: rows flagged now but not stored so, and the reverse.
    Statement stored(db, "SELECT id FROM conversations WHERE has_followup <> 0 ORDER BY id");
    Statement update(db, "UPDATE conversations SET has_followup = ?1 WHERE id = ?2");
    auto write = [&](qint64 id, bool flag) {
        update.bind(1, qint64(flag ? 1 : 0));
        update.bind(2, id);
        update.step();
        update.reset();
    };
    std::vector<qint64> storedIds;
    while (stored.step())
        storedIds.push_back(stored.columnInt64(0));
    stored.reset();
    std::vector<qint64> changes;
    std::set_symmetric_difference(flagged.begin(), flagged.end(), storedIds.begin(), storedIds.end(),
                                  std::back_inserter(changes));
    for (const qint64 id : changes)
        write(id, std::binary_search(flagged.begin(), flagged.end(), id));
}

} // namespace workbench
