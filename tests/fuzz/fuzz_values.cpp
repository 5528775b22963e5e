// The value parsers on any text: timestamps (ISO-8601 in all its forms, epoch seconds and milliseconds, at the
// edges of the calendar), numbers and booleans. Whatever they accept must be a value the store can hold.
#include "import/ValueParsers.h"

#include <cmath>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char *>(data), qsizetype(size));
    qint64 msecs = 0;
    if (workbench::values::parseTimestamp(text, msecs)) {
        // ISO dates of years 0000-9999 (with any offset), epochs of 0 to 1e16 ms: nothing outside.
        if (msecs < -62200000000000LL || msecs > 10'000'000'000'000'000LL)
            abort();
    }
    double number = 0;
    if (workbench::values::parseNumber(text, number) && !std::isfinite(number))
        abort();
    bool flag = false;
    workbench::values::parseBool(text, flag);
    return 0;
}
