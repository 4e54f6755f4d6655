#pragma once
// 8-bar windows of a usable piece (method.md section 2).
#include "core/analysis/BarCorrelation.h"
#include "core/analysis/PieceAnalysis.h"

#include <cstdint>
#include <vector>

namespace lm {

struct WindowInfo {
    int64_t startBar = 0;
    int64_t drumCells = 0;
    int64_t bassCells = 0;
    bool kept = false;
    WindowCorrelation correlation{};
    double noteDensity = 0; // per bar, steps with at least one active cell; averaged (method.md 8)
    double uniquePitch = 0; // per bar, distinct rows used; averaged (method.md 8)
};

// Note density and unique pitch of 8 bars of 16 steps (method.md section 8).
void loopMetrics(const uint64_t* steps, double& noteDensity, double& uniquePitch);

// Every window position b with 16b + 128 <= n; empty for a piece that is not usable.
std::vector<WindowInfo> computeWindows(const PieceAnalysis& piece);

// The 57 x 128 cells of the window starting at `startBar` (stacked drums + bass),
// one mask per step. Steps past the piece are empty.
std::vector<uint64_t> windowSteps(const PieceAnalysis& piece, int64_t startBar);
// The same from an already stacked roll (PianoRoll::stackedSteps), for callers
// that show many windows of one piece.
std::vector<uint64_t> windowSteps(const std::vector<uint64_t>& stacked, int64_t startBar);

} // namespace lm
