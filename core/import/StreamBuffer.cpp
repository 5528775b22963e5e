#include "StreamBuffer.h"

#include "common/WorkbenchError.h"

#include <QDir>
#include <QIODevice>

namespace workbench {

bool StreamBuffer::readMore(QIODevice &device, const QString &fileName)
{
    constexpr qsizetype kChunk = 1 << 20;
    if (eof)
        return false;
    if (pos > 0) {
        consumedBefore += pos;
        bytes.remove(0, pos);
        pos = 0;
    }
    const qsizetype before = bytes.size();
    bytes.resize(before + kChunk);
    const qint64 got = device.read(bytes.data() + before, kChunk);
    if (got < 0)
        throw WorkbenchError(
            QStringLiteral("Cannot read %1: %2").arg(QDir::toNativeSeparators(fileName), device.errorString()));
    bytes.resize(before + qsizetype(got));
    eof = got == 0;
    return got > 0;
}

} // namespace workbench
