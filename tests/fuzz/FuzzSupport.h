#pragma once

// What every fuzz target shares: the input as a file (the readers take paths, as the import does), and a Qt
// core application for the pieces that want one.
#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <unistd.h>

namespace workbench::fuzz {

/// Writes the input to a file of this process under /dev/shm (memory, not disk) with `suffix`, and returns its path.
inline QString inputFile(const uint8_t *data, size_t size, const char *suffix)
{
    static const QString folder =
        QFile::exists(QStringLiteral("/dev/shm")) ? QStringLiteral("/dev/shm") : QStringLiteral("/tmp");
    const QString path = QStringLiteral("%1/ewb-fuzz-%2%3").arg(folder).arg(::getpid()).arg(QLatin1String(suffix));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        abort();
    file.write(reinterpret_cast<const char *>(data), qint64(size));
    return path;
}

inline void ensureApplication()
{
    static int argc = 1;
    static char name[] = "fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication application(argc, argv);
}

} // namespace workbench::fuzz
