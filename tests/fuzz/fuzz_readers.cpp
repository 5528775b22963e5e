// Every conversation reader of the import on any bytes: the first byte picks the reader (canonical CSV, JSONL, a
// chat log, a Zendesk or an Intercom export), the rest is the file. Each record is read to the end; a bad input
// may only end in a WorkbenchError or in records with issues, never a crash, a hang or UB.
#include "FuzzSupport.h"
#include "common/WorkbenchError.h"
#include "import/ChatlogSource.h"
#include "import/CsvConversationSource.h"
#include "import/HelpDeskSources.h"
#include "import/JsonlConversationSource.h"

#include <memory>

using namespace workbench;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    fuzz::ensureApplication();
    const int reader = data[0] % 5;
    static const char *const suffixes[] = {".csv", ".jsonl", ".json", ".json", ".json"};
    const QString path = fuzz::inputFile(data + 1, size - 1, suffixes[reader]);
    ReaderOptions options;
    options.startMsecs = 1790812800000;
    try {
        std::unique_ptr<ConversationSource> source;
        switch (reader) {
        case 0:
            source = std::make_unique<CsvConversationSource>(path, std::nullopt);
            break;
        case 1:
            source = std::make_unique<JsonlConversationSource>(path);
            break;
        case 2:
            source = std::make_unique<ChatlogSource>(path, options);
            break;
        case 3:
            source = std::make_unique<ZendeskSource>(path, options);
            break;
        default:
            source = std::make_unique<IntercomSource>(path, options);
            break;
        }
        SourceRecord record;
        for (int records = 0; records < 100000 && source->next(record); ++records) {
            if (record.line < 1)
                abort(); // every record, good or bad, names its line
        }
    } catch (const WorkbenchError &) {
    }
    return 0;
}
