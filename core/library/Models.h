#pragma once
// The models as the rest of loopminer sees them, whether or not this build
// has LibTorch: the GUI and the CLI ask here instead of testing
// LOOPMINER_WITH_TORCH themselves. One implementation is linked in
// (TorchModels.cpp or NoModels.cpp, chosen by CMake).
#include "core/base/JobContext.h"
#include "core/base/Result.h"
#include "core/model/LibraryRecords.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lm {

class LibraryDb;

// What a generation found (core/ml's Generator, in plain types).
struct GenerationOutcome {
    std::vector<GeneratedLoop> loops; // found, in order; under the settings' max score
    int64_t drawn = 0;
    int64_t tooSparse = 0;            // under the score but under 32 drum or bass cells
    int64_t emptyLastBar = 0;         // under the score, dense enough, bar 8 empty
    double detectorThreshold = 0;     // of the model's detector
    double seconds = 0;
    bool cancelled = false;           // stopped by the job: `loops` holds what was found until then
};

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
    // Samples loops from the model in `modelDir` (detector, VQ-VAE and prior)
    // with rejection; reports "kept K of N drawn" as it goes and stops when
    // the job is cancelled.
    virtual Result<GenerationOutcome> generate(const std::string& modelDir, const GenerationSettings& settings,
                                               JobContext& job) const = 0;
};

// This build's models.
const Models& models();

} // namespace lm
