#include "ValueParsers.h"

#include <charconv>
#include <cmath>

namespace workbench::values {
namespace {

QByteArrayView trimmed(QByteArrayView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && (text[begin] == ' ' || text[begin] == '\t'))
        ++begin;
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t'))
        --end;
    return text.sliced(begin, end - begin);
}

bool isDigit(char ch)
{
    return ch >= '0' && ch <= '9';
}

// Reads exactly `count` digits at `pos`.
bool digits(QByteArrayView text, qsizetype &pos, int count, int &value)
{
    if (pos + count > text.size())
        return false;
    value = 0;
    for (int i = 0; i < count; ++i) {
        const char ch = text[pos + i];
        if (!isDigit(ch))
            return false;
        value = value * 10 + (ch - '0');
    }
    pos += count;
    return true;
}

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : days[month - 1];
}

bool parseEpoch(QByteArrayView text, qint64 &msecs)
{
    // Whole seconds and up to three decimals, read as integers: no floating-point rounding of instants.
    qsizetype pos = 0;
    qint64 whole = 0;
    int wholeDigits = 0;
    while (pos < text.size() && isDigit(text[pos])) {
        if (++wholeDigits > 16)
            return false;
        whole = whole * 10 + (text[pos++] - '0');
    }
    if (wholeDigits == 0)
        return false;
    qint64 fraction = 0;
    int fractionDigits = 0;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        while (pos < text.size() && isDigit(text[pos])) {
            if (fractionDigits < 3) {
                fraction = fraction * 10 + (text[pos] - '0');
                ++fractionDigits;
            }
            ++pos;
        }
        if (fractionDigits == 0)
            return false;
    }
    if (pos != text.size())
        return false;
    if (whole > 100'000'000'000LL) {
        msecs = whole; // milliseconds; a fraction of a millisecond is dropped
        return true;
    }
    while (fractionDigits < 3) {
        fraction *= 10;
        ++fractionDigits;
    }
    msecs = whole * 1000 + fraction;
    return true;
}

bool parseIso(QByteArrayView text, qint64 &msecs)
{
    qsizetype pos = 0;
    int year = 0, month = 0, day = 0;
    if (!digits(text, pos, 4, year) || pos >= text.size() || text[pos++] != '-' || !digits(text, pos, 2, month) ||
        pos >= text.size() || text[pos++] != '-' || !digits(text, pos, 2, day))
        return false;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return false;
    int hour = 0, minute = 0, second = 0, millisecond = 0;
    int offsetMinutes = 0;
    if (pos < text.size()) {
        const char separator = text[pos++];
        if (separator != 'T' && separator != 't' && separator != ' ')
            return false;
        if (!digits(text, pos, 2, hour) || pos >= text.size() || text[pos++] != ':' || !digits(text, pos, 2, minute))
            return false;
        if (pos < text.size() && text[pos] == ':') {
            ++pos;
            if (!digits(text, pos, 2, second))
                return false;
            if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
                ++pos;
                int fractionDigits = 0;
                while (pos < text.size() && isDigit(text[pos])) {
                    if (fractionDigits < 3)
                        millisecond = millisecond * 10 + (text[pos] - '0');
                    ++fractionDigits;
                    ++pos;
                }
                if (fractionDigits == 0)
                    return false;
                for (int i = fractionDigits; i < 3; ++i)
                    millisecond *= 10;
            }
        }
        if (hour > 23 || minute > 59 || second > 59)
            return false;
        if (pos < text.size() && text[pos] == ' ')
            ++pos; // "2026-10-31 23:30:00 +0000"
        if (pos < text.size()) {
            const char zone = text[pos++];
            if (zone == 'Z' || zone == 'z') {
                if (pos != text.size())
                    return false;
            } else if (zone == '+' || zone == '-') {
                int offsetHours = 0, offsetMins = 0;
                if (!digits(text, pos, 2, offsetHours))
                    return false;
                if (pos < text.size() && text[pos] == ':')
                    ++pos;
                if (pos < text.size() && !digits(text, pos, 2, offsetMins))
                    return false;
                if (pos != text.size() || offsetHours > 18 || offsetMins > 59)
                    return false;
                offsetMinutes = (zone == '+' ? 1 : -1) * (offsetHours * 60 + offsetMins);
            } else {
                return false;
            }
        }
    }
    msecs = civilToMsecs(year, month, day, hour, minute, second, millisecond) - qint64(offsetMinutes) * 60'000;
    return true;
}

} // namespace

qint64 civilToMsecs(int year, int month, int day, int hour, int minute, int second, int millisecond)
{
    // Days from 1970-01-01 (Howard Hinnant's days_from_civil).
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yearOfEra = y - era * 400;
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    const qint64 days = qint64(era) * 146097 + dayOfEra - 719468;
    return ((days * 24 + hour) * 60 + minute) * 60'000LL + second * 1000LL + millisecond;
}

bool parseBool(QByteArrayView text, bool &value)
{
    const QByteArrayView t = trimmed(text);
    auto is = [&](const char *word) { return t.compare(QByteArrayView(word), Qt::CaseInsensitive) == 0; };
    if (is("true") || is("1") || is("yes") || is("y")) {
        value = true;
        return true;
    }
    if (is("false") || is("0") || is("no") || is("n")) {
        value = false;
        return true;
    }
    return false;
}

bool parseTimestamp(QByteArrayView text, qint64 &msecsSinceEpoch)
{
    const QByteArrayView t = trimmed(text);
    if (t.isEmpty())
        return false;
    // A date has a dash in fifth place; everything else that parses is an epoch.
    if (t.size() >= 10 && t[4] == '-')
        return parseIso(t, msecsSinceEpoch);
    return parseEpoch(t, msecsSinceEpoch);
}

bool timestampFromEpochNumber(double seconds, qint64 &msecsSinceEpoch)
{
    if (!std::isfinite(seconds) || seconds < 0 || seconds > 1e16)
        return false;
    msecsSinceEpoch =
        seconds > 100'000'000'000.0 ? qint64(std::llround(seconds)) : qint64(std::llround(seconds * 1000.0));
    return true;
}

bool parseNumber(QByteArrayView text, double &value)
{
    const QByteArrayView t = trimmed(text);
    if (t.isEmpty())
        return false;
    const char *begin = t.data();
    const char *end = begin + t.size();
    if (*begin == '+')
        ++begin;
    const auto result = std::from_chars(begin, end, value);
    return result.ec == std::errc() && result.ptr == end && std::isfinite(value);
}

} // namespace workbench::values
