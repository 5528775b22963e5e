#include "MessagesCsvImport.h"

#include "CsvReader.h"
#include "ValueParsers.h"
#include "common/Utf8.h"
#include "common/WorkbenchError.h"
#include "model/Conversation.h"
#include "store/Database.h"
#include "store/DerivedFacts.h"
#include "store/Statement.h"

#include <QDir>
#include <QFile>
#include <QHash>

namespace workbench {
namespace {

constexpr size_t kMaxProblems = 20;

} // namespace

void importMessagesCsv(Database &db, const QString &path, bool lenient, ImportSummary &summary,
                       std::vector<ImportIssue> &problems, const std::function<void(qint64)> &progress,
                       const MessagesTarget &target)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw WorkbenchError(
            QStringLiteral("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    CsvReader reader(file, path);
    if (!reader.readRecord())
        throw WorkbenchError(QStringLiteral("%1:1: the file is empty (expected a header row with conversation_id, seq, "
                                            "role, text, sent_at, author)")
                                 .arg(QDir::toNativeSeparators(path)));
    QStringList headers;
    for (qsizetype i = 0; i < reader.fieldCount(); ++i)
        headers << QString::fromUtf8(reader.field(i)).trimmed().toLower();
    requireDistinctColumns(headers, path);
    auto column = [&](const char *name) { return headers.indexOf(QLatin1String(name)); };
    const qsizetype idColumn = column("conversation_id");
    const qsizetype seqColumn = column("seq");
    const qsizetype roleColumn = column("role");
    const qsizetype textColumn = column("text");
    const qsizetype sentColumn = column("sent_at");
    const qsizetype authorColumn = column("author");
    QStringList missing;
    for (const auto &[index, name] :
         {std::pair{idColumn, "conversation_id"}, {roleColumn, "role"}, {textColumn, "text"}}) {
        if (index < 0)
            missing << QStringLiteral("\"%1\"").arg(QLatin1String(name));
    }
    if (!missing.isEmpty())
        throw WorkbenchError(
            QStringLiteral("%1:1: missing required column%2 %3 of a messages file (the header has: %4)")
                .arg(QDir::toNativeSeparators(path), missing.size() > 1 ? QStringLiteral("s") : QString(),
                     missing.join(QStringLiteral(", ")), headers.join(QStringLiteral(", "))));

    Statement findId(db, "SELECT id FROM conversations WHERE conversation_id = ?1");
    Statement clear(db, "DELETE FROM messages WHERE conversation_ref = ?1");
    Statement insert(
        db,
        "INSERT INTO messages (conversation_ref, seq, role, author, text, sent_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (conversation_ref, seq) DO UPDATE SET"
        " role = excluded.role, author = excluded.author, text = excluded.text, sent_at = excluded.sent_at");
    QHash<qint64, qint64> nextSeq; // per conversation: where a file without seq goes on
    std::vector<qint64> touched;
    QString lastId;
    qint64 lastRowId = -1;
    // Lenient: the row is skipped and listed. Strict: the problem is kept; true when enough were found.
    auto report = [&](const std::vector<ImportIssue> &issues) {
        if (lenient) {
            summary.skippedRows.insert(summary.skippedRows.end(), issues.begin(), issues.end());
            ++summary.skipped;
            return false;
        }
        problems.insert(problems.end(), issues.begin(), issues.end());
        return problems.size() >= kMaxProblems;
    };
    while (reader.readRecord()) {
        const qint64 line = reader.recordLine();
        std::vector<ImportIssue> issues;
        auto cell = [&](qsizetype index) {
            return index >= 0 && index < reader.fieldCount() ? reader.field(index) : QByteArrayView();
        };
        if (reader.fieldCount() != headers.size()) {
            issues.push_back({path, line, QString(),
                              QStringLiteral("the row has %1 fields, the header %2 (expected one field per column)")
                                  .arg(reader.fieldCount())
                                  .arg(headers.size())});
        } else {
            for (qsizetype i = 0; i < reader.fieldCount(); ++i) {
                if (!isValidUtf8(reader.field(i)))
                    issues.push_back(
                        {path, line, headers[i], QStringLiteral("the value is not valid UTF-8 text (expected UTF-8)")});
            }
        }
        if (!issues.empty()) {
            if (report(issues))
                return;
            continue;
        }
        const QString conversationId = QString::fromUtf8(cell(idColumn)).trimmed();
        if (conversationId != lastId) {
            findId.bind(1, conversationId, false);
            lastRowId = findId.step() ? findId.columnInt64(0) : -1;
            findId.reset();
            if (lastRowId < 0 && target.adopt)
                lastRowId = target.adopt(conversationId);
            lastId = conversationId;
        }
        if (lastRowId < 0)
            issues.push_back(
                {path, line, QStringLiteral("conversation_id"),
                 QStringLiteral("%1 is not a conversation of this import or of the workspace (expected the id "
                                "of a conversation in the conversations file)")
                     .arg(quotedValue(conversationId))});
        const auto role = roleFromName(QString::fromUtf8(cell(roleColumn)).trimmed());
        if (!role)
            issues.push_back({path, line, QStringLiteral("role"),
                              QStringLiteral("%1 is not a role (expected customer, ai, agent or system)")
                                  .arg(quotedValue(QString::fromUtf8(cell(roleColumn))))});
        std::optional<qint64> sentAt;
        if (sentColumn >= 0 && !cell(sentColumn).trimmed().isEmpty()) {
            qint64 msecs = 0;
            if (values::parseTimestamp(cell(sentColumn), msecs))
                sentAt = msecs;
            else
                issues.push_back(
                    {path, line, QStringLiteral("sent_at"),
                     QStringLiteral("%1 is not a timestamp (%2)")
                         .arg(quotedValue(QString::fromUtf8(cell(sentColumn))), values::expectedTimestamp())});
        }
        qint64 seq = -1;
        if (seqColumn >= 0) {
            bool ok = false;
            seq = QString::fromUtf8(cell(seqColumn)).trimmed().toLongLong(&ok);
            if (!ok || seq < 0)
                issues.push_back({path, line, QStringLiteral("seq"),
                                  QStringLiteral("%1 is not a turn number (expected a whole number, 0 or more)")
                                      .arg(quotedValue(QString::fromUtf8(cell(seqColumn))))});
        }
        if (!issues.empty()) {
            if (report(issues))
                return;
            continue;
        }
        if (!problems.empty())
            continue; // strict and already failed: only look for more problems
        if (!nextSeq.contains(lastRowId)) {
            // The first message of this conversation in the file: its stored messages give way.
            clear.bind(1, lastRowId);
            clear.step();
            clear.reset();
            nextSeq.insert(lastRowId, 0);
            touched.push_back(lastRowId);
        }
        qint64 &next = nextSeq[lastRowId];
        if (seq < 0)
            seq = next;
        next = std::max(next, seq + 1);
        insert.bind(1, lastRowId);
        insert.bind(2, seq);
        insert.bind(3, roleName(*role));
        insert.bind(4, QString::fromUtf8(cell(authorColumn)).trimmed());
        insert.bind(5, QString::fromUtf8(cell(textColumn)), false);
        insert.bind(6, sentAt);
        insert.step();
        insert.reset();
        ++summary.messages;
        if (progress)
            progress(reader.bytesConsumed());
    }
    if (problems.empty()) {
        recomputeMessageFacts(db, touched);
        if (target.touched) {
            for (const qint64 rowId : touched)
                target.touched(rowId);
        }
    }
}

} // namespace workbench
