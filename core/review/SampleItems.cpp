#include "SampleItems.h"

#include "store/Database.h"
#include "store/Sql.h"
#include "store/Statement.h"

namespace workbench {

std::optional<SampleSummary> sampleLike(const std::vector<SampleSummary> &samples, const SampleRequest &request)
{
    for (const SampleSummary &sample : samples) {
        if (sample.period == request.period.key() && sample.population == populationName(request.population) &&
            sample.method == methodName(request.method))
            return sample;
    }
    return std::nullopt;
}

std::vector<SampleSummary> listSamples(Database &db)
{
    std::vector<SampleSummary> samples;
    Statement query(db, "SELECT s.id, s.period, s.population, s.method, s.created_at,"
                        " (SELECT count(*) FROM sample_items i WHERE i.sample_id = s.id),"
                        " (SELECT count(*) FROM sample_items i WHERE i.sample_id = s.id"
                        "    AND EXISTS (SELECT 1 FROM verdicts v WHERE v.conversation_ref = i.conversation_ref))"
                        " FROM samples s ORDER BY s.created_at DESC, s.id DESC");
    while (query.step())
        samples.push_back({query.columnInt64(0), query.columnText(1), query.columnText(2), query.columnText(3),
                           query.columnInt64(5), query.columnInt64(6), query.columnInt64(4)});
    return samples;
}

std::vector<SampleItem> loadSampleItems(Database &db, qint64 sampleId)
{
    std::vector<SampleItem> items;
    Statement query(db, "SELECT i.position, c.conversation_id, d.name, c.escalated, i.skipped, v.verdict, v.reviewer"
                        " FROM sample_items i JOIN conversations c ON c.id = i.conversation_ref"
                        " LEFT JOIN verdicts v ON v.conversation_ref = c.id"
                        " JOIN dimensions d ON d.id = c.category_id WHERE i.sample_id = ?1 ORDER BY i.position");
    query.bind(1, sampleId);
    while (query.step())
        items.push_back({int(query.columnInt64(0)), query.columnText(1), query.columnText(2), query.columnInt64(3) != 0,
                         query.columnInt64(4) != 0, query.columnText(5), query.columnText(6)});
    return items;
}

std::vector<ReviewerProgress> reviewerProgress(Database &db, qint64 sampleId)
{
    std::vector<ReviewerProgress> progress;
    Statement query(db, "SELECT t.reviewer, count(DISTINCT t.conversation_ref) FROM tags t"
                        " JOIN sample_items i ON i.conversation_ref = t.conversation_ref AND i.sample_id = ?1"
                        " GROUP BY t.reviewer ORDER BY 2 DESC, 1");
    query.bind(1, sampleId);
    while (query.step())
        progress.push_back({query.columnText(0), query.columnInt64(1)});
    return progress;
}

void setSkipped(Database &db, qint64 sampleId, int position, bool skipped)
{
    db.requireWritable(QStringLiteral("Skipping an item"));
    sql::run(
        db.sql(),
        QStringLiteral("UPDATE sample_items SET skipped = :skipped WHERE sample_id = :sample AND position = :position"),
        {{":skipped", skipped ? 1 : 0}, {":sample", sampleId}, {":position", position}});
}

} // namespace workbench
