#pragma once
// The VQ-VAE over 57 x 128 loop rolls (method.md section 5): a convolutional
// encoder to 32 latent vectors of 16 dimensions, a codebook of K vectors
// learnt by exponential moving averages with dead-code restarts, and a
// convolutional decoder back to cell probabilities. Plain types only.
#include "Training.h"

#include "core/base/JobContext.h"
#include "core/base/Result.h"
#include "core/base/SettingFields.h"

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace lm::ml {

constexpr int kLatentSteps = 32;
constexpr int kLatentDim = 16;
using CodeSequence = std::array<int, kLatentSteps>;
using Roll = std::vector<uint64_t>; // 128 steps of 57-row masks

struct VqVaeSettings {
    int codes = 512;           // K (the released prior uses 512; 256 also in the paper)
    int epochs = 500;
    int batch = 2048;
    double lr = 1e-3;
    double lrMin = 5e-6;
    double validationShare = 0.2;
    double averageShare = 0.3; // weight averaging over the last 30 % of epochs
    double commitment = 0.25;
    double decay = 0.99;
    double epsilon = 1e-5;
    std::string trainingSet = "loops"; // which loops it saw: "loops" or "loops starting a phrase"
};
// Its JSON keys, CLI options and ranges (model file headers, checkpoints, loopminer-cli).
const SettingFields<VqVaeSettings>& vqVaeSettingFields();

struct VqVaeReport {
    double hammingError = 0; // share of wrong cells on the validation split
    double perplexity = 0;   // exp(entropy of code use)
};

class VqVae {
public:
    static constexpr const char* kFileName = "vqvae.lmm";
    static Result<VqVae> load(const std::string& dir);
    Result<bool> save(const std::string& dir) const;

    std::vector<CodeSequence> encode(const std::vector<Roll>& rolls) const;
    std::vector<Roll> decode(const std::vector<CodeSequence>& codes) const; // cells at p >= 0.5
    // The latent space (LatentInterpolation, the library's embeddings): the
    // encoder's outputs before quantisation, N x 32 x 16 floats (loop,
    // position, dimension); each 16-d vector's nearest code; the codebook (K x 16).
    std::vector<float> encodeLatents(const std::vector<Roll>& rolls) const;
    std::vector<CodeSequence> quantise(const std::vector<float>& latents) const;
    std::vector<float> codebook() const;
    VqVaeReport evaluate(const std::vector<Roll>& rolls) const;
    const VqVaeSettings& settings() const;
    int64_t parameterCount() const;

    struct Impl;
    explicit VqVae(std::shared_ptr<Impl> d) : d_(std::move(d)) {}
    Impl& impl() const { return *d_; }

private:
    std::shared_ptr<Impl> d_;
};

Result<VqVae> trainVqVae(const std::vector<Roll>& rolls, const VqVaeSettings& settings, const TrainOptions& options,
                         JobContext& job, TrainOutcome* outcome = nullptr);

// A roll that opens a phrase: kick and crash both on its first step.
bool startsPhrase(const Roll& roll);

// For tests: one EMA update of a codebook on a batch of encoder outputs, with
// dead-code restarts, exactly as training does it. codebook K x D, ema sums,
// counts K; inputs N x D; restartPicks: which input replaces each dead code.
struct CodebookState {
    std::vector<float> codebook, emaSum, counts;
    int codes = 0, dim = 0;
};
void emaUpdate(CodebookState& state, const std::vector<float>& inputs, double decay, double epsilon, uint64_t seed);

} // namespace lm::ml
