#include "BarCorrelation.h"

#include <algorithm>

namespace lm {

using namespace format;

// The popcount instruction where the processor has one (a call into libgcc
// otherwise: 13 % of a scan's time); chosen once, when the program loads.
__attribute__((target_clones("popcnt", "default")))
int64_t barDistance(const BarCells& a, const BarCells& b)
{
    const int64_t common = std::min(a.length, b.length);
    int64_t d = 0;
    for (int64_t s = 0; s < common; ++s)
        d += __builtin_popcountll(a.steps[s] ^ b.steps[s]);
    const BarCells& longer = a.length > b.length ? a : b;
    for (int64_t s = common; s < longer.length; ++s)
        d += __builtin_popcountll(longer.steps[s]);
    return d;
}

WindowCorrelation windowCorrelation(const std::vector<uint64_t>& steps, int64_t firstStep)
{
    return windowCorrelation(steps, firstStep, kStepsPerBar);
}

WindowCorrelation windowCorrelation(const std::vector<uint64_t>& steps, int64_t firstStep, int barSteps,
                                    const std::vector<uint64_t>* extra)
{
    // A bar of a lane, cut at the lane's end (the rest counts as empty).
    auto bar = [&](const std::vector<uint64_t>& lane, int i) {
        const int64_t from = std::min<int64_t>(firstStep + int64_t(i) * barSteps, int64_t(lane.size()));
        const int64_t to = std::min<int64_t>(from + barSteps, int64_t(lane.size()));
        return BarCells{lane.data() + from, to - from};
    };
    std::array<int64_t, kCorrelationPairs> d{};
    int64_t maxD = 0;
    int k = 0;
    for (int i = 0; i < kBarsPerWindow; ++i) {
        for (int j = i + 1; j < kBarsPerWindow; ++j) {
            d[size_t(k)] = barDistance(bar(steps, i), bar(steps, j));
            if (extra)
                d[size_t(k)] += barDistance(bar(*extra, i), bar(*extra, j));
            maxD = std::max(maxD, d[size_t(k)]);
            ++k;
        }
    }
    WindowCorrelation out{};
    const double denom = double(maxD) + kCorrelationEpsilon;
    for (size_t p = 0; p < out.size(); ++p)
        out[p] = 1.0 - double(d[p]) / denom;
    return out;
}

std::vector<double> selfSimilarity(const std::vector<uint64_t>& steps, const std::vector<int64_t>& barStarts,
                                   int64_t endStep)
{
    const size_t n = barStarts.size();
    std::vector<BarCells> bars(n);
    for (size_t i = 0; i < n; ++i) {
        const int64_t end = i + 1 < n ? barStarts[i + 1] : endStep;
        const int64_t begin = std::min<int64_t>(barStarts[i], int64_t(steps.size()));
        bars[i] = {steps.data() + begin, std::max<int64_t>(0, std::min<int64_t>(end, int64_t(steps.size())) - begin)};
    }
    std::vector<int64_t> d(n * n, 0);
    int64_t maxD = 0;
    for (size_t i = 0; i < n; ++i)
        for (size_t j = i + 1; j < n; ++j) {
            const int64_t v = barDistance(bars[i], bars[j]);
            d[i * n + j] = d[j * n + i] = v;
            maxD = std::max(maxD, v);
        }
    std::vector<double> out(n * n);
    const double denom = double(maxD) + kCorrelationEpsilon;
    for (size_t i = 0; i < n * n; ++i)
        out[i] = 1.0 - double(d[i]) / denom;
    return out;
}

} // namespace lm
