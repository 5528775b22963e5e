#pragma once

#include "common/Period.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace workbench {

class Database;

enum class Population { Escalated, Contained };
enum class SampleMethod { Random, Targeted };

QString populationName(Population population);
std::optional<Population> populationFromName(QStringView name);
QString methodName(SampleMethod method);
std::optional<SampleMethod> methodFromName(QStringView name);

struct SampleRequest {
    Period period = Period::month(1970, 1);
    Population population = Population::Escalated;
    SampleMethod method = SampleMethod::Random;
    qint64 size = 50;
    /// Random samples: the seed (one is chosen, and stored, when none is given). Targeted: ignored.
    std::optional<quint64> seed;
    QString createdBy;
    qint64 createdAtMsecs = 0;
};

struct Sample {
    qint64 id = 0;
    SampleRequest request;
    std::optional<quint64> seed; ///< null for targeted samples
    QStringList conversationIds; ///< in draw order (random) or rank order (targeted)
    qint64 populationSize = 0;
    QString warning; ///< e.g. asking for more than the population holds
};

/// Draws and stores a sample (METRICS.md "Samples and estimates"): random is uniform without replacement and
/// reproducible from its seed (the population in conversation-id order, then a partial Fisher-Yates shuffle);
/// targeted takes the first K missed-escalation candidates by CSAT ascending (unrated last), a follow-up first,
/// AI confidence ascending (missing last), then conversation id. Throws WorkbenchError for a bad size or
/// an empty population (naming the latest week that has conversations).
Sample drawSample(Database &db, const SampleRequest &request);

/// How many conversations a sample of `period` and `population` draws from (one indexed count).
qint64 populationSize(Database &db, const Period &period, Population population);

/// The ISO week of the latest conversation of `population`; nullopt when there is none.
std::optional<Period> latestIsoWeekWith(Database &db, Population population);

/// The last full ISO week before `now` (UTC): the default period of a new sample.
Period lastFullIsoWeek(const QDateTime &now);

} // namespace workbench
