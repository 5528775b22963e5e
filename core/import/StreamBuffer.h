#pragma once

#include <QByteArray>
#include <QString>

class QIODevice;

namespace workbench {

/// The read buffer of a streaming reader: it drops what was consumed and appends a chunk at a time, so memory
/// stays at about one record plus a chunk whatever the file size.
struct StreamBuffer {
    QByteArray bytes;
    qsizetype pos = 0;         ///< the first byte not consumed yet
    qint64 consumedBefore = 0; ///< bytes of the file dropped from the front
    bool eof = false;

    /// Drops bytes[0, pos) and appends up to 1 MiB; false at the end of the file. Throws WorkbenchError naming
    /// `fileName` when the device cannot be read.
    bool readMore(QIODevice &device, const QString &fileName);
    qint64 consumed() const { return consumedBefore + pos; }
};

} // namespace workbench
