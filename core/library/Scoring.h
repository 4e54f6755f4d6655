#pragma once
// Scoring a library with a loop detector: every window's loop score and each
// file's best, stored under the model's name (method.md 4). Built with LibTorch only.
#include "core/base/JobContext.h"
#include "core/base/Result.h"
#include "core/ml/LoopDetector.h"

#include <string>

namespace lm {

class LibraryDb;

// Scores every window of the library with `detector` and stores the scores,
// the threshold and `modelName` (one transaction; each file's best score too).
struct LibraryScoring {
    int64_t windows = 0;          // scored
    int64_t underThreshold = 0;   // of those
};
// `job` (when given) hears the windows scored so far and may cancel (nothing is stored then).
Result<LibraryScoring> scoreLibrary(LibraryDb& db, const ml::LoopDetector& detector, const std::string& modelName,
                                    JobContext* job = nullptr);

} // namespace lm
