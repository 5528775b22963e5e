#include "Sampling.h"

#include "common/Random.h"
#include "common/WorkbenchError.h"
#include "store/Database.h"
#include "store/Sql.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <algorithm>
#include <vector>

namespace workbench {

QString populationName(Population population)
{
    return population == Population::Escalated ? QStringLiteral("escalated") : QStringLiteral("contained");
}

std::optional<Population> populationFromName(QStringView name)
{
    if (name == QLatin1String("escalated"))
        return Population::Escalated;
    if (name == QLatin1String("contained"))
        return Population::Contained;
    return std::nullopt;
}

QString methodName(SampleMethod method)
{
    return method == SampleMethod::Random ? QStringLiteral("random") : QStringLiteral("targeted");
}

std::optional<SampleMethod> methodFromName(QStringView name)
{
    if (name == QLatin1String("random"))
        return SampleMethod::Random;
    if (name == QLatin1String("targeted"))
        return SampleMethod::Targeted;
    return std::nullopt;
}

Period lastFullIsoWeek(const QDateTime &now)
{
    return Period::isoWeekContaining(now.toMSecsSinceEpoch()).previous();
}

qint64 populationSize(Database &db, const Period &period, Population population)
{
    Statement query(db, "SELECT count(*) FROM conversations"
                        " WHERE created_at >= ?1 AND created_at < ?2 AND escalated = ?3");
    query.bind(1, period.startMsecs());
    query.bind(2, period.endMsecs());
    query.bind(3, qint64(population == Population::Escalated ? 1 : 0));
    return query.step() ? query.columnInt64(0) : 0;
}

std::optional<Period> latestIsoWeekWith(Database &db, Population population)
{
    // Walks the time index backwards and stops at the first match.
    Statement query(db, "SELECT created_at FROM conversations WHERE escalated = ?1"
                        " ORDER BY created_at DESC LIMIT 1");
    query.bind(1, qint64(population == Population::Escalated ? 1 : 0));
    if (!query.step() || query.columnIsNull(0))
        return std::nullopt;
    return Period::isoWeekContaining(query.columnInt64(0));
}

Sample drawSample(Database &db, const SampleRequest &request)
{
    db.requireWritable(QStringLiteral("Drawing a sample"));
    if (request.size < 1)
        throw WorkbenchError(QStringLiteral("A sample needs a size of 1 or more, not %1.").arg(request.size));
    Sample sample;
    sample.request = request;

    struct Candidate {
        qint64 rowId;
        QString conversationId;
        std::optional<qint64> csat;
        bool hasFollowup;
        std::optional<double> confidence;
    };
    std::vector<Candidate> population;
    {
        // In conversation-id order (UTF-8 byte order is code point order): the order a seed draws from.
        Statement query(db, "SELECT id, conversation_id, csat, has_followup, ai_confidence FROM conversations"
                            " WHERE created_at >= ?1 AND created_at < ?2 AND escalated = ?3"
                            " ORDER BY conversation_id");
        query.bind(1, request.period.startMsecs());
        query.bind(2, request.period.endMsecs());
        query.bind(3, qint64(request.population == Population::Escalated ? 1 : 0));
        while (query.step())
            population.push_back({query.columnInt64(0), query.columnText(1),
                                  query.columnIsNull(2) ? std::nullopt : std::optional<qint64>(query.columnInt64(2)),
                                  query.columnInt64(3) != 0,
                                  query.columnIsNull(4) ? std::nullopt : std::optional<double>(query.columnDouble(4))});
    }
    sample.populationSize = qint64(population.size());
    if (population.empty()) {
        // An empty sample helps nobody; say where the data is instead.
        const std::optional<Period> latest = latestIsoWeekWith(db, request.population);
        throw WorkbenchError(
            latest
                ? QStringLiteral("No %1 conversations in %2: nothing to sample. The latest %1 conversation is in %3.")
                      .arg(populationName(request.population), request.period.key(), latest->key())
                : QStringLiteral("No %1 conversations in the workspace: nothing to sample.")
                      .arg(populationName(request.population)));
    }
    const qint64 take = std::min<qint64>(request.size, sample.populationSize);
    if (request.size > sample.populationSize)
        sample.warning =
            QStringLiteral("Asked for %1 but the %2 population of %3 holds %4 conversations: all of them were taken.")
                .arg(request.size)
                .arg(populationName(request.population), request.period.key())
                .arg(sample.populationSize);

    std::vector<size_t> chosen;
    if (request.method == SampleMethod::Random) {
        sample.seed = request.seed ? *request.seed : QRandomGenerator::global()->generate64() >> 11;
        Random rng(*sample.seed);
        std::vector<size_t> order(population.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        for (qint64 i = 0; i < take; ++i) {
            const size_t j = size_t(i) + size_t(rng.below(quint64(order.size() - size_t(i))));
            std::swap(order[size_t(i)], order[j]);
            chosen.push_back(order[size_t(i)]);
        }
    } else {
        std::vector<size_t> order(population.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            const Candidate &x = population[a];
            const Candidate &y = population[b];
            if (x.csat.has_value() != y.csat.has_value())
                return x.csat.has_value(); // unrated last
            if (x.csat && *x.csat != *y.csat)
                return *x.csat < *y.csat;
            if (x.hasFollowup != y.hasFollowup)
                return x.hasFollowup; // a follow-up first
            if (x.confidence.has_value() != y.confidence.has_value())
                return x.confidence.has_value(); // missing confidence last
            if (x.confidence && *x.confidence != *y.confidence)
                return *x.confidence < *y.confidence;
            return false; // already in conversation-id order
        });
        chosen.assign(order.begin(), order.begin() + take);
    }

    Transaction transaction(db, QStringLiteral("Drawing a sample"));
    // RETURNING: the new id on either store (PostgreSQL has no last_insert_rowid()).
    sample.id =
        sql::scalar(db.sql(),
                    QStringLiteral(
                        "INSERT INTO samples (period, population, method, seed, requested_size, created_at, created_by)"
                        " VALUES (:period, :population, :method, :seed, :size, :at, :by) RETURNING id"),
                    {{":period", request.period.key()},
                     {":population", populationName(request.population)},
                     {":method", methodName(request.method)},
                     {":seed", sample.seed ? QVariant(qint64(*sample.seed)) : QVariant()},
                     {":size", request.size},
                     {":at", request.createdAtMsecs},
                     {":by", request.createdBy.isEmpty() ? QVariant() : QVariant(request.createdBy)}})
            .toLongLong();
    Statement item(db, "INSERT INTO sample_items (sample_id, position, conversation_ref) VALUES (?1, ?2, ?3)");
    for (size_t position = 0; position < chosen.size(); ++position) {
        item.bind(1, sample.id);
        item.bind(2, qint64(position));
        item.bind(3, population[chosen[position]].rowId);
        item.step();
        item.reset();
        sample.conversationIds << population[chosen[position]].conversationId;
    }
    transaction.commit();
    return sample;
}

} // namespace workbench
