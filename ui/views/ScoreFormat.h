#pragma once
// Numbers as people read them, in the window's locale (QLocale(): a decimal
// comma in German). Loop scores: fixed-point, never scientific notation.
#include <QString>

namespace lm::ui {

// 0.0112 -> "0.0112", 1.87e-05 -> "0.000019", 0 -> "0"; under 1e-6 "< 0.000001".
QString formatScore(double score);

// `value` with `decimals` digits after the point, e.g. a density of 2.50.
QString formatNumber(double value, int decimals);

} // namespace lm::ui
