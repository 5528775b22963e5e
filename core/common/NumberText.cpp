#include "NumberText.h"

#include <QLocale>

namespace workbench {
namespace {

const QLocale &locale()
{
    static const QLocale english = [] {
        QLocale l(QLocale::English, QLocale::UnitedStates);
        l.setNumberOptions(QLocale::DefaultNumberOptions);
        return l;
    }();
    return english;
}

} // namespace

QString countText(qint64 value)
{
    return locale().toString(value);
}

QString decimalText(const std::optional<double> &value, int decimals)
{
    return value ? locale().toString(*value, 'f', decimals) : QStringLiteral("—");
}

QString percentText(const std::optional<double> &fraction, int decimals)
{
    return fraction ? decimalText(*fraction * 100.0, decimals) + QStringLiteral(" %") : QStringLiteral("—");
}

QString moneyText(const std::optional<double> &amount, const QString &currency)
{
    return amount ? QStringLiteral("%1 %2").arg(decimalText(amount, 2), currency) : QStringLiteral("—");
}

QString signedText(const std::optional<double> &value, int decimals)
{
    if (!value)
        return QStringLiteral("—");
    return (*value >= 0 ? QStringLiteral("+") : QString()) + decimalText(value, decimals);
}

} // namespace workbench
