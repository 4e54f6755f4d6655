#pragma once
// The loop detector (method.md section 4): a bias-free autoencoder over the 28
// bar correlations of a window, then Deep SVDD on its encoder. Loop score =
// mean over the 7 outputs of (z - c)^2, lower is more loop-like; a window is a
// loop under the threshold exp(mean + std of log training scores).
// Plain types only; LibTorch stays in the .cpp.
#include "Training.h"

#include "core/analysis/BarCorrelation.h"
#include "core/base/JobContext.h"
#include "core/base/Result.h"
#include "core/base/SettingFields.h"

#include <memory>
#include <string>
#include <vector>

namespace lm::ml {

struct DetectorSettings {
    int autoencoderEpochs = 100; // method.md gives no count; these reach a flat loss on our data
    int svddEpochs = 100;
    int batch = 64;
    double lr = 1e-3;
    double lrMin = 5e-6;
    double validationShare = 0.2;
};
// Its JSON keys, CLI options and ranges (model file headers, checkpoints, loopminer-cli).
const SettingFields<DetectorSettings>& detectorSettingFields();

class LoopDetector {
public:
    static constexpr const char* kFileName = "detector.lmm";
    // Reads dir/detector.lmm through the checked model loader.
    static Result<LoopDetector> load(const std::string& dir);
    Result<bool> save(const std::string& dir) const;

    std::vector<double> score(const std::vector<WindowCorrelation>& windows) const;
    double threshold() const;
    const DetectorSettings& settings() const;
    int64_t parameterCount() const;
    std::string dataFingerprint() const;
    int64_t trainingWindows() const;

    struct Impl;
    explicit LoopDetector(std::shared_ptr<Impl> d) : d_(std::move(d)) {}

private:
    std::shared_ptr<Impl> d_;
};

// The threshold rule: Box-Cox with lambda 0 (the log) of the training scores,
// threshold = exp(mean + one standard deviation).
double loopThresholdOf(const std::vector<double>& trainingScores);

// Trains on `windows` (the library's kept windows by default), writing
// checkpoints to options.dir and, when done, dir/detector.lmm.
Result<LoopDetector> trainDetector(const std::vector<WindowCorrelation>& windows, const DetectorSettings& settings,
                                   const TrainOptions& options, JobContext& job, TrainOutcome* outcome = nullptr);

} // namespace lm::ml
