#include "Colors.h"

namespace workbench::ui::colors {
namespace {

/// `tint` laid over the base colour at `alpha` (0..1): a wash that keeps the text colour legible.
QColor wash(const QPalette &palette, const QColor &tint, double alpha)
{
    const QColor base = palette.color(QPalette::Base);
    auto mix = [alpha](int from, int to) { return int(from + (to - from) * alpha); };
    return QColor(mix(base.red(), tint.red()), mix(base.green(), tint.green()), mix(base.blue(), tint.blue()));
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor primary(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x6c, 0xa8, 0xf0) : QColor(0x2f, 0x6f, 0xc0);
}

QColor secondary(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf5, 0xa6, 0x5b) : QColor(0xd9, 0x6a, 0x12);
}

QColor warning(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf0, 0x71, 0x71) : QColor(0xc0, 0x39, 0x2b);
}

QColor success(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x6f, 0xcf, 0x8f) : QColor(0x1e, 0x7e, 0x45);
}

QColor verdict(Verdict verdict, const QPalette &palette)
{
    return verdict == Verdict::FalseEscalation || verdict == Verdict::MissedEscalation ? warning(palette)
                                                                                       : success(palette);
}

QColor bubble(Role role, const QPalette &palette)
{
    const double strength = isDark(palette) ? 0.22 : 0.12;
    switch (role) {
    case Role::Customer:
        return wash(palette, palette.color(QPalette::Text), strength * 0.6);
    case Role::Ai:
        return wash(palette, primary(palette), strength);
    case Role::Agent:
        return wash(palette, success(palette), strength);
    case Role::System:
        return palette.color(QPalette::Base);
    }
    return palette.color(QPalette::Base);
}

} // namespace workbench::ui::colors
