// The models of a build with LibTorch (core/ml).
#include "Models.h"

#include "ModelTraining.h"
#include "Scoring.h"

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
