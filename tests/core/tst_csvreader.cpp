#include "common/WorkbenchError.h"
#include "import/CsvReader.h"

#include <QBuffer>
#include <QTest>

using namespace workbench;

namespace {

struct Read {
    std::vector<std::vector<QByteArray>> records;
    std::vector<qint64> lines;
    char separator = 0;
    QString error;
};

Read readAll(const QByteArray &content)
{
    QBuffer buffer;
    buffer.setData(content);
    buffer.open(QIODevice::ReadOnly);
    Read result;
    try {
        CsvReader reader(buffer, QStringLiteral("input.csv"));
        result.separator = reader.separator();
        while (reader.readRecord()) {
            std::vector<QByteArray> fields;
            for (qsizetype i = 0; i < reader.fieldCount(); ++i)
                fields.push_back(reader.field(i).toByteArray());
            result.records.push_back(fields);
            result.lines.push_back(reader.recordLine());
        }
    } catch (const WorkbenchError &error) {
        result.error = error.message();
    }
    return result;
}

} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void separators_data();
    void separators();
    void quotedFieldsAndLineNumbers();
    void lineEndingsAndBom();
    void blankLinesAreSkipped();
    void malformed_data();
    void malformed();
    void recordsAcrossBufferBoundaries();
    void hugeField();
};

void TestCsvReader::separators_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<char>("separator");
    QTest::newRow("comma") << QByteArray("a,b,c\n1,2,3\n") << ',';
    QTest::newRow("semicolon") << QByteArray("a;b;c\n1;2,5;3\n") << ';';
    QTest::newRow("tab") << QByteArray("a\tb\tc\n1\t2\t3\n") << '\t';
    QTest::newRow("commas inside quotes do not count") << QByteArray("\"a,x,y\";b;c\n1;2;3\n") << ';';
}

void TestCsvReader::separators()
{
    QFETCH(QByteArray, content);
    QFETCH(char, separator);
    const Read read = readAll(content);
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    QCOMPARE(read.separator, separator);
    QCOMPARE(read.records.size(), size_t(2));
    QCOMPARE(read.records[1].size(), size_t(3));
}

void TestCsvReader::quotedFieldsAndLineNumbers()
{
    const Read read = readAll("id,text,n\n"
                              "1,\"say \"\"hi\"\", then\nleave\",7\n"
                              "2,\"\",8\n"
                              "3,\"multi\n\nline\",9\n"
                              "4,plain,10");
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    QCOMPARE(read.records.size(), size_t(5));
    QCOMPARE(read.records[1][1], QByteArray("say \"hi\", then\nleave"));
    QCOMPARE(read.records[2][1], QByteArray(""));
    QCOMPARE(read.records[3][1], QByteArray("multi\n\nline"));
    QCOMPARE(read.records[4][2], QByteArray("10")); // last record without a line break
    // The line where each record starts: records 1 and 3 span lines.
    QCOMPARE(read.lines, (std::vector<qint64>{1, 2, 4, 5, 8}));
}

void TestCsvReader::lineEndingsAndBom()
{
    const Read read = readAll("\xEF\xBB\xBFid,text\r\n1,\"a\r\nb\"\r\n2,c\r\n");
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    QCOMPARE(read.records[0][0], QByteArray("id")); // the byte-order mark is gone
    QCOMPARE(read.records[1][1], QByteArray("a\r\nb"));
    QCOMPARE(read.records[2][1], QByteArray("c"));
    QCOMPARE(read.lines, (std::vector<qint64>{1, 2, 4}));
}

void TestCsvReader::blankLinesAreSkipped()
{
    const Read read = readAll("id,x\n\n1,a\n\r\n\n2,b\n\n");
    QCOMPARE(read.records.size(), size_t(3));
    QCOMPARE(read.lines, (std::vector<qint64>{1, 3, 6}));
}

void TestCsvReader::malformed_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("quote never closed") << QByteArray("id,text\n1,ok\n2,\"cut off\nhere")
                                        << "input.csv:3: a quoted field is never closed";
    QTest::newRow("text after closing quote")
        << QByteArray("id,text\n1,\"a\"b\n") << "input.csv:2: unexpected text after a closing quote";
    QTest::newRow("NUL byte") << QByteArray("id,text\n1,a\0b\n", 14) << "input.csv:2: binary data";
    QTest::newRow("UTF-16") << QByteArray("\xFF\xFEi\0d\0", 6) << "input.csv:1: the file is UTF-16";
}

void TestCsvReader::malformed()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const Read read = readAll(content);
    QVERIFY2(read.error.startsWith(message), qPrintable(read.error));
}

void TestCsvReader::recordsAcrossBufferBoundaries()
{
    // 5 MB of records: quoted fields, doubled quotes and CRLFs land on every position of the 1 MB chunks.
    QByteArray content = "id,text,n\r\n";
    int rows = 0;
    while (content.size() < 5 * (1 << 20)) {
        content += QByteArray::number(rows) + ",\"line one \"\"q\"\"\r\nline two " + QByteArray(rows % 97, 'x') +
                   "\"," + QByteArray::number(rows * 2) + "\r\n";
        ++rows;
    }
    const Read read = readAll(content);
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    QCOMPARE(read.records.size(), size_t(rows + 1));
    for (int i = 0; i < rows; i += 997) {
        QCOMPARE(read.records[size_t(i + 1)][0], QByteArray::number(i));
        QCOMPARE(read.records[size_t(i + 1)][1], "line one \"q\"\r\nline two " + QByteArray(i % 97, 'x'));
        QCOMPARE(read.records[size_t(i + 1)][2], QByteArray::number(i * 2));
        QCOMPARE(read.lines[size_t(i + 1)], qint64(2 + 2 * i));
    }
}

void TestCsvReader::hugeField()
{
    const QByteArray transcript(10 << 20, 'z');
    const Read read = readAll("id,transcript\n1,\"" + transcript + "\"\n2,short\n");
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    QCOMPARE(read.records[1][1].size(), transcript.size());
    QCOMPARE(read.lines, (std::vector<qint64>{1, 2, 3}));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
