#pragma once
// The models as the rest of loopminer sees them, whether or not this build
// has LibTorch: the GUI and the CLI ask here instead of testing
// LOOPMINER_WITH_TORCH themselves. One implementation is linked in
// (TorchModels.cpp or NoModels.cpp, chosen by CMake).
#include "core/base/JobContext.h"
#include "core/base/Result.h"
#include "core/model/LibraryRecords.h"

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

// What a training asks for (TrainRequest.h has its JSON form, kept in the
// model folder so that a resume after a restart repeats it).
enum class LoopSource { AllMined, UnderThreshold, Selection, Folder, Generated };
enum class DetectorSource { KeepBundled, SameLoops, Folder };

struct TrainRequest {
    std::vector<std::string> parts; // in this order, of "detector", "vqvae", "prior" (and "cnnvae", the baseline)
    std::string modelDir;           // the new model's folder (ModelStore)
    std::string baseModelDir;       // networks not trained come from here (the active model)
    std::string bundledDir;         // the bundled model (DetectorSource::KeepBundled)
    LoopSource loops = LoopSource::UnderThreshold; // what the VQ-VAE and the prior learn from
    LoopQuery selection;            // LoopSource::Selection: the loops panel's filter
    std::string folder;             // LoopSource::Folder, DetectorSource::Folder: a folder of loop files
    DetectorSource detector = DetectorSource::KeepBundled;
    int detectorEpochs = 100;       // each of its two phases (autoencoder, SVDD)
    int vqvaeEpochs = 100;
    int priorEpochs = 100;
    int cnnvaeEpochs = 100;         // the CNN-VAE baseline (part "cnnvae")
    int batch = 64;
    double lr = 1e-3;
    int codes = 512;
    int layers = 2;
    int hidden = 256;
    uint64_t seed = 1;
    int threads = 0;                // 0: every core but one (the window's)
    bool resume = false;            // go on from the folder's checkpoints
    // The metre of the library's loops it learns from (method.md 10.2): the
    // models are 4/4; windows of other metres are left out unless one is
    // picked here (the detector reads correlations and learns any one metre;
    // the VQ-VAE and the prior are 8 x 16 steps and refuse another).
    std::string metre = "4/4";
};

struct TrainResult {
    std::vector<std::string> trained; // the networks finished by this run
    bool cancelled = false;           // stopped at a batch: the last checkpoint stands
    int64_t loops = 0;                // what the VQ-VAE and prior learnt from
    std::string selection;            // in words
};

// The paper's measures (method.md 8) of generated vs training loops.
struct LoopSetMeasures {
    int64_t loops = 0;
    double loopScore = 0, uniquePitch = 0, noteDensity = 0, barCorrelation = 0; // means
};
struct EvaluationTable {
    LoopSetMeasures generated, training;
    int64_t drawn = 0;
    // precision, recall, density, coverage (k = 5): mean and sd over the repeats
    double prdc[4][2] = {};
    int repeats = 0;
    std::string trainingSet; // in words
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
    // The same with the folder's CNN-VAE baseline (cnnvae.lmm, method.md 8): draws from N(0, I),
    // the same rejection with the folder's detector; temperature, top-k and top-p are not used.
    virtual Result<GenerationOutcome> generateBaseline(const std::string& modelDir, const GenerationSettings&, JobContext&) const
    {
        return Error{modelDir, -1, reason()};
    }
    // Trains the request's networks in order into its model folder (job
    // payloads: ml::TrainProgress; pause at JobContext::checkpoint(); cancel
    // between batches), copying the others from the base model, and writes
    // their settings and metrics to the folder's model.json.
    virtual Result<TrainResult> train(LibraryDb& db, const TrainRequest& request, JobContext& job) const = 0;
    // Generates `count` loops with the model and measures them beside the library's training loops.
    virtual Result<EvaluationTable> evaluate(LibraryDb& db, const std::string& modelDir, int count, int repeats,
                                             JobContext& job) const = 0;
};

// This build's models.
const Models& models();

} // namespace lm
