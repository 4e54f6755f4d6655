#pragma once
// Evaluation as in the paper (method.md section 8): loop score, unique pitch
// and note density of a set of loops, and precision / recall / density /
// coverage (Naeem et al. 2020, k = 5) between training and generated loops,
// both embedded by the same randomly initialised small CNN, repeated on new
// random subsets. Plain types only.
#include "Generator.h"

namespace lm::ml {

struct SetMeasures {
    int64_t loops = 0;
    double loopScore = 0;     // mean
    double uniquePitch = 0;   // per bar, averaged over bars and loops
    double noteDensity = 0;
    // The mean of the 28 bar correlations (method.md 3) per loop, averaged:
    // 1 for a loop whose 8 bars are the same, lower the less they repeat. Beside
    // the loop score it says whether "scored low" means "repeats".
    double barCorrelation = 0;
};

struct MeanSd {
    double mean = 0, sd = 0;
};

struct PrdcResult {
    MeanSd precision, recall, density, coverage;
    int repeats = 0;
    int64_t subset = 0;       // loops per set in each repeat
};

SetMeasures measureSet(const LoopDetector& detector, const std::vector<Roll>& rolls);

// PRDC of one pair of embedded sets (rows are features), k nearest neighbours.
struct Prdc {
    double precision = 0, recall = 0, density = 0, coverage = 0;
};
Prdc prdc(const std::vector<std::vector<float>>& real, const std::vector<std::vector<float>>& fake, int k = 5);

// `job` (when given) hears each repeat and may stop the run early (the repeats done are kept).
PrdcResult evaluatePrdc(const std::vector<Roll>& real, const std::vector<Roll>& fake, int repeats = 10,
                        int64_t subset = 10000, int k = 5, uint64_t seed = 1, JobContext* job = nullptr);

} // namespace lm::ml
