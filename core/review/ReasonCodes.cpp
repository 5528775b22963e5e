#include "ReasonCodes.h"

#include "common/WorkbenchError.h"
#include "store/Database.h"
#include "store/Sql.h"
#include "store/Transaction.h"

#include <QSet>

namespace workbench {
namespace {

constexpr int kMaxCodeLength = 60;

/// Categories match case-folded, as stored dimensions do (DATA.md); '' (never NULL) for every category.
QString categoryKey(const QString &category)
{
    const QString key = category.trimmed().toCaseFolded();
    return key.isNull() ? QStringLiteral("") : key;
}

} // namespace

QStringList storedReasonCodes(Database &db, Verdict verdict, const QString &category)
{
    QSqlQuery query = sql::run(db.sql(),
                               QStringLiteral("SELECT code FROM reason_codes WHERE verdict = :verdict"
                                              " AND category = :category ORDER BY position, code"),
                               {{":verdict", verdictName(verdict)}, {":category", categoryKey(category)}});
    QStringList codes;
    while (query.next())
        codes << query.value(0).toString();
    return codes;
}

QStringList reasonCodes(Database &db, Verdict verdict, const QString &category)
{
    QStringList codes = storedReasonCodes(db, verdict, QString());
    if (!categoryKey(category).isEmpty()) {
        for (const QString &code : storedReasonCodes(db, verdict, category)) {
            if (!codes.contains(code))
                codes << code;
        }
    }
    return codes;
}

void setReasonCodes(Database &db, Verdict verdict, const QString &category, const QStringList &codes)
{
    QStringList cleaned;
    QSet<QString> seen;
    for (const QString &raw : codes) {
        const QString code = raw.trimmed();
        if (code.isEmpty())
            throw WorkbenchError(QStringLiteral("A reason code cannot be empty."));
        if (code.size() > kMaxCodeLength)
            throw WorkbenchError(QStringLiteral("The reason code \"%1\" is longer than %2 characters: keep codes short "
                                                "and put the detail in the note.")
                                     .arg(code.left(kMaxCodeLength))
                                     .arg(kMaxCodeLength));
        if (code.contains(QLatin1Char('\n')) || code.contains(QLatin1Char('\r')))
            throw WorkbenchError(QStringLiteral("The reason code \"%1\" holds a line break; a code is one line.")
                                     .arg(code.simplified()));
        if (seen.contains(code.toCaseFolded()))
            throw WorkbenchError(QStringLiteral("The reason code \"%1\" is listed twice.").arg(code));
        seen.insert(code.toCaseFolded());
        cleaned << code;
    }
    Transaction transaction(db, QStringLiteral("Changing the reason codes"));
    const QString key = categoryKey(category);
    sql::run(db.sql(), QStringLiteral("DELETE FROM reason_codes WHERE verdict = :verdict AND category = :category"),
             {{":verdict", verdictName(verdict)}, {":category", key}});
    QSqlQuery insert =
        sql::prepare(db.sql(), QStringLiteral("INSERT INTO reason_codes (verdict, category, code,"
                                              " position) VALUES (:verdict, :category, :code, :position)"));
    for (int position = 0; position < cleaned.size(); ++position) {
        insert.bindValue(QStringLiteral(":verdict"), verdictName(verdict));
        insert.bindValue(QStringLiteral(":category"), key);
        insert.bindValue(QStringLiteral(":code"), cleaned[position]);
        insert.bindValue(QStringLiteral(":position"), position + 1);
        sql::exec(insert);
    }
    transaction.commit();
}

void requireReasonCode(Database &db, Verdict verdict, const QString &category, const QString &reason)
{
    const QString code = reason.trimmed();
    if (code.isEmpty())
        return;
    const QStringList codes = reasonCodes(db, verdict, category);
    if (!codes.contains(code))
        throw WorkbenchError(QStringLiteral("\"%1\" is not a reason code of %2 (valid: %3); add it with --new-reason.")
                                 .arg(code, verdictName(verdict), codes.join(QStringLiteral(", "))));
}

void addReasonCode(Database &db, Verdict verdict, const QString &code)
{
    QStringList codes = storedReasonCodes(db, verdict, QString());
    if (codes.contains(code.trimmed()))
        return;
    codes << code;
    setReasonCodes(db, verdict, QString(), codes);
}

} // namespace workbench
