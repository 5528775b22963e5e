#include "DemoGenerator.h"

#include "DemoScript.h"
#include "common/Clock.h"
#include "common/Random.h"
#include "import/CanonicalWriter.h"
#include "store/ConversationWriter.h"
#include "store/Database.h"
#include "store/DerivedFacts.h"
#include "store/Sql.h"
#include "store/Transaction.h"
#include "store/WorkspaceFacts.h"

#include <QDateTime>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <array>
#include <numeric>

namespace workbench {

using demo::categoryScripts;
using demo::channelScripts;
using demo::commonScript;
using demo::teamScripts;

/// The plan of one conversation, fixed before any text is written.
struct DemoGenerator::Record {
    qint64 createdAtMsecs = 0;
    quint32 customer = 0; ///< 0: an anonymous contact
    quint8 category = 0;
    quint8 channel = 0;
    bool escalated = false;
    bool needsHuman = false; ///< the hidden truth a reviewer judges
    bool isFollowup = false;
    bool hasFollowup = false;
    quint32 order = 0; ///< position before sorting by time: ties keep generation order
};

namespace {

constexpr qint64 kHourMsecs = 3600LL * 1000;

// UTC contacts per hour of day: quiet nights, a late-morning peak and an evening bump.
constexpr std::array<double, 24> kHourWeights = {1.0, 0.6, 0.4, 0.3, 0.3, 0.5, 1.0, 2.0, 3.5, 4.5, 5.0, 5.0,
                                                 4.8, 4.6, 4.5, 4.3, 4.0, 3.8, 3.6, 3.8, 3.9, 3.2, 2.2, 1.5};

// Stream numbers keep the independent random choices of the plan independent of each other.
enum Stream : quint64 { PlanStream = 1, FollowupStream = 2, TextStream = 3 };

std::vector<qint64> splitEvenly(qint64 total, const std::vector<double> &weights)
{
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    std::vector<qint64> counts(weights.size());
    std::vector<std::pair<double, size_t>> remainders;
    qint64 assigned = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
        const double exact = double(total) * weights[i] / sum;
        counts[i] = qint64(exact);
        assigned += counts[i];
        remainders.emplace_back(exact - double(counts[i]), i);
    }
    std::sort(remainders.begin(), remainders.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (size_t i = 0; assigned < total; ++i, ++assigned)
        ++counts[remainders[i % remainders.size()].second];
    return counts;
}

QString asciiLower(const QString &name)
{
    QString result;
    for (QChar ch : name.normalized(QString::NormalizationForm_D)) {
        if (ch.unicode() < 128 && ch.isLetter())
            result.append(ch.toLower());
    }
    return result;
}

/// Values for the {slot}s of one conversation's lines.
struct Slots {
    QString first, order, product, carrier, tracking, amount, day, days, last4, email, phone, team, agentFirst, slug;

    const QString *lookup(QStringView name) const
    {
        static const std::array<QString, 14> names = {
            QStringLiteral("first"),      QStringLiteral("order"),    QStringLiteral("product"),
            QStringLiteral("carrier"),    QStringLiteral("tracking"), QStringLiteral("amount"),
            QStringLiteral("day"),        QStringLiteral("days"),     QStringLiteral("last4"),
            QStringLiteral("email"),      QStringLiteral("phone"),    QStringLiteral("team"),
            QStringLiteral("agentFirst"), QStringLiteral("slug")};
        const std::array<const QString *, 14> values = {&first,  &order, &product,    &carrier, &tracking,
                                                        &amount, &day,   &days,       &last4,   &email,
                                                        &phone,  &team,  &agentFirst, &slug};
        for (size_t i = 0; i < names.size(); ++i) {
            if (name == names[i])
                return values[i];
        }
        return nullptr;
    }

    QString fill(const QString &line) const
    {
        QString result;
        result.reserve(line.size() + 32);
        qsizetype from = 0;
        while (true) {
            const qsizetype open = line.indexOf(QLatin1Char('{'), from);
            const qsizetype close = open < 0 ? -1 : line.indexOf(QLatin1Char('}'), open);
            if (close < 0) {
                result.append(QStringView(line).mid(from));
                return result;
            }
            result.append(QStringView(line).mid(from, open - from));
            const QString *value = lookup(QStringView(line).mid(open + 1, close - open - 1));
            result.append(value ? *value : line.mid(open, close - open + 1));
            from = close + 1;
        }
    }
};

QString weekdayName(Random &rng)
{
    static const QStringList days = {QStringLiteral("Monday"),   QStringLiteral("Tuesday"), QStringLiteral("Wednesday"),
                                     QStringLiteral("Thursday"), QStringLiteral("Friday"),  QStringLiteral("Saturday")};
    return rng.pick(days);
}

QString digits(Random &rng, int count)
{
    QString result;
    result.reserve(count);
    for (int i = 0; i < count; ++i)
        result.append(QChar(u'0' + char16_t(rng.below(10))));
    return result;
}

} // namespace

DemoGenerator::DemoGenerator(const DemoOptions &options, const Clock &clock)
    : m_options(options), m_firstMonth(Period::month(1970, 1)),
      m_lastMonth(options.endMonth.value_or(lastFullMonth(clock.nowUtc())))
{
    m_options.months = std::max(1, options.months);
    m_firstMonth = m_lastMonth;
    for (int i = 1; i < m_options.months; ++i)
        m_firstMonth = m_firstMonth.previous();
    planRecords();
}

DemoGenerator::~DemoGenerator() = default;

qint64 DemoGenerator::size() const
{
    return qint64(m_records.size());
}

Period DemoGenerator::lastFullMonth(const QDateTime &now)
{
    return Period::monthContaining(now.toMSecsSinceEpoch()).previous();
}

void DemoGenerator::planRecords()
{
    const auto &categories = categoryScripts();
    const auto &channels = channelScripts();
    const int monthCount = m_options.months;
    // Two events shape the history: a product launch brings product questions, and a stricter returns
    // policy pushes returns escalations up from its month on.
    if (monthCount >= 4)
        m_launchMonth = monthCount - 4;
    if (monthCount >= 2)
        m_policyChangeMonth = monthCount - 2;

    std::vector<Period> months;
    std::vector<double> volumeWeights;
    for (Period month = m_firstMonth; months.size() < size_t(monthCount); month = month.next()) {
        const int i = int(months.size());
        months.push_back(month);
        // Gentle growth and a seasonal swing, so months differ the way real queues do.
        volumeWeights.push_back((1.0 + 0.012 * i) * (1.0 + 0.06 * std::sin(month.number() * 0.52)) *
                                (i == m_launchMonth ? 1.08 : 1.0));
    }
    if (m_launchMonth >= 0)
        m_events.push_back({QDateTime::fromMSecsSinceEpoch(months[size_t(m_launchMonth)].startMsecs(), QTimeZone::utc())
                                .date()
                                .addDays(9),
                            QStringLiteral("product launch"), QStringLiteral("Launch of the Atlas smart watch 2")});
    if (m_policyChangeMonth >= 0)
        m_events.push_back(
            {QDateTime::fromMSecsSinceEpoch(months[size_t(m_policyChangeMonth)].startMsecs(), QTimeZone::utc()).date(),
             QStringLiteral("policy change"), QStringLiteral("Returns window shortened from 60 to 30 days")});

    const std::vector<qint64> perMonth = splitEvenly(m_options.conversations, volumeWeights);
    std::vector<double> channelWeights;
    for (const auto &channel : channels)
        channelWeights.push_back(channel.weight);

    Random rng = Random::forItem(m_options.seed, PlanStream);
    m_records.reserve(size_t(m_options.conversations));
    quint32 customersIssued = 0;
    for (int m = 0; m < monthCount; ++m) {
        const Period &month = months[size_t(m)];
        const qint64 days = (month.endMsecs() - month.startMsecs()) / (24 * kHourMsecs);
        // The AI improves over the months: escalations drift from +6 % to -4 % of each category's rate.
        const double trend = monthCount > 1 ? 1.06 - 0.10 * m / (monthCount - 1) : 1.0;
        std::vector<double> categoryWeights;
        for (size_t c = 0; c < categories.size(); ++c)
            categoryWeights.push_back(
                categories[c].weight *
                (m == m_launchMonth && categories[c].name == QLatin1String("Product questions") ? 1.6 : 1.0));
        for (qint64 k = 0; k < perMonth[size_t(m)]; ++k) {
            Record record;
            record.order = quint32(m_records.size());
            const qint64 hour = qint64(rng.weighted(kHourWeights));
            record.createdAtMsecs = month.startMsecs() + qint64(rng.below(quint64(days))) * 24 * kHourMsecs +
                                    hour * kHourMsecs + qint64(rng.below(quint64(kHourMsecs)));
            record.category = quint8(rng.weighted(categoryWeights));
            record.channel = quint8(rng.weighted(channelWeights));
            if (!rng.chance(0.06)) {
                // About a third of contacts come from customers seen before.
                if (customersIssued > 0 && rng.chance(0.32))
                    record.customer = quint32(1 + rng.below(customersIssued));
                else
                    record.customer = ++customersIssued;
            }
            const auto &category = categories[record.category];
            // 0.95 offsets the channel mix and the follow-ups, for about 25 % escalated overall.
            double escalationRate = 0.95 * category.escalationRate * channels[record.channel].escalationFactor * trend;
            if (m_policyChangeMonth >= 0 && m >= m_policyChangeMonth && category.name == QLatin1String("Returns"))
                escalationRate *= 1.45;
            record.escalated = rng.chance(std::min(0.95, escalationRate));
            record.needsHuman = record.escalated ? !rng.chance(category.falseShare) : rng.chance(category.missedShare);
            m_records.push_back(record);
        }
    }
    linkFollowups(FollowupStream);
    std::sort(m_records.begin(), m_records.end(), [](const Record &a, const Record &b) {
        return a.createdAtMsecs != b.createdAtMsecs ? a.createdAtMsecs < b.createdAtMsecs : a.order < b.order;
    });
}

void DemoGenerator::linkFollowups(quint64 stream)
{
    // A customer whose problem was not solved comes back within two days about the same thing. The return
    // contact replaces another planned contact, so the total stays exactly as asked.
    Random rng = Random::forItem(m_options.seed, stream);
    const qint64 rangeEnd = m_lastMonth.endMsecs();
    const auto &categories = categoryScripts();
    const quint64 count = m_records.size();
    if (count < 2)
        return;
    for (quint64 i = 0; i < count; ++i) {
        Record &parent = m_records[i];
        if (parent.customer == 0)
            continue;
        const bool missed = !parent.escalated && parent.needsHuman;
        const bool falseEscalation = parent.escalated && !parent.needsHuman;
        const double probability = missed ? 0.5 : falseEscalation ? 0.10 : parent.escalated ? 0.05 : 0.035;
        if (!rng.chance(probability))
            continue;
        const qint64 createdAt = parent.createdAtMsecs + qint64(rng.uniform(0.3, 46.0) * double(kHourMsecs));
        if (createdAt >= rangeEnd)
            continue;
        for (int attempt = 0; attempt < 4; ++attempt) {
            Record &child = m_records[rng.below(count)];
            if (&child == &parent || child.isFollowup || child.hasFollowup)
                continue;
            child.customer = parent.customer;
            child.category = parent.category;
            child.createdAtMsecs = createdAt;
            child.isFollowup = true;
            // A second contact about an unsolved problem goes to a person far more often.
            const auto &category = categories[child.category];
            child.escalated = rng.chance(std::min(0.9, category.escalationRate * 1.7 + 0.1));
            child.needsHuman =
                child.escalated ? !rng.chance(category.falseShare * 0.6) : rng.chance(category.missedShare * 1.5);
            parent.hasFollowup = true;
            break;
        }
    }
}

Conversation DemoGenerator::conversation(qint64 index) const
{
    const Record &record = m_records[size_t(index)];
    const auto &category = categoryScripts()[record.category];
    const auto &channel = channelScripts()[record.channel];
    const auto &common = commonScript();
    Random rng = Random::forItem(m_options.seed ^ (TextStream << 56), quint64(index));

    Conversation conversation;
    conversation.conversationId = QStringLiteral("CNV-%1").arg(index + 1, 7, 10, QLatin1Char('0'));
    conversation.createdAtMsecs = record.createdAtMsecs;
    conversation.escalated = record.escalated;
    conversation.category = category.name;
    conversation.channel = channel.name;
    if (record.customer != 0)
        conversation.customerId = QStringLiteral("CUS-%1").arg(record.customer, 6, 10, QLatin1Char('0'));

    // A customer keeps their name across contacts.
    const quint32 nameKey = record.customer != 0 ? record.customer : quint32(rng.below(1u << 20));
    const QString &firstName = common.firstNames[qsizetype(nameKey % quint32(common.firstNames.size()))];
    const QString &lastName = common.lastNames[qsizetype((nameKey / 7) % quint32(common.lastNames.size()))];
    const QString customerAuthor =
        record.customer != 0 ? firstName + QLatin1Char(' ') + lastName.left(1) + QLatin1Char('.') : firstName;
    const QString aiAuthor = QStringLiteral("Nova (AI)");

    const auto &teams = teamScripts();
    const auto &team = teams[size_t(rng.chance(0.15) ? 0 : category.teamIndex)];
    const QString &agentName = rng.pick(team.agents);

    Slots slots;
    slots.first = firstName;
    slots.order = QLatin1Char('#') + digits(rng, 7);
    slots.product = rng.pick(common.products);
    slots.carrier = rng.pick(common.carriers);
    slots.tracking = slots.carrier == QLatin1String("UPS") ? QStringLiteral("1Z") + digits(rng, 16) : digits(rng, 12);
    slots.amount = QStringLiteral("$%1").arg(double(rng.between(899, 34900)) / 100.0, 0, 'f', 2);
    slots.day = weekdayName(rng);
    slots.days = QString::number(rng.between(2, 12));
    slots.last4 = digits(rng, 4);
    slots.email =
        QStringLiteral("%1.%2%3@example.com").arg(asciiLower(firstName), asciiLower(lastName)).arg(nameKey % 100);
    slots.phone = QStringLiteral("+44 7700 900%1").arg(digits(rng, 3));
    slots.team = team.name;
    slots.agentFirst = agentName.section(QLatin1Char(' '), 0, 0);
    slots.slug = rng.pick(common.helpSlugs);

    qint64 clock = record.createdAtMsecs;
    auto say = [&](Role role, const QString &author, const QString &text, qint64 afterMinMsecs, qint64 afterMaxMsecs) {
        clock += afterMinMsecs + qint64(rng.below(quint64(afterMaxMsecs - afterMinMsecs + 1)));
        conversation.messages.push_back({role, slots.fill(text), clock, author});
    };
    auto customer = [&](const QString &text) { say(Role::Customer, customerAuthor, text, 8000, 75000); };
    auto ai = [&](const QString &text) { say(Role::Ai, aiAuthor, text, 1500, 6000); };
    auto agent = [&](const QString &text) { say(Role::Agent, agentName, text, 20000, 150000); };
    auto system = [&](const QString &text) { say(Role::System, QString(), text, 0, 1000); };

    const bool missed = !record.escalated && record.needsHuman;
    const bool falseEscalation = record.escalated && !record.needsHuman;
    const bool asksPerson = record.needsHuman  ? rng.chance(0.55)
                            : record.escalated ? rng.chance(0.35)
                                               : rng.chance(0.04);
    const bool repeats = (missed || (record.escalated && record.needsHuman)) ? rng.chance(0.35) : rng.chance(0.04);
    double satisfiedChance = record.escalated ? category.agentSatisfied - (falseEscalation ? 0.06 : 0.0)
                             : missed         ? 0.15
                                              : category.aiSatisfied;
    if (record.isFollowup)
        satisfiedChance *= 0.8;
    const bool satisfied = rng.chance(satisfiedChance);

    // The conversation, turn by turn.
    clock -= 1000;
    if (rng.chance(0.45))
        system(channel.startLine);
    const QString opener = rng.pick(category.openers);
    // The opener again, inside a sentence: "Again, where is my order…" (but "I" stays a capital).
    const bool startsWithI = opener.startsWith(QLatin1String("I ")) || opener.startsWith(QLatin1String("I'"));
    const QString openerMidSentence = startsWithI ? opener : opener.left(1).toLower() + opener.mid(1);
    customer(record.isFollowup ? rng.pick(common.followupOpeners) + opener : opener);
    ai(rng.pick(category.aiFirst));
    if (rng.chance(0.7))
        customer(rng.pick(category.details));
    if (record.escalated) {
        if (!falseEscalation || rng.chance(0.5))
            ai(rng.pick(category.aiWeak));
        if (repeats) {
            customer(rng.pick(common.repeatPrefix) + openerMidSentence);
            ai(rng.pick(category.aiWeak));
        }
        if (asksPerson)
            customer(rng.pick(common.askPerson));
        ai(rng.pick(common.aiHandoff));
        say(Role::System, QString(),
            QStringLiteral("Transferred to %1 · %2 joined the conversation").arg(team.name, agentName), 30000, 540000);
        conversation.escalatedAtMsecs = clock;
        agent(rng.pick(common.agentGreeting));
        agent(rng.pick(category.agentResolve));
        customer(satisfied ? rng.pick(common.customerThanks) : rng.pick(common.customerUnhappy));
        if (rng.chance(0.7))
            agent(rng.pick(common.agentClosing));
        conversation.team = team.name;
        if (!rng.chance(0.02))
            conversation.agent = agentName;
        conversation.escalationReason =
            asksPerson ? QStringLiteral("Customer asked for a human agent") : rng.pick(category.reasons);
    } else if (missed) {
        ai(rng.pick(category.aiWeak));
        if (repeats) {
            customer(rng.pick(common.repeatPrefix) + openerMidSentence);
            ai(rng.pick(common.aiLoop));
        }
        if (asksPerson) {
            customer(rng.pick(common.askPerson));
            ai(rng.pick(common.aiAfterAsk));
        }
        customer(rng.pick(common.customerFrustrated));
        ai(rng.pick(common.aiLoop));
        system(rng.pick(common.systemLeft));
    } else {
        if (asksPerson) {
            customer(rng.pick(common.askPerson));
            ai(rng.pick(common.aiAfterAsk));
        }
        ai(rng.pick(category.aiResolve));
        customer(satisfied ? rng.pick(common.customerThanks) : rng.pick(common.customerUnhappy));
        if (rng.chance(0.6))
            ai(rng.pick(common.aiClosing));
    }

    // Facts the help desk recorded about the contact.
    if (rng.chance(channel.ratedShare)) {
        static const std::array<double, 3> unhappyScores = {0.35, 0.35, 0.30};
        conversation.csat = satisfied ? (rng.chance(0.62) ? 5 : 4) : int(1 + rng.weighted(unhappyScores));
    }
    if (rng.chance(0.93)) {
        const double mean = (record.needsHuman ? 0.36 : 0.76) - (record.escalated ? 0.10 : 0.0);
        conversation.aiConfidence = std::round(std::clamp(rng.normal(mean, 0.13), 0.02, 0.99) * 1000.0) / 1000.0;
    }
    if (rng.chance(0.85))
        conversation.sentiment =
            std::round((satisfied ? rng.uniform(0.1, 0.9) : rng.uniform(-0.9, 0.1)) * 100.0) / 100.0;
    if (rng.chance(0.75))
        conversation.firstContactResolution = record.escalated                 ? rng.chance(0.7)
                                              : (missed || record.hasFollowup) ? rng.chance(0.15)
                                                                               : rng.chance(0.92);
    conversation.handleTimeSeconds = double(clock - record.createdAtMsecs) / 1000.0;
    return conversation;
}

DemoSummary fillDemoWorkspace(Database &db, const DemoOptions &options, const Clock &clock,
                              const ProgressCallback &progress, const QString &exportDirectory)
{
    if (const qint64 existing = conversationCount(db); existing > 0)
        throw WorkbenchError(QStringLiteral("%1 already holds %2 conversations; demo data goes into an empty workspace "
                                            "(give another file with --db).")
                                 .arg(db.path())
                                 .arg(existing));
    const DemoGenerator generator(options, clock);
    std::unique_ptr<CanonicalWriter> exporter;
    if (!exportDirectory.isEmpty())
        exporter = std::make_unique<CanonicalWriter>(exportDirectory);

    Transaction transaction(db, QStringLiteral("Filling the workspace with demo data"));
    ConversationWriter writer(db);
    const qint64 total = generator.size();
    // Text is built on the worker threads a batch at a time while this thread writes.
    constexpr qint64 kBatch = 2048;
    QFuture<Conversation> pending;
    // The workers read `generator`: never leave this scope (by error or cancel) while they run.
    struct WaitForWorkers {
        QFuture<Conversation> &future;
        ~WaitForWorkers()
        {
            future.cancel();
            future.waitForFinished();
        }
    } waitForWorkers{pending};
    auto startBatch = [&](qint64 from) {
        std::vector<qint64> indexes(size_t(std::min(kBatch, total - from)));
        std::iota(indexes.begin(), indexes.end(), from);
        pending = QtConcurrent::mapped(std::move(indexes),
                                       [&generator](qint64 index) { return generator.conversation(index); });
    };
    if (total > 0)
        startBatch(0);
    for (qint64 from = 0; from < total; from += kBatch) {
        pending.waitForFinished();
        const QList<Conversation> batch = pending.results();
        if (from + kBatch < total)
            startBatch(from + kBatch);
        for (const Conversation &conversation : batch) {
            writer.write(conversation);
            if (exporter)
                exporter->write(conversation);
        }
        if (progress && !progress(std::min(total, from + kBatch), total))
            throw Cancelled();
    }
    QSqlQuery insertEvent = sql::prepare(db.sql(), QStringLiteral("INSERT INTO events (occurred_on, kind, label)"
                                                                  " VALUES (:date, :kind, :label)"));
    for (const DemoEvent &event : generator.events()) {
        insertEvent.bindValue(QStringLiteral(":date"), event.date.toString(Qt::ISODate));
        insertEvent.bindValue(QStringLiteral(":kind"), event.kind);
        insertEvent.bindValue(QStringLiteral(":label"), event.label);
        sql::exec(insertEvent);
    }
    recomputeFollowups(db);
    if (exporter)
        exporter->finish();
    transaction.commit();
    return {total, generator.firstMonth(), generator.lastMonth()};
}

} // namespace workbench
