// Masking on any text: no crash, no UB, and masking what was masked changes nothing (a placeholder is never
// taken for contact data, and nothing is left half masked).
#include "report/Masking.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const workbench::Masker masker;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString masked = masker.mask(text);
    if (masker.mask(masked) != masked)
        abort();
    return 0;
}
