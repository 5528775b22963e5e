#include "ImportJob.h"

#include "ChatlogSource.h"
#include "CsvConversationSource.h"
#include "HelpDeskSources.h"
#include "JsonlConversationSource.h"
#include "MessagesCsvImport.h"
#include "RecordPipeline.h"
#include "TableExportSources.h"
#include "common/Clock.h"
#include "store/ConversationWriter.h"
#include "store/Database.h"
#include "store/DerivedFacts.h"
#include "store/Schema.h"
#include "store/Sql.h"
#include "store/StagedImport.h"
#include "store/Transaction.h"
#include "store/WorkspaceFacts.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTemporaryDir>

#include <memory>

namespace workbench {
namespace {

constexpr size_t kMaxProblems = 20;

QString refusalText(const std::vector<ImportIssue> &problems)
{
    QString text = QStringLiteral("Import refused; the workspace is unchanged.");
    for (const ImportIssue &problem : problems)
        text += QLatin1Char('\n') + problem.text();
    if (problems.size() >= kMaxProblems)
        text += QStringLiteral("\n(stopped after %1 problems)").arg(kMaxProblems);
    return text;
}

bool isDelimitedText(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("tsv") || suffix == QLatin1String("txt");
}

/// What a file is, from one look at it: a CSV by its header (conversations, messages, or a help desk's ticket
/// or conversation table), any other file by its extension and the JSON keys near its start.
struct Detected {
    std::optional<ImportFormat> format;
    bool messagesCsv = false;
};

Detected detect(const QString &path)
{
    if (isDelimitedText(path)) {
        QStringList headers;
        try {
            headers = readCsvHeader(path);
        } catch (const WorkbenchError &) {
            return {ImportFormat::Csv}; // the CSV reader will say what is wrong, with file and line
        }
        for (QString &header : headers)
            header = header.toLower();
        auto has = [&](std::initializer_list<const char *> columns) {
            return std::all_of(columns.begin(), columns.end(),
                               [&](const char *c) { return headers.contains(QLatin1String(c)); });
        };
        if (has({"id", "created_at", "requester_id", "via_channel"}))
            return {ImportFormat::Zendesk};
        if (has({"id", "created_at", "source_type", "conversation_rating_value"}))
            return {ImportFormat::Intercom};
        return {ImportFormat::Csv, has({"conversation_id", "role", "text"}) && !has({"created_at"})};
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson"))
        return {ImportFormat::Jsonl};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray head = file.read(64 * 1024);
    auto has = [&](const char *key) { return head.contains(QByteArray(QByteArray("\"") + key + "\"")); };
    if (has("traj") || (has("messages") && has("role") && (has("assistant") || has("user"))))
        return {ImportFormat::Chatlog};
    if (has("tickets") || (has("requester_id") && has("via")))
        return {ImportFormat::Zendesk};
    if (has("conversation_parts") || has("conversations") || (has("source") && has("contacts")))
        return {ImportFormat::Intercom};
    if (head.trimmed().startsWith('{') && has("conversation_id"))
        return {ImportFormat::Jsonl};
    return {};
}

std::unique_ptr<ConversationSource> openSource(const QString &path, ImportFormat format, const ImportRequest &request)
{
    switch (format) {
    case ImportFormat::Csv:
        return std::make_unique<CsvConversationSource>(path, request.mapping);
    case ImportFormat::Jsonl:
        return std::make_unique<JsonlConversationSource>(path);
    case ImportFormat::Chatlog:
        return std::make_unique<ChatlogSource>(path, request.readerOptions);
    case ImportFormat::Zendesk:
        if (isDelimitedText(path))
            return std::make_unique<ZendeskTablesSource>(path, request.readerOptions);
        return std::make_unique<ZendeskSource>(path, request.readerOptions);
    case ImportFormat::Intercom:
        if (isDelimitedText(path))
            return std::make_unique<IntercomTablesSource>(path, request.readerOptions);
        return std::make_unique<IntercomSource>(path, request.readerOptions);
    }
    return nullptr;
}

// Row ids written by this import, to tell a repeated id inside the import from an update of a stored one.
class RowSet {
public:
    bool insert(qint64 rowId)
    {
        const auto index = size_t(rowId);
        if (index >= m_bits.size())
            m_bits.resize(std::max(index + 1, m_bits.size() * 2));
        const bool fresh = !m_bits[index];
        m_bits[index] = true;
        return fresh;
    }

private:
    std::vector<bool> m_bits;
};

} // namespace

ImportRefused::ImportRefused(std::vector<ImportIssue> problems)
    : WorkbenchError(refusalText(problems)), m_problems(std::move(problems))
{}

std::optional<ImportFormat> detectFormat(const QString &path)
{
    return detect(path).format;
}

bool isMessagesCsv(const QString &path)
{
    return detect(path).messagesCsv;
}

ImportPreview previewImport(const ImportRequest &request, int maxRecords)
{
    ImportPreview preview;
    const QString path = request.files.value(0);
    if (path.isEmpty())
        return preview;
    try {
        const auto format = request.format ? request.format : detectFormat(path);
        if (!format) {
            preview.error = QStringLiteral("%1: cannot tell the format of this file; choose one.")
                                .arg(QDir::toNativeSeparators(path));
            return preview;
        }
        preview.format = *format;
        const auto source = openSource(path, *format, request);
        SourceRecord record;
        while (int(preview.records.size()) < maxRecords && source->next(record)) {
            if (record.issues.empty() && (record.conversation.presentFields & fieldBit(Field::Messages)))
                record.facts = analyzeMessages(record.conversation.messages, record.conversation.handoffSeq);
            preview.records.push_back(record);
        }
    } catch (const WorkbenchError &error) {
        preview.error = error.message();
    }
    return preview;
}

namespace {

/// Standard input (`-`) and pipes can be read once only, but a format is told from a file's first bytes and a
/// file is then read from its start: such inputs are copied into a private temporary folder first (removed at
/// the end), and every message names what the user gave, not the copy.
class SpooledInputs {
public:
    QString spool(const QString &given)
    {
        const bool standardInput = given == QLatin1String("-");
        const QFileInfo info(given);
        if (!standardInput && (!info.exists() || info.isFile()))
            return given;
        if (!m_folder)
            m_folder = std::make_unique<QTemporaryDir>();
        const QString shown = standardInput ? QStringLiteral("<standard input>") : given;
        // The suffix keeps what detection reads from a name: a pipe called x.jsonl is JSONL.
        const QString suffix = standardInput ? QString() : info.suffix();
        const QString copy = m_folder->filePath(QStringLiteral("input-%1%2")
                                                    .arg(m_shownAs.size() + 1)
                                                    .arg(suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix));
        QFile source;
        const bool opened = standardInput ? source.open(stdin, QIODevice::ReadOnly)
                                          : (source.setFileName(given), source.open(QIODevice::ReadOnly));
        if (!opened)
            throw WorkbenchError(QStringLiteral("Cannot read %1: %2").arg(shown, source.errorString()));
        QFile target(copy);
        if (!target.open(QIODevice::WriteOnly))
            throw WorkbenchError(
                QStringLiteral("Cannot copy %1 to a temporary file: %2").arg(shown, target.errorString()));
        QByteArray chunk;
        while (!(chunk = source.read(1 << 20)).isEmpty()) {
            if (target.write(chunk) != chunk.size())
                throw WorkbenchError(
                    QStringLiteral("Cannot copy %1 to a temporary file: %2").arg(shown, target.errorString()));
        }
        m_shownAs.insert(copy, shown);
        return copy;
    }

    /// `text` with every copy's path replaced by the name the user gave.
    QString shown(QString text) const
    {
        for (auto it = m_shownAs.cbegin(); it != m_shownAs.cend(); ++it)
            text.replace(QDir::toNativeSeparators(it.key()), it.value());
        return text;
    }
    std::vector<ImportIssue> shown(std::vector<ImportIssue> issues) const
    {
        for (ImportIssue &issue : issues)
            issue.file = shown(issue.file);
        return issues;
    }
    bool empty() const { return m_shownAs.isEmpty(); }

private:
    std::unique_ptr<QTemporaryDir> m_folder;
    QHash<QString, QString> m_shownAs;
};

ImportSummary importFiles(Database &db, const ImportRequest &request, const Clock &clock,
                          const ProgressCallback &progress);

} // namespace

ImportSummary runImport(Database &db, const ImportRequest &given, const Clock &clock, const ProgressCallback &progress)
{
    if (given.files.isEmpty() && given.messagesFile.isEmpty())
        throw WorkbenchError(QStringLiteral("No file to import."));
    db.requireWritable(QStringLiteral("Importing"));
    SpooledInputs spooled;
    ImportRequest request = given;
    for (QString &file : request.files)
        file = spooled.spool(file);
    if (!request.messagesFile.isEmpty())
        request.messagesFile = spooled.spool(request.messagesFile);
    if (spooled.empty())
        return importFiles(db, request, clock, progress);
    try {
        ImportSummary summary = importFiles(db, request, clock, progress);
        summary.skippedRows = spooled.shown(std::move(summary.skippedRows));
        for (QString &note : summary.notes)
            note = spooled.shown(note);
        return summary;
    } catch (const ImportRefused &refused) {
        throw ImportRefused(spooled.shown(refused.problems()));
    } catch (const Cancelled &) {
        throw;
    } catch (const WorkbenchError &error) {
        throw WorkbenchError(spooled.shown(error.message()));
    }
}

namespace {

ImportSummary importFiles(Database &db, const ImportRequest &request, const Clock &clock,
                          const ProgressCallback &progress)
{

    // Sort the files: conversations first, then messages (they refer to conversations).
    QStringList conversationFiles;
    QStringList messageFiles;
    if (!request.messagesFile.isEmpty())
        messageFiles << request.messagesFile;
    std::vector<ImportFormat> formats;
    for (const QString &path : request.files) {
        if (!QFileInfo::exists(path))
            throw WorkbenchError(QStringLiteral("%1: no such file.").arg(QDir::toNativeSeparators(path)));
        const Detected detected = request.format ? Detected{request.format} : detect(path);
        if (!request.mapping && !request.format && detected.messagesCsv) {
            messageFiles << path;
            continue;
        }
        const auto format = detected.format;
        if (!format)
            throw WorkbenchError(
                QStringLiteral("%1: cannot tell the format of this file (expected CSV, JSONL, a chat log, "
                               "or a Zendesk or Intercom export; name it with --format).")
                    .arg(QDir::toNativeSeparators(path)));
        conversationFiles << path;
        formats.push_back(*format);
    }
    qint64 totalBytes = 0;
    for (const QString &path : conversationFiles + messageFiles)
        totalBytes += QFileInfo(path).size();

    ImportSummary summary;
    std::vector<ImportIssue> problems;
    qint64 doneBytes = 0;
    qint64 lastReported = -1;
    auto report = [&](qint64 bytes) {
        // A callback per megabyte at most: progress is for eyes, not for every row.
        if (progress && (bytes - lastReported >= (1 << 20) || bytes == totalBytes)) {
            lastReported = bytes;
            if (!progress(bytes, totalBytes))
                throw Cancelled();
        }
    };

    // Everything is read and written into a staging file first, holding no lock on the workspace: reviewers keep
    // tagging while a long import runs (DATA.md section 3). Only the publishing at the end takes the write lock.
    StagedImport staged(db);
    Database &staging = staged.staging();
    {
        Transaction stagingTransaction(staging, QStringLiteral("Staging the import"));
        // The staging file is read by id only: its secondary indexes would be pure cost.
        for (const schema::IndexDefinition &index : schema::bulkRebuiltIndexes())
            sql::run(staging.sql(), index.drop);
        {
            ConversationWriter writer(staging);
            RowSet written;
            std::vector<SourceRecord> batch;
            for (qsizetype i = 0; i < conversationFiles.size() && problems.size() < kMaxProblems; ++i) {
                RecordPipeline pipeline(openSource(conversationFiles[i], formats[size_t(i)], request));
                qint64 fileBytes = 0;
                while (problems.size() < kMaxProblems && pipeline.next(batch, fileBytes)) {
                    if (request.rowsRead)
                        request.rowsRead->fetch_add(qint64(batch.size()), std::memory_order_relaxed);
                    for (const SourceRecord &record : batch) {
                        if (!record.issues.empty()) {
                            if (request.lenient) {
                                summary.skippedRows.insert(summary.skippedRows.end(), record.issues.begin(),
                                                           record.issues.end());
                                ++summary.skipped;
                            } else {
                                problems.insert(problems.end(), record.issues.begin(), record.issues.end());
                            }
                            continue;
                        }
                        if (!problems.empty())
                            continue; // refused already: read on only to report more problems
                        writer.write(record.conversation, &record.facts);
                        FieldSet fields = record.conversation.presentFields;
                        if ((fields & fieldBit(Field::Messages)) && !record.conversation.messages.empty())
                            fields |= fieldBit(Field::Transcript); // derived from the messages from now on
                        staged.noteFields(writer.lastRowId(), fields);
                        if (!written.insert(writer.lastRowId()))
                            ++summary.duplicates;
                        summary.messages += qint64(record.conversation.messages.size());
                    }
                    report(doneBytes + fileBytes);
                }
                summary.notes << pipeline.notes();
                doneBytes += QFileInfo(conversationFiles[i]).size();
            }
        }
        const MessagesTarget target{
            [&staged](const QString &conversationId) { return staged.adoptFromWorkspace(conversationId); },
            [&staged](qint64 rowId) {
                staged.noteFields(rowId, fieldBit(Field::Messages) | fieldBit(Field::Transcript));
            }};
        for (const QString &path : messageFiles) {
            if (problems.size() >= kMaxProblems)
                break;
            importMessagesCsv(
                staging, path, request.lenient, summary, problems, [&](qint64 bytes) { report(doneBytes + bytes); },
                target);
            doneBytes += QFileInfo(path).size();
        }
        if (!problems.empty())
            throw ImportRefused(std::move(problems)); // the workspace was never touched
        stagingTransaction.commit();
    }

    // Publishing: one transaction on the workspace, all or nothing.
    staged.attach();
    Transaction transaction(db, QStringLiteral("Importing"));
    // Loading many rows (as many as half the workspace holds): drop the secondary indexes and sort them
    // afresh at the end. Inside the transaction, so a failure restores them with everything else.
    const qint64 stagedRows = conversationCount(staging);
    const bool bulk = stagedRows >= 20000 && stagedRows * 2 >= conversationCount(db);
    const StagedImport::Published published = staged.publish(bulk);
    summary.inserted = published.inserted;
    summary.updated = published.updated;

    recomputeFollowups(db);
    QStringList names;
    for (const QString &path : request.files + QStringList(request.messagesFile))
        if (!path.isEmpty())
            names << QFileInfo(path).fileName();
    sql::run(
        db.sql(),
        QStringLiteral("INSERT INTO main.imports (finished_at, files, format, inserted, updated, skipped, warnings)"
                       " VALUES (:at, :files, :format, :inserted, :updated, :skipped, :warnings)"),
        {{":at", clock.nowUtc().toMSecsSinceEpoch()},
         {":files", names.join(QStringLiteral(", "))},
         {":format", request.mapping   ? QStringLiteral("csv (mapping %1)").arg(request.mapping->name)
                     : formats.empty() ? QStringLiteral("messages")
                                       : formatName(formats.front())},
         {":inserted", summary.inserted},
         {":updated", summary.updated},
         {":skipped", summary.skipped},
         {":warnings", summary.warnings()}});
    transaction.commit();
    staged.detach();
    summary.bytes = totalBytes;
    if (progress)
        progress(totalBytes, totalBytes); // done: committed, so a late Cancel changes nothing
    return summary;
}

} // namespace

} // namespace workbench
