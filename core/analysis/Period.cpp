#include "Period.h"

#include "core/analysis/BarCorrelation.h"
#include "core/model/LoopFormat.h"

#include <algorithm>

namespace lm {

using namespace format;

PeriodDetail windowPeriodDetail(const BarSimilarity& sim, int64_t bars, int64_t start)
{
    PeriodDetail out;
    const int64_t last = start + kBarsPerWindow - 1; // s + 7
    for (size_t k = 0; k < kPeriods.size(); ++k) {
        const int p = kPeriods[k];
        // p = 8 pairs bar i of the window with bar i + 8: the piece must have bar s + 15.
        const int64_t lastFirst = p == kBarsPerWindow ? last : last - p;
        if (p == kBarsPerWindow && start + 2 * kBarsPerWindow - 1 >= bars)
            continue;
        double sum = 0;
        int64_t pairs = 0;
        for (int64_t i = start; i <= lastFirst; ++i)
            if (const auto v = sim(i, i + p)) {
                sum += *v;
                ++pairs;
            }
        if (pairs > 0)
            out.r[k] = sum / double(pairs);
    }
    for (size_t k = 0; k < kPeriods.size(); ++k)
        if (out.r[k] && *out.r[k] >= kPeriodThreshold) {
            out.period = kPeriods[k];
            break;
        }
    return out;
}

namespace {

// Bar i of one part: its step masks (a bar past the part's steps is empty).
BarCells partBar(const Part& part, const PieceAnalysis& piece, int64_t bar)
{
    const int64_t size = int64_t(part.steps.size());
    const int64_t begin = std::min(piece.barStarts[size_t(bar)], size);
    const int64_t end = std::min(piece.barEnd(bar), size);
    return {part.steps.data() + begin, std::max<int64_t>(0, end - begin)};
}

// The method's 57 rows: the drum and bass parts (the first two; a further part is not counted).
size_t methodParts(const PieceAnalysis& piece) { return std::min<size_t>(2, piece.roll.parts.size()); }

} // namespace

MidiBarSimilarity::MidiBarSimilarity(const PieceAnalysis& piece) : piece_(piece), active_(size_t(piece.bars()), 0)
{
    for (size_t p = 0; p < methodParts(piece); ++p)
        for (int64_t b = 0; b < piece.bars(); ++b) {
            const BarCells c = partBar(piece.roll.parts[p], piece, b);
            for (int64_t s = 0; s < c.length; ++s)
                active_[size_t(b)] += __builtin_popcountll(c.steps[s]);
        }
}

std::optional<double> MidiBarSimilarity::operator()(int64_t i, int64_t j) const
{
    if (i < 0 || j < 0 || i >= bars() || j >= bars())
        return std::nullopt;
    const int64_t a = active_[size_t(i)] + active_[size_t(j)];
    if (a == 0)
        return std::nullopt; // two empty bars: left out
    int64_t d = 0;
    for (size_t p = 0; p < methodParts(piece_); ++p) {
        const Part& part = piece_.roll.parts[p];
        d += barDistance(partBar(part, piece_, i), partBar(part, piece_, j));
    }
    return 1.0 - double(d) / double(a);
}

std::vector<int> midiWindowPeriods(const PieceAnalysis& piece, const std::vector<int64_t>& startBars)
{
    const MidiBarSimilarity midi(piece);
    const BarSimilarity sim = [&midi](int64_t i, int64_t j) { return midi(i, j); };
    std::vector<int> out;
    out.reserve(startBars.size());
    for (const int64_t s : startBars)
        out.push_back(windowPeriod(sim, piece.bars(), s));
    return out;
}

BarSimilarity matrixSimilarity(const std::vector<double>& matrix, int64_t bars)
{
    return [&matrix, bars](int64_t i, int64_t j) -> std::optional<double> {
        if (i < 0 || j < 0 || i >= bars || j >= bars || size_t(i * bars + j) >= matrix.size())
            return std::nullopt;
        return matrix[size_t(i * bars + j)];
    };
}

PeriodDetail rollPeriodDetail(const std::vector<uint64_t>& steps)
{
    // Bars of 16 steps over all rows of the masks (the stacked 57 rows).
    PieceAnalysis piece;
    Part all;
    all.rowCount = kRows;
    all.steps = steps;
    all.steps.resize(kWindowSteps, 0);
    piece.roll.steps = kWindowSteps;
    piece.roll.parts.push_back(std::move(all));
    piece.markedSteps = kWindowSteps;
    for (int b = 0; b < kBarsPerWindow; ++b)
        piece.barStarts.push_back(int64_t(b) * kStepsPerBar);
    const MidiBarSimilarity midi(piece);
    return windowPeriodDetail([&midi](int64_t i, int64_t j) { return midi(i, j); }, kBarsPerWindow, 0);
}

std::vector<uint64_t> periodSteps(const std::vector<uint64_t>& steps, int period)
{
    if (period <= 0 || period >= kBarsPerWindow)
        return steps;
    const size_t perBar = steps.size() / kBarsPerWindow;
    return std::vector<uint64_t>(steps.begin(), steps.begin() + std::ptrdiff_t(perBar * size_t(period)));
}

} // namespace lm
