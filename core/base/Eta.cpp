#include "Eta.h"

#include <algorithm>

namespace lm {

EtaEstimator::EtaEstimator(int64_t total, int64_t doneBefore)
    : total_(std::max<int64_t>(0, total)), doneBefore_(std::clamp<int64_t>(doneBefore, 0, total_))
{
}

double EtaEstimator::secondsLeft(double elapsedSeconds, int64_t done) const
{
    if (done >= total_)
        return 0;
    const int64_t doneHere = done - doneBefore_;
    if (doneHere <= 0 || !(elapsedSeconds > 0))
        return 0; // nothing measured yet
    return elapsedSeconds / double(doneHere) * double(total_ - done);
}

} // namespace lm
