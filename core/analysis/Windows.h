#pragma once
// 8-bar windows of a usable piece (method.md section 2), in every metre
// (method.md 10.2: 8 bars of the metre's own length inside one time signature's stretch).
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
    // The window's metre (method.md 10.2): 16-step 4/4 bars unless the piece says otherwise.
    int64_t firstStep = 0;
    int barSteps = format::kStepsPerBar;
    int numerator = 4, denominator = 4;
    bool fourFour() const { return numerator == 4 && denominator == 4; }
};

struct WindowOptions {
    // Add the keys part's differing cells to the bar distances (off: the
    // method's drums + bass, as the published numbers use). The cell rule
    // stays drums + bass either way.
    bool includeKeys = false;
};

// Note density and unique pitch of 8 bars of 16 steps (method.md section 8).
void loopMetrics(const uint64_t* steps, double& noteDensity, double& uniquePitch);
// The same for 8 bars of `barSteps` steps.
void loopMetrics(const uint64_t* steps, int barSteps, double& noteDensity, double& uniquePitch);

// Every window: in each stretch of one time signature, every bar b whose 8 bars
// end inside the stretch and inside the marked steps (4/4: 16b + 128 <= n);
// empty for a piece that is not usable.
std::vector<WindowInfo> computeWindows(const PieceAnalysis& piece);
std::vector<WindowInfo> computeWindows(const PieceAnalysis& piece, const WindowOptions& options);

// Where the window of 8 bars from `startBar` lies and its metre (the metre of
// the stretch that bar is in; a bar past the end keeps the last stretch's).
struct WindowSpan {
    int64_t firstStep = 0;
    int barSteps = format::kStepsPerBar;
    int numerator = 4, denominator = 4;
    int64_t steps() const { return int64_t(barSteps) * format::kBarsPerWindow; }
    bool fourFour() const { return numerator == 4 && denominator == 4; }
};
WindowSpan windowSpan(const PieceAnalysis& piece, int64_t startBar);

// The 57 x 128 cells of the window starting at `startBar` (stacked drums + bass),
// one mask per step; in another metre 57 x (8 x bar steps). Steps past the piece are empty.
std::vector<uint64_t> windowSteps(const PieceAnalysis& piece, int64_t startBar);
// The same from an already stacked roll (PianoRoll::stackedSteps), for callers
// that show many windows of one piece: 16-step (4/4) bars.
std::vector<uint64_t> windowSteps(const std::vector<uint64_t>& stacked, int64_t startBar);
// Any part's (or the stacked roll's) steps of a span.
std::vector<uint64_t> windowSteps(const std::vector<uint64_t>& steps, const WindowSpan& span);

} // namespace lm
