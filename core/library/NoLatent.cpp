// The latent models of a build without LibTorch: each action says why it cannot run.
#include "LatentModels.h"

namespace lm {

namespace {

const char* kReason = "this build has no LibTorch (LOOPMINER_WITH_TORCH=OFF)";

class NoLatent final : public LatentModels {
public:
    bool available() const override { return false; }
    Result<Interpolation> interpolate(const std::string& modelDir, const std::vector<uint64_t>&,
                                      const std::vector<uint64_t>&, int) const override
    {
        return Error{modelDir, -1, kReason};
    }
    Result<EncodedLoops> encode(const std::string& modelDir, const std::vector<std::vector<uint64_t>>&, JobContext*) const override
    {
        return Error{modelDir, -1, kReason};
    }
};

} // namespace

const LatentModels& latentModels()
{
    static const NoLatent instance;
    return instance;
}

} // namespace lm
