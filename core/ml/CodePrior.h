#pragma once
// The prior over code sequences (method.md section 6): an embedding, an LSTM
// and a linear layer predicting the next of the 32 codes of a loop; sampling
// starts from the empirical distribution of first codes. Plain types only.
#include "Training.h"
#include "VqVae.h"

#include "core/base/JobContext.h"
#include "core/base/Result.h"
#include "core/base/SettingFields.h"

#include <memory>
#include <string>
#include <vector>

namespace lm::ml {

struct PriorSettings {
    int codes = 512;       // K, from the VQ-VAE
    int embedding = 128;
    int layers = 4;        // the paper's prior: 4 x 512 (7.9 M parameters with K = 512)
    int hidden = 512;
    int epochs = 100;
    int batch = 2048;
    double lr = 1e-3;
    double lrMin = 5e-6;
    double validationShare = 0.05;
};
// Its JSON keys, CLI options and ranges (model file headers, checkpoints, loopminer-cli).
const SettingFields<PriorSettings>& priorSettingFields();

struct SamplingSettings {
    double temperature = 0.7;
    int topK = 0;        // 0: off
    double topP = 0.0;   // 0: off; never both with topK
};

// Keeps the top-k logits or the smallest set whose probability reaches top-p
// (nucleus); the others become -infinity. Exposed for tests.
std::vector<float> filterLogits(std::vector<float> logits, int topK, double topP);

class CodePrior {
public:
    static constexpr const char* kFileName = "prior.lmm";
    static Result<CodePrior> load(const std::string& dir);
    Result<bool> save(const std::string& dir) const;

    // `count` code sequences; deterministic for a given seed.
    Result<std::vector<CodeSequence>> sample(int count, const SamplingSettings& sampling, uint64_t seed) const;
    double validationLoss(const std::vector<CodeSequence>& codes) const; // next-code cross-entropy
    const PriorSettings& settings() const;
    int64_t parameterCount() const;

    struct Impl;
    explicit CodePrior(std::shared_ptr<Impl> d) : d_(std::move(d)) {}

private:
    std::shared_ptr<Impl> d_;
};

Result<CodePrior> trainPrior(const std::vector<CodeSequence>& codes, const PriorSettings& settings,
                             const TrainOptions& options, JobContext& job, TrainOutcome* outcome = nullptr);

} // namespace lm::ml
