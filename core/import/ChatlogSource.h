#pragma once

#include "ConversationSource.h"
#include "JsonRecordFile.h"
#include "ReaderOptions.h"

namespace workbench {

/// Conversations kept by an AI-agent platform in the OpenAI chat-message shape (DATA.md section 2, item 5):
/// a JSON array or JSONL of objects with a `messages` (or `traj`) list of {role, content, tool_calls}.
/// `user` is the customer, `assistant` the AI, tool calls and results are system turns; a call of the
/// hand-off tool escalates, its `summary` kept as the reason. Without timestamps, conversations are spaced
/// out from the start date the user gave (never "now").
class ChatlogSource final : public ConversationSource {
public:
    ChatlogSource(const QString &path, const ReaderOptions &options);

    bool next(SourceRecord &record) override;
    qint64 bytesConsumed() const override { return m_file.bytesConsumed(); }
    QStringList notes() const override { return m_notes; }

private:
    QString m_path;
    QString m_baseName;
    ReaderOptions m_options;
    JsonRecordFile m_file;
    qint64 m_index = 0;
    QStringList m_notes;
    bool m_spacedOut = false;
};

} // namespace workbench
