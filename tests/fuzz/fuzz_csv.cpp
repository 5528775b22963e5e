// The CSV reader on any bytes: records and fields of every shape (quotes, separators, CR/LF/lone CR, NULs,
// invalid UTF-8), and the header check. A bad input may only end in a WorkbenchError, never a crash or UB.
#include "common/WorkbenchError.h"
#include "import/CsvReader.h"

#include <QBuffer>
#include <QStringList>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    try {
        workbench::CsvReader reader(buffer, QStringLiteral("fuzz.csv"));
        QStringList header;
        qint64 fields = 0;
        while (reader.readRecord()) {
            for (qsizetype i = 0; i < reader.fieldCount(); ++i) {
                const QByteArrayView field = reader.field(i);
                fields += field.size();
                if (header.size() < 64 && reader.recordLine() == 1)
                    header << QString::fromUtf8(field);
            }
            if (reader.recordLine() < 1)
                abort(); // line numbers count from the header, line 1
        }
        workbench::requireDistinctColumns(header, QStringLiteral("fuzz.csv"));
        (void)fields;
    } catch (const workbench::WorkbenchError &) {
    }
    return 0;
}
