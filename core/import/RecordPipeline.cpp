#include "RecordPipeline.h"

namespace workbench {
namespace {

constexpr size_t kBatchSize = 512;
constexpr size_t kMaxWaitingBatches = 4;

} // namespace

RecordPipeline::RecordPipeline(std::unique_ptr<ConversationSource> source)
    : m_source(std::move(source)), m_reader([this] { read(); })
{}

RecordPipeline::~RecordPipeline()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_reader.join();
}

void RecordPipeline::read()
{
    try {
        while (true) {
            Batch batch;
            batch.records.resize(kBatchSize);
            size_t count = 0;
            while (count < kBatchSize && m_source->next(batch.records[count])) {
                SourceRecord &record = batch.records[count];
                if (record.issues.empty() && (record.conversation.presentFields & fieldBit(Field::Messages)))
                    record.facts = analyzeMessages(record.conversation.messages, record.conversation.handoffSeq);
                ++count;
            }
            batch.records.resize(count);
            batch.bytesConsumed = m_source->bytesConsumed();
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stop || m_ready.size() < kMaxWaitingBatches; });
            if (m_stop)
                return;
            if (count > 0)
                m_ready.push_back(std::move(batch));
            if (count < kBatchSize) {
                m_finished = true;
                m_changed.notify_all();
                return;
            }
            m_changed.notify_all();
        }
    } catch (...) {
        const std::lock_guard lock(m_mutex);
        m_error = std::current_exception();
        m_finished = true;
        m_changed.notify_all();
    }
}

bool RecordPipeline::next(std::vector<SourceRecord> &batch, qint64 &bytesConsumed)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_ready.empty() || m_finished; });
    if (!m_ready.empty()) {
        batch = std::move(m_ready.front().records);
        bytesConsumed = m_ready.front().bytesConsumed;
        m_ready.pop_front();
        m_changed.notify_all();
        return true;
    }
    if (m_error)
        std::rethrow_exception(m_error);
    return false;
}

QStringList RecordPipeline::notes() const
{
    const std::lock_guard lock(m_mutex);
    return m_finished ? m_source->notes() : QStringList();
}

} // namespace workbench
