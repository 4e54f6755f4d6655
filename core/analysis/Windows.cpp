#include "Windows.h"

#include "core/model/LoopFormat.h"

namespace lm {

using namespace format;

std::vector<WindowInfo> computeWindows(const PieceAnalysis& piece) { return computeWindows(piece, WindowOptions{}); }

std::vector<WindowInfo> computeWindows(const PieceAnalysis& piece, const WindowOptions& options)
{
    std::vector<WindowInfo> out;
    if (!piece.usable || piece.roll.parts.size() < 2)
        return out;
    const std::vector<uint64_t> steps = piece.roll.stackedSteps();
    const Part& drums = piece.roll.parts[0];
    const Part& bass = piece.roll.parts[1];
    const Part* keys = options.includeKeys ? piece.keys() : nullptr;
    for (const MetreStretch& st : piece.stretches) {
        const int64_t windowLength = int64_t(st.barSteps) * kBarsPerWindow;
        const int64_t end = std::min(st.endStep, piece.markedSteps);
        for (int64_t i = 0; st.firstStep + i * st.barSteps + windowLength <= end; ++i) {
            WindowInfo w;
            const int64_t first = st.firstStep + i * st.barSteps;
            w.startBar = st.firstBar + i;
            w.firstStep = first;
            w.barSteps = st.barSteps;
            w.numerator = st.numerator;
            w.denominator = st.denominator;
            w.drumCells = drums.activeCells(first, first + windowLength);
            w.bassCells = bass.activeCells(first, first + windowLength);
            w.kept = w.drumCells >= kMinCellsPerPart && w.bassCells >= kMinCellsPerPart;
            w.correlation = windowCorrelation(steps, first, st.barSteps, keys ? &keys->steps : nullptr);
            loopMetrics(steps.data() + first, st.barSteps, w.noteDensity, w.uniquePitch);
            out.push_back(w);
        }
    }
    return out;
}

void loopMetrics(const uint64_t* steps, double& noteDensity, double& uniquePitch)
{
    loopMetrics(steps, kStepsPerBar, noteDensity, uniquePitch);
}

void loopMetrics(const uint64_t* steps, int barSteps, double& noteDensity, double& uniquePitch)
{
    int64_t busySteps = 0, rows = 0;
    for (int b = 0; b < kBarsPerWindow; ++b) {
        uint64_t used = 0;
        for (int s = 0; s < barSteps; ++s) {
            const uint64_t m = steps[b * barSteps + s];
            busySteps += m != 0;
            used |= m;
        }
        rows += __builtin_popcountll(used);
    }
    noteDensity = double(busySteps) / kBarsPerWindow;
    uniquePitch = double(rows) / kBarsPerWindow;
}

WindowSpan windowSpan(const PieceAnalysis& piece, int64_t startBar)
{
    const MetreStretch& st = piece.stretchOfBar(startBar);
    WindowSpan span;
    span.barSteps = st.barSteps;
    span.numerator = st.numerator;
    span.denominator = st.denominator;
    if (startBar >= 0 && startBar < piece.bars())
        span.firstStep = piece.barStarts[size_t(startBar)];
    else
        span.firstStep = st.firstStep + (startBar - st.firstBar) * st.barSteps;
    return span;
}

std::vector<uint64_t> windowSteps(const PieceAnalysis& piece, int64_t startBar)
{
    return windowSteps(piece.roll.stackedSteps(), windowSpan(piece, startBar));
}

std::vector<uint64_t> windowSteps(const std::vector<uint64_t>& steps, int64_t startBar)
{
    WindowSpan span;
    span.firstStep = startBar * kStepsPerBar;
    return windowSteps(steps, span);
}

std::vector<uint64_t> windowSteps(const std::vector<uint64_t>& steps, const WindowSpan& span)
{
    std::vector<uint64_t> out(size_t(span.steps()), 0);
    for (int64_t s = 0; s < span.steps(); ++s)
        if (span.firstStep + s >= 0 && span.firstStep + s < int64_t(steps.size()))
            out[size_t(s)] = steps[size_t(span.firstStep + s)];
    return out;
}

} // namespace lm
