// The models of a build with LibTorch (core/ml).
#include "Models.h"

#include "ModelTraining.h"
#include "Scoring.h"

#include "core/ml/CnnVae.h"
#include "core/ml/Generator.h"

namespace lm {

namespace {

class TorchModels final : public Models {
public:
    bool available() const override { return true; }
    std::string reason() const override { return {}; }
    Result<ScoringSummary> scoreLibrary(LibraryDb& db, const std::string& modelDir, JobContext& job) const override
    {
        job.report(0, 0, "loading " + modelDir);
        auto detector = ml::LoopDetector::load(modelDir);
        if (!detector)
            return detector.error();
        if (job.cancelled())
            return Error{modelDir, -1, "cancelled"};
        job.report(0, 0, "scoring");
        auto scored = lm::scoreLibrary(db, *detector, modelDir, &job);
        if (!scored)
            return scored.error();
        return ScoringSummary{scored->windows, scored->underThreshold, detector->threshold()};
    }
    Result<GenerationOutcome> generate(const std::string& modelDir, const GenerationSettings& s, JobContext& job) const override
    {
        job.report(0, s.count, "loading " + modelDir);
        auto model = ml::LoopModel::load(modelDir);
        if (!model)
            return model.error();
        ml::GenerateSettings g;
        g.count = s.count;
        g.sampling.temperature = s.temperature;
        g.sampling.topK = s.topK;
        g.sampling.topP = s.topK > 0 ? 0.0 : s.topP;
        g.maxScore = s.maxScore;
        g.seed = s.seed;
        g.maxDrawn = s.maxDrawn;
        return outcomeOf(ml::generateLoops(*model, g, job), model->detector.threshold());
    }
    // The CNN-VAE baseline of the folder: N(0, I) draws, the same rejection with the folder's detector.
    Result<GenerationOutcome> generateBaseline(const std::string& modelDir, const GenerationSettings& s,
                                               JobContext& job) const override
    {
        job.report(0, s.count, "loading " + modelDir);
        auto model = ml::CnnVaeModel::load(modelDir);
        if (!model)
            return model.error();
        ml::GenerateSettings g;
        g.count = s.count;
        g.maxScore = s.maxScore;
        g.seed = s.seed;
        g.maxDrawn = s.maxDrawn;
        return outcomeOf(ml::generateCnnVaeLoops(model->detector, model->cnnvae, g, job), model->detector.threshold());
    }
    static Result<GenerationOutcome> outcomeOf(const Result<ml::GenerateResult>& r, double threshold)
    {
        if (!r)
            return r.error();
        GenerationOutcome out;
        for (const ml::GeneratedLoop& l : r->loops)
            out.loops.push_back(GeneratedLoop{std::vector<uint64_t>(l.steps.begin(), l.steps.end()), l.score, l.noteDensity,
                                              l.uniquePitch});
        out.drawn = r->drawn;
        out.tooSparse = r->tooSparse;
        out.emptyLastBar = r->emptyLastBar;
        out.detectorThreshold = threshold;
        out.seconds = r->seconds;
        out.cancelled = r->cancelled;
        return out;
    }
    Result<TrainResult> train(LibraryDb& db, const TrainRequest& request, JobContext& job) const override
    {
        return trainModels(db, request, job);
    }
    Result<EvaluationTable> evaluate(LibraryDb& db, const std::string& modelDir, int count, int repeats,
                                     JobContext& job) const override
    {
        return evaluateModel(db, modelDir, count, repeats, job);
    }
};

} // namespace

const Models& models()
{
    static const TorchModels instance;
    return instance;
}

} // namespace lm
