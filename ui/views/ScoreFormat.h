#pragma once
// Loop scores as people read them: fixed-point, never scientific notation.
#include <QString>

namespace lm::ui {

// 0.0112 -> "0.0112", 1.87e-05 -> "0.000019", 0 -> "0"; under 1e-6 "< 0.000001".
QString formatScore(double score);

} // namespace lm::ui
