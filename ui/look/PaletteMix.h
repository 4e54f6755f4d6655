#pragma once
// Colours made from the palette, so that a painted view follows light and dark:
// `t` of the way from `a` to `b`.
#include <QColor>

namespace lm::ui {

inline QColor mix(const QColor& a, const QColor& b, double t)
{
    auto m = [t](int x, int y) { return int(x + (y - x) * t + 0.5); };
    return QColor(m(a.red(), b.red()), m(a.green(), b.green()), m(a.blue(), b.blue()), m(a.alpha(), b.alpha()));
}

} // namespace lm::ui
