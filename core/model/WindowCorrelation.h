#pragma once
// The 28 bar correlations of one 8-bar window (method.md section 3): the
// values above the diagonal of its 8 x 8 bar matrix, row-major (i < j). The
// one type that analysis computes, the library stores and the detector reads.
#include "core/model/LoopFormat.h"

#include <array>

namespace lm {

using WindowCorrelation = std::array<double, format::kCorrelationPairs>;

} // namespace lm
