#pragma once

#include "ConversationSource.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace workbench {

/// Reads a source on a worker thread, a batch of records at a time, so that parsing one batch overlaps
/// writing the previous one (two cores: about half the time of doing both in turn). At most a few batches
/// wait in between, so memory stays bounded whatever the file size.
class RecordPipeline {
public:
    explicit RecordPipeline(std::unique_ptr<ConversationSource> source);
    /// Stops the reader and waits for it.
    ~RecordPipeline();
    RecordPipeline(const RecordPipeline &) = delete;
    RecordPipeline &operator=(const RecordPipeline &) = delete;

    /// The next batch (false at the end of the file); rethrows what the reader threw.
    bool next(std::vector<SourceRecord> &batch, qint64 &bytesConsumed);
    /// The source's notes; call after the end.
    QStringList notes() const;

private:
    struct Batch {
        std::vector<SourceRecord> records;
        qint64 bytesConsumed = 0;
    };
    void read();

    std::unique_ptr<ConversationSource> m_source;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch> m_ready;
    bool m_finished = false;
    bool m_stop = false;
    std::exception_ptr m_error;
    std::thread m_reader;
};

} // namespace workbench
