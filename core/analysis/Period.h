#pragma once
// The period of repetition of a window (method.md 10.1): the smallest p in
// 1, 2, 4, 8 bars whose mean bar similarity r(p) over the window reaches 0.9,
// or 0 when none does. The same rule for MIDI (cell similarity
// 1 - d / (a_i + a_j), a pair of two empty bars left out) and audio (the
// Pearson matrix of method.md 3). Bars are taken from the piece's bar starts,
// so bars of any length work.
#include "core/analysis/PieceAnalysis.h"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace lm {

constexpr double kPeriodThreshold = 0.9;
constexpr std::array<int, 4> kPeriods = {1, 2, 4, 8};

// sim(i, j) of two bars of the piece; nothing when the pair is left out.
using BarSimilarity = std::function<std::optional<double>(int64_t i, int64_t j)>;

struct PeriodDetail {
    std::array<std::optional<double>, 4> r{}; // r(1), r(2), r(4), r(8); nothing: no pairs (or no bar s+15)
    int period = 0;                           // 1, 2, 4, 8, or 0 when no r(p) >= 0.9
};

// The window of 8 bars starting at bar `start` of a piece of `bars` bars.
PeriodDetail windowPeriodDetail(const BarSimilarity& sim, int64_t bars, int64_t start);
inline int windowPeriod(const BarSimilarity& sim, int64_t bars, int64_t start)
{
    return windowPeriodDetail(sim, bars, start).period;
}

// MIDI: the drum and bass parts (the method's 57 rows) of a piece, bar by bar.
class MidiBarSimilarity {
public:
    explicit MidiBarSimilarity(const PieceAnalysis& piece);
    std::optional<double> operator()(int64_t i, int64_t j) const;
    int64_t bars() const { return int64_t(active_.size()); }

private:
    const PieceAnalysis& piece_;
    std::vector<int64_t> active_; // a_i: active cells of bar i
};

// The period of each window start of a MIDI piece.
std::vector<int> midiWindowPeriods(const PieceAnalysis& piece, const std::vector<int64_t>& startBars);

// Audio (or any stored matrix): sim(i, j) = matrix[i * bars + j].
BarSimilarity matrixSimilarity(const std::vector<double>& matrix, int64_t bars);

// An 8-bar roll on its own (a generated loop: 128 steps of the 57 rows), as
// the bars of a piece of 8 bars of 16 steps: r(8) is never defined.
PeriodDetail rollPeriodDetail(const std::vector<uint64_t>& steps);
inline int rollPeriod(const std::vector<uint64_t>& steps) { return rollPeriodDetail(steps).period; }

// The first `period` bars of an 8-bar roll (a loop cut at its period); the
// whole roll for 0 or 8.
std::vector<uint64_t> periodSteps(const std::vector<uint64_t>& steps, int period);

} // namespace lm
