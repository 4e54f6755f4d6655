#pragma once
// The models as the rest of loopminer sees them, whether or not this build
// has LibTorch: the GUI and the CLI ask here instead of testing
// LOOPMINER_WITH_TORCH themselves. One implementation is linked in
// (TorchModels.cpp or NoModels.cpp, chosen by CMake).
#include "core/base/JobContext.h"
#include "core/base/Result.h"

#include <cstdint>
#include <string>

namespace lm {

class LibraryDb;

struct ScoringSummary {
    int64_t windows = 0;        // scored
    int64_t underThreshold = 0; // of those
    double threshold = 0;
};

class Models {
public:
    virtual ~Models() = default;
    // False in a build without LibTorch; reason() says so.
    virtual bool available() const = 0;
    virtual std::string reason() const = 0;
    // Scores every window of the library with the detector in `modelDir` and
    // stores the scores (and each file's best) under that model's name.
    virtual Result<ScoringSummary> scoreLibrary(LibraryDb& db, const std::string& modelDir, JobContext& job) const = 0;
};

// This build's models.
const Models& models();

} // namespace lm
