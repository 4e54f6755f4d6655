#pragma once
// Bar correlation (method.md section 3, MIDI): bars compared cell by cell.
// d(i, j) = cells where bar i and bar j differ; value = 1 - d / (max d + 1e-5).
#include <array>
#include <cstdint>
#include <vector>

#include "core/model/LoopFormat.h"
#include "core/model/WindowCorrelation.h"

namespace lm {

// A bar as one 64-bit row mask per step (the stacked roll's steps).
struct BarCells {
    const uint64_t* steps = nullptr;
    int64_t length = 0;
};

// Cells that differ between two bars; a shorter bar counts as empty past its end.
int64_t barDistance(const BarCells& a, const BarCells& b);

// The 28 values above the diagonal, row-major (i < j), of 8 consecutive
// 16-step bars starting at `firstStep` of `steps`.
WindowCorrelation windowCorrelation(const std::vector<uint64_t>& steps, int64_t firstStep);
// The same for bars of `barSteps` steps (method.md 10.2: 12 for 3/4 and 6/8, ...).
// `extra` (may be null) is a further part's steps (the keys) whose differing
// cells add to each d(i, j): the bar correlation with the keys included.
WindowCorrelation windowCorrelation(const std::vector<uint64_t>& steps, int64_t firstStep, int barSteps,
                                    const std::vector<uint64_t>* extra = nullptr);

// The N x N matrix over bars given by their start steps (the last bar ends at
// `endStep`), normalised by the largest off-diagonal distance. Row-major.
std::vector<double> selfSimilarity(const std::vector<uint64_t>& steps, const std::vector<int64_t>& barStarts,
                                   int64_t endStep);

} // namespace lm
