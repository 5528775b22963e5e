#pragma once

#include <QByteArrayView>
#include <QString>
#include <QtGlobal>

namespace workbench::values {

/// The value rules of DATA.md section 1, on UTF-8 text as it comes from a CSV cell or a JSON string.
/// Each parser returns false when the text is not a valid value; the caller names file, line and column.

/// true/false, 1/0, yes/no, y/n in any case (surrounding spaces ignored).
bool parseBool(QByteArrayView text, bool &value);
inline QString expectedBool()
{
    return QStringLiteral("expected true/false, 1/0, yes/no or y/n");
}

/// ISO-8601 (2026-10-31T23:30:00Z, 2026-10-31T23:30:00.250-05:00, +0530, +05:30, t/z in any case,
/// 2026-10-31 23:30:00 with no offset = UTC, a bare date = midnight UTC) or Unix epoch seconds (integer or
/// decimal; above 100,000,000,000 read as milliseconds). Gives UTC milliseconds since the epoch.
bool parseTimestamp(QByteArrayView text, qint64 &msecsSinceEpoch);
inline QString expectedTimestamp()
{
    return QStringLiteral("expected ISO-8601 or epoch seconds");
}
/// Epoch seconds (or milliseconds above 100,000,000,000) as a JSON number gives them.
bool timestampFromEpochNumber(double seconds, qint64 &msecsSinceEpoch);

/// A finite decimal number (a point as the decimal separator, an optional exponent).
bool parseNumber(QByteArrayView text, double &value);

/// UTC milliseconds of a civil date and time (proleptic Gregorian); no validation.
qint64 civilToMsecs(int year, int month, int day, int hour, int minute, int second, int millisecond);

} // namespace workbench::values
