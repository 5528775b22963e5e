#include "FieldValues.h"

#include "ImportTypes.h"
#include "ValueParsers.h"

#include <cmath>

namespace workbench {
namespace {

QString text(QByteArrayView utf8)
{
    return QString::fromUtf8(utf8);
}

QString notA(QByteArrayView utf8, const QString &what, const QString &expected)
{
    return QStringLiteral("%1 is not %2 (%3)").arg(quotedValue(text(utf8)), what, expected);
}

QString numberExpectation(Field field)
{
    switch (field) {
    case Field::AiConfidence:
        return QStringLiteral("expected a number from 0 to 1");
    case Field::Csat:
        return QStringLiteral("expected a whole number from 1 to 5");
    case Field::HandleTimeSeconds:
        return QStringLiteral("expected a number of seconds, 0 or more");
    case Field::Sentiment:
        return QStringLiteral("expected a number from -1 to 1");
    default:
        return QStringLiteral("expected a number");
    }
}

bool inRange(double value, Field field)
{
    switch (field) {
    case Field::AiConfidence:
        return value >= 0 && value <= 1;
    case Field::Csat:
        return value >= 1 && value <= 5 && value == std::floor(value);
    case Field::HandleTimeSeconds:
        return value >= 0;
    case Field::Sentiment:
        return value >= -1 && value <= 1;
    default:
        return true;
    }
}

QString numberNoun(Field field)
{
    return field == Field::Csat ? QStringLiteral("a CSAT score") : QStringLiteral("a valid %1").arg(fieldName(field));
}

void setNumber(Conversation &c, Field field, double value)
{
    switch (field) {
    case Field::AiConfidence:
        c.aiConfidence = value;
        break;
    case Field::Csat:
        c.csat = int(value);
        break;
    case Field::HandleTimeSeconds:
        c.handleTimeSeconds = value;
        break;
    case Field::Sentiment:
        c.sentiment = value;
        break;
    default:
        break;
    }
}

bool isNumeric(Field field)
{
    return field == Field::AiConfidence || field == Field::Csat || field == Field::HandleTimeSeconds ||
           field == Field::Sentiment;
}

bool isTimestamp(Field field)
{
    return field == Field::CreatedAt || field == Field::EscalatedAt;
}

bool isBool(Field field)
{
    return field == Field::Escalated || field == Field::FirstContactResolution;
}

void setTimestamp(Conversation &c, Field field, qint64 msecs)
{
    if (field == Field::CreatedAt)
        c.createdAtMsecs = msecs;
    else
        c.escalatedAtMsecs = msecs;
}

void setBool(Conversation &c, Field field, bool value)
{
    if (field == Field::Escalated)
        c.escalated = value;
    else
        c.firstContactResolution = value;
}

QString *textMember(Conversation &c, Field field)
{
    switch (field) {
    case Field::ConversationId:
        return &c.conversationId;
    case Field::Category:
        return &c.category;
    case Field::Channel:
        return &c.channel;
    case Field::Team:
        return &c.team;
    case Field::Agent:
        return &c.agent;
    case Field::CustomerId:
        return &c.customerId;
    case Field::Transcript:
        return &c.transcript;
    case Field::EscalationReason:
        return &c.escalationReason;
    default:
        return nullptr;
    }
}

} // namespace

Conversation emptyConversation()
{
    Conversation conversation;
    conversation.presentFields = 0;
    return conversation;
}

QString clearField(Conversation &c, Field field)
{
    if (kRequiredFields & fieldBit(field))
        return QStringLiteral("is empty (a value is required)");
    c.presentFields |= fieldBit(field);
    switch (field) {
    case Field::EscalatedAt:
        c.escalatedAtMsecs.reset();
        break;
    case Field::AiConfidence:
        c.aiConfidence.reset();
        break;
    case Field::Csat:
        c.csat.reset();
        break;
    case Field::FirstContactResolution:
        c.firstContactResolution.reset();
        break;
    case Field::HandleTimeSeconds:
        c.handleTimeSeconds.reset();
        break;
    case Field::Sentiment:
        c.sentiment.reset();
        break;
    case Field::Messages:
        c.messages.clear();
        break;
    default:
        if (QString *member = textMember(c, field))
            member->clear();
    }
    return {};
}

QString setFieldFromText(Conversation &c, Field field, QByteArrayView utf8)
{
    if (field == Field::Transcript) {
        c.transcript = text(utf8); // kept exactly, white space and all
        c.presentFields |= fieldBit(field);
        return {};
    }
    const QByteArrayView trimmed = utf8.trimmed();
    if (trimmed.isEmpty())
        return clearField(c, field);
    if (isTimestamp(field)) {
        qint64 msecs = 0;
        if (!values::parseTimestamp(trimmed, msecs))
            return notA(utf8, QStringLiteral("a timestamp"), values::expectedTimestamp());
        setTimestamp(c, field, msecs);
    } else if (isBool(field)) {
        bool value = false;
        if (!values::parseBool(trimmed, value))
            return notA(utf8, QStringLiteral("a boolean"), values::expectedBool());
        setBool(c, field, value);
    } else if (isNumeric(field)) {
        double value = 0;
        if (!values::parseNumber(trimmed, value) || !inRange(value, field))
            return notA(utf8, numberNoun(field), numberExpectation(field));
        setNumber(c, field, value);
    } else if (QString *member = textMember(c, field)) {
        *member = QString::fromUtf8(trimmed);
    } else {
        return QStringLiteral("cannot be given as text");
    }
    c.presentFields |= fieldBit(field);
    return {};
}

QString setFieldFromNumber(Conversation &c, Field field, double value, bool isInteger, const QByteArray &asWritten)
{
    const QByteArray &shown = asWritten;
    if (isTimestamp(field)) {
        qint64 msecs = 0;
        if (!values::timestampFromEpochNumber(value, msecs))
            return notA(shown, QStringLiteral("a timestamp"), values::expectedTimestamp());
        setTimestamp(c, field, msecs);
    } else if (isBool(field)) {
        if (value != 0 && value != 1)
            return notA(shown, QStringLiteral("a boolean"), values::expectedBool());
        setBool(c, field, value == 1);
    } else if (isNumeric(field)) {
        if (!inRange(value, field))
            return notA(shown, numberNoun(field), numberExpectation(field));
        setNumber(c, field, value);
    } else if (QString *member = textMember(c, field); member && isInteger && field != Field::Transcript) {
        *member = QString::fromLatin1(shown); // numeric ids are common in JSON exports
    } else {
        return QStringLiteral("%1 is a number (expected text)").arg(QString::fromLatin1(shown));
    }
    c.presentFields |= fieldBit(field);
    return {};
}

QString setFieldFromBool(Conversation &c, Field field, bool value)
{
    if (!isBool(field))
        return QStringLiteral("%1 is a boolean (expected %2)")
            .arg(value ? QStringLiteral("true") : QStringLiteral("false"),
                 isTimestamp(field) ? values::expectedTimestamp() : QStringLiteral("text or a number"));
    setBool(c, field, value);
    c.presentFields |= fieldBit(field);
    return {};
}

} // namespace workbench
