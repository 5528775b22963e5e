#pragma once

#include <QRegularExpression>
#include <QString>

#include <vector>

namespace workbench {

class Database;

/// A pattern of the workspace's own that masking hides (a regular expression), with the word put in its place.
struct MaskPattern {
    qint64 id = 0;
    QString pattern;
    QString label = QStringLiteral("masked");
};

std::vector<MaskPattern> listMaskPatterns(Database &db);
/// Stores a pattern; throws WorkbenchError for an invalid regular expression (with Qt's reason and offset),
/// one that matches the empty string, or one stored already.
qint64 addMaskPattern(Database &db, const QString &pattern, const QString &label = QStringLiteral("masked"));
void removeMaskPattern(Database &db, qint64 id);

/// True when `digits` (digits only) passes the Luhn check of payment card numbers.
bool luhnValid(QStringView digits);

/// Hides customer contact data in text: card numbers (13-19 digits, Luhn-checked) as "[card]", email addresses
/// as "[email]", phone numbers (7-15 digits, with or without + and separators; ISO dates are not phones) as
/// "[phone]", then the workspace's own patterns as "[label]".
class Masker {
public:
    explicit Masker(const std::vector<MaskPattern> &userPatterns = {});
    QString mask(const QString &text) const;

private:
    QString maskOnce(const QString &text) const;

    std::vector<std::pair<QRegularExpression, QString>> m_user;
};

} // namespace workbench
