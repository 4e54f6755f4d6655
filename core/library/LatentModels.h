#pragma once
// The VQ-VAE's latent space as the rest of loopminer sees it (method.md 10),
// whether or not this build has LibTorch: interpolation between two loops and
// the 32 codes of many loops. Plain types; one implementation is linked in
// (TorchLatent.cpp or NoLatent.cpp, chosen by CMake, as for Models.h).
#include "core/base/JobContext.h"
#include "core/base/Result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lm {

struct InterpolatedLoop {
    double t = 0;                // 0 at A, 1 at B
    std::vector<uint64_t> roll;  // 128 step masks
    double loopScore = 0;        // the model's detector
    double fromA = 0, fromB = 0; // share of the 57 x 128 cells that differ from A's and B's input rolls
    double noteDensity = 0, uniquePitch = 0;
};

struct Interpolation {
    std::vector<InterpolatedLoop> steps;
    std::vector<uint64_t> reconstructionA, reconstructionB; // A and B through the VQ-VAE and back
    double threshold = 0;                                   // of the model's detector
};

// A latent space: the model it belongs to, its codebook (codes x dim floats).
struct LatentSpace {
    std::string model;  // the model folder
    std::string stamp;  // changes when the model's VQ-VAE file changes
    int codes = 0, dim = 0;
    std::vector<float> codebook;
};

constexpr int kLoopCodes = 32; // code positions a loop has (method.md 5)

struct EncodedLoops {
    LatentSpace space;
    std::vector<uint16_t> codes; // kLoopCodes per roll, in order
};

class LatentModels {
public:
    virtual ~LatentModels() = default;
    virtual bool available() const = 0;
    // `steps` (2 to 64) loops from A to B with the model in `modelDir` (its VQ-VAE and detector).
    virtual Result<Interpolation> interpolate(const std::string& modelDir, const std::vector<uint64_t>& a,
                                              const std::vector<uint64_t>& b, int steps) const = 0;
    // The codes of each roll; the job hears each batch and may stop it (then an error "cancelled").
    virtual Result<EncodedLoops> encode(const std::string& modelDir, const std::vector<std::vector<uint64_t>>& rolls,
                                        JobContext* job) const = 0;
};

// This build's latent models.
const LatentModels& latentModels();

// The stamp of a model folder's VQ-VAE file (its size and modification time); "" when it is missing.
std::string latentStamp(const std::string& modelDir);

} // namespace lm
