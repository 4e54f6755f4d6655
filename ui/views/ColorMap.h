#pragma once
// Perceptual colour map (viridis, from its published anchor points) for values in [0, 1].
#include <QColor>

namespace lm::ui {

QColor viridis(double t);

} // namespace lm::ui
