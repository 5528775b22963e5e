// Masking of customer contact data: emails, phone numbers, Luhn-checked card numbers and the workspace's own
// patterns; what is not contact data (dates, prices, times) stays readable.
#include "TestSupport.h"
#include "common/WorkbenchError.h"
#include "report/Masking.h"
#include "store/Database.h"

#include <QTest>

using namespace workbench;

class TestMasking : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void luhn();
    void masks_data();
    void masks();
    void userPatterns();

private:
    test::TempFolder m_folder;
};

void TestMasking::luhn()
{
    QVERIFY(luhnValid(u"4111111111111111"));
    QVERIFY(luhnValid(u"5500005555555559"));
    QVERIFY(luhnValid(u"378282246310005"));
    QVERIFY(!luhnValid(u"4111111111111112"));
    QVERIFY(!luhnValid(u"1"));
    QVERIFY(!luhnValid(u"41x1"));
}

void TestMasking::masks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("email") << QStringLiteral("Write to ana.lopez+orders@mail.example.co.uk please.")
                           << QStringLiteral("Write to [email] please.");
    QTest::newRow("two emails") << QStringLiteral("a@b.io, c_d@e-f.com") << QStringLiteral("[email], [email]");
    QTest::newRow("us phone") << QStringLiteral("Call me at +1 (555) 123-4567 tonight")
                              << QStringLiteral("Call me at [phone] tonight");
    QTest::newRow("german phone") << QStringLiteral("Tel. 0049 30 1234567.") << QStringLiteral("Tel. [phone].");
    QTest::newRow("dotted phone") << QStringLiteral("555.867.5309") << QStringLiteral("[phone]");
    QTest::newRow("card spaced") << QStringLiteral("card 4111 1111 1111 1111 expired")
                                 << QStringLiteral("card [card] expired");
    QTest::newRow("card dashed") << QStringLiteral("5500-0055-5555-5559") << QStringLiteral("[card]");
    QTest::newRow("amex") << QStringLiteral("amex 378282246310005") << QStringLiteral("amex [card]");
    QTest::newRow("not luhn, too long for a phone")
        << QStringLiteral("ref 4111 1111 1111 1112") << QStringLiteral("ref 4111 1111 1111 1112");
    QTest::newRow("iso date stays") << QStringLiteral("delivered on 2026-10-21")
                                    << QStringLiteral("delivered on 2026-10-21");
    QTest::newRow("price and time stay") << QStringLiteral("refunded $182.45 at 10:48")
                                         << QStringLiteral("refunded $182.45 at 10:48");
    QTest::newRow("short numbers stay") << QStringLiteral("order 12 of 345, 2 items")
                                        << QStringLiteral("order 12 of 345, 2 items");
    QTest::newRow("rtl and emoji") << QString::fromUtf8("اتصل بي 0551234567 😡")
                                   << QString::fromUtf8("اتصل بي [phone] 😡");
    // IBANs (ISO 13616 checksum), whole or in groups of four; a wrong check digit is left alone.
    QTest::newRow("iban grouped") << QStringLiteral("refund to DE89 3704 0044 0532 0130 00 please")
                                  << QStringLiteral("refund to [iban] please");
    QTest::newRow("iban whole") << QStringLiteral("GB82WEST12345698765432.") << QStringLiteral("[iban].");
    QTest::newRow("iban french") << QStringLiteral("FR1420041010050500013M02606") << QStringLiteral("[iban]");
    QTest::newRow("iban bad checksum") << QStringLiteral("DE88 3704 0044 0532 0130 00")
                                       << QStringLiteral("DE88 3704 0044 0532 0130 00");
    QTest::newRow("iban then words") << QStringLiteral("NL91ABNA0417164300 THANKS") << QStringLiteral("[iban] THANKS");
    // E-mail addresses in any script.
    QTest::newRow("unicode local part") << QString::fromUtf8("escríbeme a josé.garcía@correo.es ya")
                                        << QStringLiteral("escríbeme a [email] ya");
    QTest::newRow("unicode domain") << QString::fromUtf8("mail: müller@bücher.de") << QStringLiteral("mail: [email]");
    QTest::newRow("cjk address") << QString::fromUtf8("邮箱 用户@例子.广告") << QString::fromUtf8("邮箱 [email]");
    QTest::newRow("cyrillic address") << QString::fromUtf8("пишите на иван@почта.рф")
                                      << QString::fromUtf8("пишите на [email]");
    // Order, claim and ticket numbers are references, not telephone numbers; nothing after them is eaten.
    QTest::newRow("order hash") << QStringLiteral("order #5685215 3 days late")
                                << QStringLiteral("order #5685215 3 days late");
    QTest::newRow("claim number") << QStringLiteral("claim no. 88123456 was closed")
                                  << QStringLiteral("claim no. 88123456 was closed");
    QTest::newRow("ticket") << QStringLiteral("Ticket 20261105123 reopened")
                            << QStringLiteral("Ticket 20261105123 reopened");
    QTest::newRow("phone then a count") << QStringLiteral("call 555 867 5309 2 times")
                                        << QStringLiteral("call [phone] 2 times");
    // Near misses stay as written.
    QTest::newRow("no tld") << QStringLiteral("user@localhost") << QStringLiteral("user@localhost");
    QTest::newRow("mention") << QStringLiteral("@support thanks") << QStringLiteral("@support thanks");
    QTest::newRow("version") << QStringLiteral("app v2.3.4 on iOS 17.1") << QStringLiteral("app v2.3.4 on iOS 17.1");
    QTest::newRow("tracking code") << QStringLiteral("1Z999AA10123456784") << QStringLiteral("1Z999AA10123456784");
    QTest::newRow("six digits") << QStringLiteral("code 123456") << QStringLiteral("code 123456");
    QTest::newRow("amount") << QStringLiteral("EUR 1,234,567.89 due") << QStringLiteral("EUR 1,234,567.89 due");
    // Found by fuzz_masking: masking the IBAN at the start of a long digit run left a valid card number behind.
    QTest::newRow("run after an iban") << QStringLiteral("m(FE89 3704 3704 0594 3704 05304 00430 04 00430 00 ase")
                                       << QStringLiteral("m([iban] [card] [phone] ase");
}

void TestMasking::masks()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(Masker().mask(text), expected);
    QCOMPARE(Masker().mask(expected), expected); // nothing maskable is left
}

void TestMasking::userPatterns()
{
    auto db = Database::open(m_folder.path());
    QVERIFY(listMaskPatterns(*db).empty());
    addMaskPattern(*db, QStringLiteral("ORD-\\d+"), QStringLiteral("order"));
    const qint64 customer = addMaskPattern(*db, QStringLiteral("CUS-[0-9]{6}"), QStringLiteral("customer"));
    QCOMPARE(Masker(listMaskPatterns(*db)).mask(QStringLiteral("ORD-77 for CUS-001234, ana@x.org")),
             QStringLiteral("[order] for [customer], [email]"));
    // Refused with the reason: invalid, matching nothing at all, or stored already.
    try {
        addMaskPattern(*db, QStringLiteral("ORD-(\\d+"));
        QFAIL("an invalid pattern was stored");
    } catch (const WorkbenchError &error) {
        QVERIFY2(error.message().contains(QStringLiteral("not a valid regular expression")),
                 qPrintable(error.message()));
    }
    QVERIFY_THROWS_EXCEPTION(WorkbenchError, addMaskPattern(*db, QStringLiteral("x*")));
    QVERIFY_THROWS_EXCEPTION(WorkbenchError, addMaskPattern(*db, QStringLiteral("ORD-\\d+")));
    QVERIFY_THROWS_EXCEPTION(WorkbenchError, addMaskPattern(*db, QString()));
    removeMaskPattern(*db, customer);
    QCOMPARE(listMaskPatterns(*db).size(), size_t(1));
}

QTEST_GUILESS_MAIN(TestMasking)
#include "tst_masking.moc"
