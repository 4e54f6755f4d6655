#include "LatentInterpolation.h"

#include "Generator.h"

#include "core/model/LoopFormat.h"

#include <algorithm>
#include <cmath>

namespace lm::ml {

std::vector<float> slerp(const float* a, const float* b, int dim, double t)
{
    double na = 0, nb = 0, dot = 0;
    for (int i = 0; i < dim; ++i) {
        na += double(a[i]) * a[i];
        nb += double(b[i]) * b[i];
        dot += double(a[i]) * b[i];
    }
    std::vector<float> out(static_cast<size_t>(dim));
    const double cosOmega = (na > 0 && nb > 0) ? std::clamp(dot / std::sqrt(na * nb), -1.0, 1.0) : 1.0;
    const double omega = std::acos(cosOmega);
    double wa = 1 - t, wb = t;
    if (std::sin(omega) > 1e-6) {
        wa = std::sin((1 - t) * omega) / std::sin(omega);
        wb = std::sin(t * omega) / std::sin(omega);
    }
    for (int i = 0; i < dim; ++i)
        out[size_t(i)] = float(wa * a[i] + wb * b[i]);
    return out;
}

void keepBassMonophonic(Roll& roll)
{
    for (uint64_t& m : roll) {
        const uint64_t drums = m & ((uint64_t(1) << format::kDrumRows) - 1);
        uint64_t bass = m >> format::kDrumRows;
        bass &= (~bass + 1);
        m = drums | (bass << format::kDrumRows);
    }
}

Roll reconstruct(const VqVae& vqvae, const Roll& roll)
{
    Roll r = vqvae.decode(vqvae.encode({roll})).front();
    keepBassMonophonic(r);
    return r;
}

double differingFraction(const Roll& x, const Roll& y)
{
    int64_t differ = 0;
    for (size_t s = 0; s < size_t(format::kWindowSteps); ++s)
        differ += __builtin_popcountll((s < x.size() ? x[s] : 0) ^ (s < y.size() ? y[s] : 0));
    return double(differ) / double(format::kRows * format::kWindowSteps);
}

std::vector<InterpolationStep> interpolateLoops(const VqVae& vqvae, const LoopDetector& detector, const Roll& a,
                                                const Roll& b, int steps)
{
    steps = std::max(steps, 2);
    const std::vector<float> z = vqvae.encodeLatents({a, b});
    const size_t one = size_t(kLatentSteps * kLatentDim);
    std::vector<float> path;
    path.reserve(one * size_t(steps));
    std::vector<InterpolationStep> out(static_cast<size_t>(steps));
    for (int i = 0; i < steps; ++i) {
        out[size_t(i)].t = double(i) / double(steps - 1);
        for (int p = 0; p < kLatentSteps; ++p) {
            const size_t at = size_t(p * kLatentDim);
            const std::vector<float> v = slerp(z.data() + at, z.data() + one + at, kLatentDim, out[size_t(i)].t);
            path.insert(path.end(), v.begin(), v.end());
        }
    }
    const std::vector<CodeSequence> codes = vqvae.quantise(path);
    std::vector<Roll> rolls = vqvae.decode(codes);
    for (Roll& r : rolls)
        keepBassMonophonic(r);
    const std::vector<double> scores = scoreRolls(detector, rolls);
    for (size_t i = 0; i < out.size(); ++i) {
        out[i].codes = codes[i];
        out[i].roll = rolls[i];
        out[i].loopScore = scores[i];
        out[i].fromA = differingFraction(rolls[i], a);
        out[i].fromB = differingFraction(rolls[i], b);
    }
    return out;
}

} // namespace lm::ml
