#pragma once
// The CNN-VAE baseline of the paper (method.md 8): the VQ-VAE's encoder and
// decoder (method.md 5) around a continuous 512-dimensional Gaussian latent
// instead of a codebook, trained with beta annealed from 0 to 1. It generates
// by sampling the prior N(0, I) and interpolates linearly. Plain types only.
//
// The latent: the encoder's last convolution gives 32 channels of 32 steps
// (the VQ-VAE's gives 16); channels 0-15 are the mean and channels 16-31 the
// log-variance, each 16 x 32 = 512 values, read channel by channel (value
// c * 32 + t is channel c at step t). A latent z of 512 values is the
// decoder's 16 x 32 input in that same order, so the decoder is the VQ-VAE's
// unchanged.
//
// Loss of one loop: (BCE summed over the 57 x 128 cells + beta x KL summed
// over the 512 dimensions) / (57 x 128), i.e. the negative ELBO at beta = 1,
// divided by the cells as the VQ-VAE's BCE is. beta follows klBeta() below.
#include "Generator.h"

namespace lm::ml {

constexpr int kCnnVaeLatent = kLatentDim * kLatentSteps; // 512
using Latent = std::vector<float>;                        // kCnnVaeLatent values, channel-major

struct CnnVaeSettings {
    int epochs = 500;
    int batch = 2048;
    double lr = 1e-3;
    double lrMin = 5e-6;
    double validationShare = 0.2;
    double averageShare = 0.3; // weight averaging over the last 30 % of epochs, as the VQ-VAE
    double annealShare = 0.5;  // beta rises linearly from 0 to 1 over this first share of the epochs
    std::string trainingSet = "loops";
};
const SettingFields<CnnVaeSettings>& cnnVaeSettingFields();

// The annealing schedule: beta of optimiser step `step` (0-based over the whole
// run, one step a batch) = min(1, step / annealSteps), where annealSteps =
// ceil(annealShare x epochs) x batches per epoch; 1 when annealSteps <= 0.
// So the first batch has beta 0 and every batch after the annealed epochs 1.
double klBeta(int64_t step, int64_t annealSteps);
int64_t annealSteps(const CnnVaeSettings& s, int64_t trainLoops);

// KL(N(mean, exp(logVar)) || N(0, I)) = 0.5 x sum(mean^2 + exp(logVar) - 1 - logVar),
// the closed form training uses (same length vectors).
double gaussianKl(const std::vector<float>& mean, const std::vector<float>& logVar);

struct CnnVaeReport {
    double hammingError = 0; // share of wrong cells, decoding the means
    double kl = 0;           // mean KL per loop (nats)
};

class CnnVae {
public:
    static constexpr const char* kFileName = "cnnvae.lmm";
    static Result<CnnVae> load(const std::string& dir);
    Result<bool> save(const std::string& dir) const;

    // The posterior means and log-variances of rolls (kCnnVaeLatent each).
    std::vector<Latent> encode(const std::vector<Roll>& rolls, std::vector<Latent>* logVars = nullptr) const;
    std::vector<Roll> decode(const std::vector<Latent>& latents) const; // cells at p >= 0.5
    // n latents drawn from N(0, I) with this seed (the same seed, the same draws).
    static std::vector<Latent> samplePrior(int n, uint64_t seed);
    CnnVaeReport evaluate(const std::vector<Roll>& rolls) const;
    const CnnVaeSettings& settings() const;
    int64_t parameterCount() const;

    struct Impl;
    explicit CnnVae(std::shared_ptr<Impl> d) : d_(std::move(d)) {}
    Impl& impl() const { return *d_; }

private:
    std::shared_ptr<Impl> d_;
};

Result<CnnVae> trainCnnVae(const std::vector<Roll>& rolls, const CnnVaeSettings& settings, const TrainOptions& options,
                           JobContext& job, TrainOutcome* outcome = nullptr);

// `steps` latents from a to b on the straight line: step i is a + (b - a) x i / (steps - 1),
// so the first is a and the last b (steps >= 2; 1 gives a alone).
std::vector<Latent> interpolateLinear(const Latent& a, const Latent& b, int steps);
// The rolls of that line between the posterior means of two rolls, decoded.
std::vector<Roll> interpolateRolls(const CnnVae& model, const Roll& a, const Roll& b, int steps);

// A model folder's detector and CNN-VAE, loaded through the checked loader.
struct CnnVaeModel {
    LoopDetector detector;
    CnnVae cnnvae;
    static Result<CnnVaeModel> load(const std::string& dir);
};

// Generation with the CNN-VAE: latents from N(0, I), decoded, then the same
// rejection as the VQ-VAE's (method.md 7, Generator's rejectDecoded) with
// this detector. settings.sampling is not used (no temperature for a Gaussian).
Result<GenerateResult> generateCnnVaeLoops(const LoopDetector& detector, const CnnVae& model,
                                           const GenerateSettings& settings, JobContext& job);

} // namespace lm::ml
