#include "Windows.h"

#include "core/model/LoopFormat.h"

namespace lm {

using namespace format;

std::vector<WindowInfo> computeWindows(const PieceAnalysis& piece)
{
    std::vector<WindowInfo> out;
    if (!piece.usable || piece.roll.parts.size() < 2)
        return out;
    const std::vector<uint64_t> steps = piece.roll.stackedSteps();
    const Part& drums = piece.roll.parts[0];
    const Part& bass = piece.roll.parts[1];
    for (int64_t b = 0; kStepsPerBar * b + kWindowSteps <= piece.markedSteps; ++b) {
        WindowInfo w;
        const int64_t first = b * kStepsPerBar;
        w.startBar = b;
        w.drumCells = drums.activeCells(first, first + kWindowSteps);
        w.bassCells = bass.activeCells(first, first + kWindowSteps);
        w.kept = w.drumCells >= kMinCellsPerPart && w.bassCells >= kMinCellsPerPart;
        w.correlation = windowCorrelation(steps, first);
        loopMetrics(steps.data() + first, w.noteDensity, w.uniquePitch);
        out.push_back(w);
    }
    return out;
}

void loopMetrics(const uint64_t* steps, double& noteDensity, double& uniquePitch)
{
    int64_t busySteps = 0, rows = 0;
    for (int b = 0; b < kBarsPerWindow; ++b) {
        uint64_t used = 0;
        for (int s = 0; s < kStepsPerBar; ++s) {
            const uint64_t m = steps[b * kStepsPerBar + s];
            busySteps += m != 0;
            used |= m;
        }
        rows += __builtin_popcountll(used);
    }
    noteDensity = double(busySteps) / kBarsPerWindow;
    uniquePitch = double(rows) / kBarsPerWindow;
}

std::vector<uint64_t> windowSteps(const PieceAnalysis& piece, int64_t startBar)
{
    return windowSteps(piece.roll.stackedSteps(), startBar);
}

std::vector<uint64_t> windowSteps(const std::vector<uint64_t>& steps, int64_t startBar)
{
    std::vector<uint64_t> out(kWindowSteps, 0);
    const int64_t first = startBar * kStepsPerBar;
    for (int64_t s = 0; s < kWindowSteps; ++s)
        if (first + s >= 0 && first + s < int64_t(steps.size()))
            out[size_t(s)] = steps[size_t(first + s)];
    return out;
}

} // namespace lm
