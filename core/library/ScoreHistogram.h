#pragma once
// The library's loop scores as a histogram, for the "why is this a loop"
// panel: the scored kept windows, binned on a log10 scale from the lowest
// score to the highest (scores span several decades; the threshold is about
// 0.01), so that one window's score and the threshold can be placed on it.
#include <cstdint>
#include <optional>
#include <vector>

namespace lm {

class LibraryDb;

struct ScoreHistogram {
    static constexpr int kBins = 24;
    double logMin = 0, logMax = 0;   // log10 of the lowest and highest score
    std::vector<int64_t> counts;     // kBins counts (empty: no scored window)
    int64_t total = 0;
    bool empty() const { return counts.empty(); }
    // The bin of a score (scores outside the range go to the first or last bin); -1 when empty.
    int binOf(double score) const;
    // Where a score lies from 0 (logMin) to 1 (logMax), clamped.
    double position(double score) const;
};

ScoreHistogram makeScoreHistogram(const std::vector<double>& scores);
ScoreHistogram scoreHistogram(LibraryDb& db);

} // namespace lm
