// The models of a build without LibTorch (LOOPMINER_WITH_TORCH=OFF): every
// model action says why it cannot run.
#include "Models.h"

namespace lm {

namespace {

class NoModels final : public Models {
public:
    bool available() const override { return false; }
    std::string reason() const override { return "this build has no LibTorch (LOOPMINER_WITH_TORCH=OFF)"; }
    Result<ScoringSummary> scoreLibrary(LibraryDb&, const std::string& modelDir, JobContext&) const override
    {
        return Error{modelDir, -1, reason()};
    }
    Result<GenerationOutcome> generate(const std::string& modelDir, const GenerationSettings&, JobContext&) const override
    {
        return Error{modelDir, -1, reason()};
    }
    Result<TrainResult> train(LibraryDb&, const TrainRequest& request, JobContext&) const override
    {
        return Error{request.modelDir, -1, reason()};
    }
    Result<EvaluationTable> evaluate(LibraryDb&, const std::string& modelDir, int, int, JobContext&) const override
    {
        return Error{modelDir, -1, reason()};
    }
};

} // namespace

const Models& models()
{
    static const NoModels instance;
    return instance;
}

} // namespace lm
