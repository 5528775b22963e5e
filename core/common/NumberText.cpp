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

} // namespace workbench
