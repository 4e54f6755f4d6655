// The latent models of a build with LibTorch (core/ml).
#include "LatentModels.h"

#include "core/analysis/Windows.h"
#include "core/ml/LatentInterpolation.h"

namespace lm {

namespace {

class TorchLatent final : public LatentModels {
public:
    bool available() const override { return true; }
    Result<Interpolation> interpolate(const std::string& modelDir, const std::vector<uint64_t>& a,
                                      const std::vector<uint64_t>& b, int steps) const override
    {
        if (steps < 2 || steps > 64)
            return Error{modelDir, -1, "interpolation needs 2 to 64 steps, not " + std::to_string(steps)};
        auto vqvae = ml::VqVae::load(modelDir);
        if (!vqvae)
            return vqvae.error();
        auto detector = ml::LoopDetector::load(modelDir);
        if (!detector)
            return detector.error();
        Interpolation out;
        out.threshold = detector->threshold();
        out.reconstructionA = ml::reconstruct(*vqvae, a);
        out.reconstructionB = ml::reconstruct(*vqvae, b);
        for (const ml::InterpolationStep& s : ml::interpolateLoops(*vqvae, *detector, a, b, steps)) {
            InterpolatedLoop l;
            l.t = s.t;
            l.roll = s.roll;
            l.loopScore = s.loopScore;
            l.fromA = s.fromA;
            l.fromB = s.fromB;
            loopMetrics(l.roll.data(), l.noteDensity, l.uniquePitch);
            out.steps.push_back(std::move(l));
        }
        return out;
    }
    Result<EncodedLoops> encode(const std::string& modelDir, const std::vector<std::vector<uint64_t>>& rolls,
                                JobContext* job) const override
    {
        auto vqvae = ml::VqVae::load(modelDir);
        if (!vqvae)
            return vqvae.error();
        EncodedLoops out;
        out.space.model = modelDir;
        out.space.stamp = latentStamp(modelDir);
        out.space.codes = vqvae->settings().codes;
        out.space.dim = ml::kLatentDim;
        out.space.codebook = vqvae->codebook();
        out.codes.reserve(rolls.size() * kLoopCodes);
        constexpr size_t kBatch = 512;
        for (size_t i = 0; i < rolls.size(); i += kBatch) {
            if (job && job->cancelled())
                return Error{modelDir, -1, "cancelled"};
            if (job)
                job->report(int64_t(i), int64_t(rolls.size()), "encoding loops");
            const std::vector<ml::Roll> part(rolls.begin() + long(i), rolls.begin() + long(std::min(rolls.size(), i + kBatch)));
            for (const ml::CodeSequence& c : vqvae->encode(part))
                for (int code : c)
                    out.codes.push_back(uint16_t(code));
        }
        return out;
    }
};

} // namespace

const LatentModels& latentModels()
{
    static const TorchLatent instance;
    return instance;
}

} // namespace lm
