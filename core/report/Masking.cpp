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
    static const QRegularExpression pattern(
        QStringLiteral("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"));
    return pattern;
}

const QRegularExpression &phonePattern()
{
    static const QRegularExpression pattern(QStringLiteral("(?<![\\w@.])\\+?\\(?\\d[\\d ().-]{5,}\\d(?![\\w@])"));
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

/// Replaces each match of `pattern` that `accept` takes with `replacement`.
QString replaceMatches(const QString &text, const QRegularExpression &pattern, const QString &replacement,
                       const std::function<bool(QStringView)> &accept)
{
    QString result;
    qsizetype at = 0;
    QRegularExpressionMatchIterator matches = pattern.globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        const QStringView found = QStringView(text).mid(match.capturedStart(), match.capturedLength());
        if (!accept(found))
            continue;
        result += QStringView(text).mid(at, match.capturedStart() - at);
        result += replacement;
        at = match.capturedEnd();
    }
    result += QStringView(text).mid(at);
    return result;
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
                                               " :label)"),
                                {{":pattern", pattern}, {":label", word}});
    return insert.lastInsertId().toLongLong();
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

QString Masker::mask(const QString &text) const
{
    // Cards first: their digits would otherwise read as a phone number.
    QString masked = replaceMatches(text, cardPattern(), QStringLiteral("[card]"), [](QStringView found) {
        const QString digits = digitsOf(found);
        return digits.size() >= 13 && digits.size() <= 19 && luhnValid(digits);
    });
    masked = replaceMatches(masked, emailPattern(), QStringLiteral("[email]"), [](QStringView) { return true; });
    masked = replaceMatches(masked, phonePattern(), QStringLiteral("[phone]"), [](QStringView found) {
        const qsizetype digits = digitsOf(found).size();
        return digits >= 7 && digits <= 15 && !isoDatePattern().match(found).hasMatch();
    });
    for (const auto &[expression, replacement] : m_user) {
        masked = replaceMatches(masked, expression, replacement, [](QStringView found) { return !found.isEmpty(); });
    }
    return masked;
}

} // namespace workbench
