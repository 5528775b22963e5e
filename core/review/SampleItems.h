#pragma once

#include "Sampling.h"

#include <QString>

#include <optional>
#include <vector>

namespace workbench {

class Database;

/// A stored sample as the Review page lists it, with its progress.
struct SampleSummary {
    qint64 id = 0;
    QString period;
    QString population;
    QString method;
    qint64 size = 0;     ///< conversations drawn
    qint64 reviewed = 0; ///< of them with a verdict
    qint64 createdAtMsecs = 0;
};

/// One conversation of a sample and where its review stands.
struct SampleItem {
    int position = 0;
    QString conversationId;
    QString category;
    bool escalated = false;
    bool skipped = false;
    QString verdict;  ///< the latest tag's; empty: not reviewed yet
    QString reviewer; ///< who set it
};

struct ReviewerProgress {
    QString reviewer;
    qint64 tagged = 0; ///< conversations of the sample this reviewer tagged
};

/// Every sample, newest first.
std::vector<SampleSummary> listSamples(Database &db);
/// The sample among `samples` drawn for the same period, population and method as `request` (the week's sample a
/// reviewer would draw again by mistake); nullopt when there is none.
std::optional<SampleSummary> sampleLike(const std::vector<SampleSummary> &samples, const SampleRequest &request);
/// The conversations of a sample in draw (or rank) order.
std::vector<SampleItem> loadSampleItems(Database &db, qint64 sampleId);
/// Per reviewer: how many of the sample's conversations they tagged, most first.
std::vector<ReviewerProgress> reviewerProgress(Database &db, qint64 sampleId);
/// Marks an item skipped (or not): skipping is remembered, not a verdict.
void setSkipped(Database &db, qint64 sampleId, int position, bool skipped);

} // namespace workbench
