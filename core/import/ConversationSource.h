#pragma once

#include "ImportTypes.h"
#include "model/Conversation.h"
#include "store/DerivedFacts.h"

#include <vector>

namespace workbench {

/// One record read from a source file: the conversation, or the problems that keep it out.
struct SourceRecord {
    Conversation conversation;
    /// The transcript's facts, worked out on the reading thread (not the writing one).
    MessageFacts facts;
    qint64 line = 0;
    std::vector<ImportIssue> issues;
};

/// A reader of one input file, record by record, in file order. A structural problem that leaves no record
/// to skip to (a missing required column, a quote never closed) throws WorkbenchError.
class ConversationSource {
public:
    virtual ~ConversationSource() = default;
    /// Reads the next record; false at the end of the file.
    virtual bool next(SourceRecord &record) = 0;
    virtual qint64 bytesConsumed() const = 0;
    /// Things worth saying that are not errors (e.g. ignored columns).
    virtual QStringList notes() const { return {}; }
};

} // namespace workbench
