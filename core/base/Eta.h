#pragma once
// Time left of a long job from its progress so far (plain arithmetic, no
// clock: the caller passes elapsed seconds, so tests run on a virtual clock).
//
// The estimate is the mean time per unit of work (a sample, for training)
// over everything this run has done, all epochs and phases together, times
// the work left. One slow epoch or batch moves it by a share of its own
// weight in the run instead of replacing the estimate (an estimate from the
// last epoch alone jumped from 10 s to 56 s between epochs), and when all
// the work is done the estimate is 0.
#include <cstdint>

namespace lm {

class EtaEstimator {
public:
    // total: the run's work in units; doneBefore: units done before this run
    // started (a resumed training), which took no time of this run.
    explicit EtaEstimator(int64_t total, int64_t doneBefore = 0);

    // Seconds left after `done` units in all (doneBefore included) at
    // `elapsedSeconds` since this run started. 0 once done >= total.
    double secondsLeft(double elapsedSeconds, int64_t done) const;

private:
    int64_t total_;
    int64_t doneBefore_;
};

} // namespace lm
