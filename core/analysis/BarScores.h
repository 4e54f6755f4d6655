#pragma once
// Per-bar loop scores (issue 19): for each bar, the best (lowest) score of the
// kept windows that contain it, and which window that is. A window starting at
// bar s covers bars s .. s + 7.
#include "core/analysis/Windows.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace lm {

struct BarScore {
    double score = 0;
    int64_t window = 0; // start bar of the window it comes from (the first one on a tie)
};

// `scores` per window start (as `windows`); a window without a score, or not
// kept, covers nothing. Bars past the windows have none.
std::vector<std::optional<BarScore>> barScores(const std::vector<WindowInfo>& windows,
                                               const std::vector<std::optional<double>>& scores, int64_t bars);

// The kept window covering `bar` that starts earliest, if any (for a bar no
// scored window covers yet).
std::optional<int64_t> firstKeptWindowCovering(const std::vector<WindowInfo>& windows, int64_t bar);

} // namespace lm
