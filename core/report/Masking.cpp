#include "Masking.h"

#include "common/WorkbenchError.h"
#include "store/Database.h"
#include "store/Sql.h"

namespace workbench {
namespace {

const QRegularExpression &cardPattern()
{
    // 13 to 19 digits, in groups separated by single spaces or hyphens.
    static const QRegularExpression pattern(QStringLiteral("(?<![\\d\\w])\\d(?:[ -]?\\d){12,18}(?![\\d\\w])"));
    return pattern;
}

const QRegularExpression &emailPattern()
{
    // Local parts and domains in any script (RFC 6531): josé.garcía@correo.es, 用户@例子.广告.
    static const QRegularExpression pattern(
        QStringLiteral(
            "[\\p{L}\\p{M}\\p{N}._%+-]+@[\\p{L}\\p{M}\\p{N}-]+(?:\\.[\\p{L}\\p{M}\\p{N}-]+)*\\.[\\p{L}\\p{M}]{2,}"),
        QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}

const QRegularExpression &ibanPattern()
{
    // A country code, two check digits and 11 to 30 letters or digits, written whole or in groups of four.
    static const QRegularExpression pattern(
        QStringLiteral("(?<![\\p{L}\\p{N}])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}(?![\\p{L}\\p{N}])"),
        QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}

const QRegularExpression &phonePattern()
{
    static const QRegularExpression pattern(QStringLiteral("(?<![\\w@.#])\\+?\\(?\\d[\\d ().-]{5,}\\d(?![\\w@])"),
                                            QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}

// Words after which a number is a reference (an order, a claim, a ticket), not a telephone number.
const QRegularExpression &referenceWordBefore()
{
    static const QRegularExpression pattern(
        QStringLiteral("(?:#|\\b(?:order|orders|claim|ticket|case|invoice|ref|reference|tracking|parcel|shipment|"
                       "account|acct|no|nr|number|id|sku|item|booking|confirmation|rma|po)\\.?\\s*[:#]?)\\s*$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}

const QRegularExpression &isoDatePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    return pattern;
}

QString digitsOf(QStringView text)
{
    QString digits;
    for (QChar c : text) {
        if (c.isDigit())
            digits += c;
    }
    return digits;
}

/// What of a match to replace: its length from the match's start (0: keep the match as it is).
using MatchFilter = std::function<qsizetype(QStringView text, qsizetype start, QStringView found)>;

/// Replaces each match of `pattern`, as far as `filter` takes it, with `replacement`.
QString replaceMatches(const QString &text, const QRegularExpression &pattern, const QString &replacement,
                       const MatchFilter &filter)
{
    QString result;
    qsizetype at = 0;
    QRegularExpressionMatchIterator matches = pattern.globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        const QStringView found = QStringView(text).mid(match.capturedStart(), match.capturedLength());
        const qsizetype length = filter(text, match.capturedStart(), found);
        if (length <= 0)
            continue;
        result += QStringView(text).mid(at, match.capturedStart() - at);
        result += replacement;
        at = match.capturedStart() + length;
    }
    result += QStringView(text).mid(at);
    return result;
}

qsizetype whole(QStringView found)
{
    return found.size();
}

/// ISO 13616: the country code and check digits moved to the end, letters as 10..35, the number mod 97 is 1.
bool ibanValid(QStringView candidate)
{
    QString compact;
    for (QChar c : candidate) {
        if (c != QLatin1Char(' '))
            compact += c;
    }
    if (compact.size() < 15 || compact.size() > 34)
        return false;
    const QString rearranged = compact.mid(4) + compact.left(4);
    int remainder = 0;
    for (QChar c : rearranged) {
        const int value = c.isDigit() ? c.digitValue() : c.unicode() - 'A' + 10;
        if (value < 0 || value > 35)
            return false;
        remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
    }
    return remainder == 1;
}

/// How much of a phone-like match is a telephone number: none when it follows a reference word ("order
/// #5685215"), and without a lone last digit ("555 0134 3 days" keeps "3 days").
qsizetype phoneLength(QStringView text, qsizetype start, QStringView found)
{
    if (referenceWordBefore().match(text.left(start).right(40).toString()).hasMatch())
        return 0;
    qsizetype length = found.size();
    if (length >= 2 && found[length - 2] == QLatin1Char(' ') && found[length - 1].isDigit())
        length -= 2;
    const QStringView number = found.left(length);
    const qsizetype digits = digitsOf(number).size();
    if (digits < 7 || digits > 15 || isoDatePattern().match(number.toString()).hasMatch())
        return 0;
    return length;
}

} // namespace

bool luhnValid(QStringView digits)
{
    if (digits.size() < 2)
        return false;
    int sum = 0;
    bool doubled = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int digit = digits[i].digitValue();
        if (digit < 0)
            return false;
        if (doubled) {
            digit *= 2;
            if (digit > 9)
                digit -= 9;
        }
        sum += digit;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

std::vector<MaskPattern> listMaskPatterns(Database &db)
{
    std::vector<MaskPattern> patterns;
    QSqlQuery query = sql::run(db.sql(), QStringLiteral("SELECT id, pattern, label FROM mask_patterns ORDER BY id"));
    while (query.next())
        patterns.push_back({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString()});
    return patterns;
}

qint64 addMaskPattern(Database &db, const QString &pattern, const QString &label)
{
    db.requireWritable(QStringLiteral("Adding a masking pattern"));
    const QRegularExpression expression(pattern);
    if (pattern.isEmpty())
        throw WorkbenchError(QStringLiteral("A masking pattern cannot be empty."));
    if (!expression.isValid())
        throw WorkbenchError(QStringLiteral("\"%1\" is not a valid regular expression: %2 at character %3.")
                                 .arg(pattern, expression.errorString())
                                 .arg(expression.patternErrorOffset()));
    if (expression.match(QString()).hasMatch())
        throw WorkbenchError(QStringLiteral("\"%1\" matches empty text and would mask everything; make it match "
                                            "at least one character.")
                                 .arg(pattern));
    for (const MaskPattern &stored : listMaskPatterns(db)) {
        if (stored.pattern == pattern)
            throw WorkbenchError(QStringLiteral("\"%1\" is a masking pattern already.").arg(pattern));
    }
    const QString word = label.trimmed().isEmpty() ? QStringLiteral("masked") : label.trimmed();
    QSqlQuery insert = sql::run(db.sql(),
                                QStringLiteral("INSERT INTO mask_patterns (pattern, label) VALUES (:pattern,"
                                               " :label) RETURNING id"),
                                {{":pattern", pattern}, {":label", word}});
    return insert.next() ? insert.value(0).toLongLong() : 0;
}

void removeMaskPattern(Database &db, qint64 id)
{
    db.requireWritable(QStringLiteral("Removing a masking pattern"));
    sql::run(db.sql(), QStringLiteral("DELETE FROM mask_patterns WHERE id = :id"), {{":id", id}});
}

Masker::Masker(const std::vector<MaskPattern> &userPatterns)
{
    for (const MaskPattern &pattern : userPatterns) {
        QRegularExpression expression(pattern.pattern);
        if (expression.isValid())
            m_user.emplace_back(std::move(expression), QStringLiteral("[%1]").arg(pattern.label));
    }
}

QString Masker::maskOnce(const QString &text) const
{
    // IBANs, then cards, then e-mail, then phones: the digits of an IBAN or a card would otherwise read as a phone.
    QString masked = replaceMatches(
        text, ibanPattern(), QStringLiteral("[iban]"), [](QStringView, qsizetype, QStringView found) -> qsizetype {
            // The pattern may run on into the next words; the shortest valid IBAN from its start is the account.
            for (qsizetype length = 15; length <= found.size(); ++length) {
                if (ibanValid(found.left(length)) && (length == found.size() || found[length] == QLatin1Char(' ')))
                    return length;
            }
            return 0;
        });
    masked = replaceMatches(
        masked, cardPattern(), QStringLiteral("[card]"), [](QStringView, qsizetype, QStringView found) -> qsizetype {
            const QString digits = digitsOf(found);
            return digits.size() >= 13 && digits.size() <= 19 && luhnValid(digits) ? found.size() : 0;
        });
    masked = replaceMatches(masked, emailPattern(), QStringLiteral("[email]"),
                            [](QStringView, qsizetype, QStringView found) { return whole(found); });
    masked = replaceMatches(masked, phonePattern(), QStringLiteral("[phone]"), phoneLength);
    for (const auto &[expression, replacement] : m_user) {
        masked = replaceMatches(masked, expression, replacement,
                                [](QStringView, qsizetype, QStringView found) { return whole(found); });
    }
    return masked;
}

QString Masker::mask(const QString &text) const
{
    // Until nothing changes: masking one number can leave the rest of a digit run a card or a phone of its own
    // (the fuzzer found "FE89 3704 ... 00" leaving a valid card behind). A few passes at most.
    QString masked = maskOnce(text);
    for (int pass = 0; pass < 8; ++pass) {
        QString again = maskOnce(masked);
        if (again == masked)
            break;
        masked = std::move(again);
    }
    return masked;
}

} // namespace workbench
