#include "Generator.h"

#include "core/analysis/Windows.h"
#include "core/model/RollToMidi.h"

#include <chrono>

namespace lm::ml {

Result<LoopModel> LoopModel::load(const std::string& dir)
{
    auto d = LoopDetector::load(dir);
    if (!d)
        return d.error();
    auto v = VqVae::load(dir);
    if (!v)
        return v.error();
    auto p = CodePrior::load(dir);
    if (!p)
        return p.error();
    if (p->settings().codes != v->settings().codes)
        return Error{dir, -1, "the prior (" + std::to_string(p->settings().codes) + " codes) and the VQ-VAE ("
                                  + std::to_string(v->settings().codes) + " codes) do not belong together"};
    return LoopModel{*d, *v, *p};
}

std::vector<double> scoreRolls(const LoopDetector& detector, const std::vector<Roll>& rolls)
{
    std::vector<WindowCorrelation> corr;
    corr.reserve(rolls.size());
    for (const Roll& r : rolls)
        corr.push_back(windowCorrelation(r, 0));
    return detector.score(corr);
}

Rejection rejectDecoded(const Roll& roll, double score, double maxScore)
{
    if (!(score < maxScore))
        return Rejection::Score;
    // The rule mined windows meet (method.md 2): an empty or near-empty roll
    // correlates perfectly with itself bar by bar, but it is no loop.
    int64_t drums = 0, bass = 0;
    for (uint64_t m : roll) {
        drums += __builtin_popcountll(m & ((uint64_t(1) << format::kDrumRows) - 1));
        bass += __builtin_popcountll(m >> format::kDrumRows);
    }
    if (drums < format::kMinCellsPerPart || bass < format::kMinCellsPerPart)
        return Rejection::TooSparse;
    // Its MIDI file ends on the bar line after bar 8, which makes it one 8-bar
    // window (method.md 2) only when a note reaches bar 8: with bar 8 empty the
    // file reads back as 7 bars and no window, so such a roll is no 8-bar loop.
    if (lastBarEmpty(roll))
        return Rejection::EmptyLastBar;
    return Rejection::Kept;
}

Result<GenerateResult> generateLoops(const LoopModel& model, const GenerateSettings& s, JobContext& job)
{
    return generateFrom(
        model.detector,
        [&](int n, uint64_t round) -> Result<Draws> {
            auto codes = model.prior.sample(n, s.sampling, s.seed * 7919ull + round);
            if (!codes)
                return codes.error();
            return Draws{model.vqvae.decode(*codes), *codes};
        },
        s, job);
}

Result<GenerateResult> generateFrom(const LoopDetector& detector, const DrawFn& draw, const GenerateSettings& s,
                                    JobContext& job)
{
    const auto start = std::chrono::steady_clock::now();
    GenerateResult result;
    const int64_t maxDrawn = s.maxDrawn > 0 ? s.maxDrawn : int64_t(std::max(1, s.count)) * 500;
    uint64_t round = 0;
    while (int(result.loops.size()) < s.count && result.drawn < maxDrawn) {
        if (job.cancelled()) {
            result.cancelled = true;
            break;
        }
        const int n = int(std::min<int64_t>(s.batch, maxDrawn - result.drawn));
        auto drawn = draw(n, round++);
        if (!drawn)
            return drawn.error();
        std::vector<Roll>& rolls = drawn->rolls;
        // The roll's bass is monophonic (method.md 1): of several bass cells the
        // decoder turns on at one step, keep the lowest, as the reader does.
        for (Roll& r : rolls)
            for (uint64_t& m : r) {
                const uint64_t drums = m & ((uint64_t(1) << format::kDrumRows) - 1);
                uint64_t bass = m >> format::kDrumRows;
                bass &= (~bass + 1);
                m = drums | (bass << format::kDrumRows);
            }
        const std::vector<double> scores = scoreRolls(detector, rolls);
        result.drawn += n;
        result.drawnScores.insert(result.drawnScores.end(), scores.begin(), scores.end());
        for (size_t i = 0; i < rolls.size() && int(result.loops.size()) < s.count; ++i) {
            const Rejection why = rejectDecoded(rolls[i], scores[i], s.maxScore);
            result.tooSparse += why == Rejection::TooSparse;
            result.emptyLastBar += why == Rejection::EmptyLastBar;
            if (why != Rejection::Kept)
                continue;
            GeneratedLoop g;
            g.steps = rolls[i];
            if (i < drawn->codes.size())
                g.codes = drawn->codes[i];
            g.score = scores[i];
            loopMetrics(g.steps.data(), g.noteDensity, g.uniquePitch);
            result.loops.push_back(std::move(g));
        }
        job.report(int64_t(result.loops.size()), s.count,
                   "kept " + std::to_string(result.loops.size()) + " of " + std::to_string(result.drawn) + " drawn");
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace lm::ml
