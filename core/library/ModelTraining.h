#pragma once
// The app's training (Models::train in a build with LibTorch): the request's
// networks in order into a model folder of the store, on the loops it names,
// with each network's settings and metrics written to model.json.
#include "core/library/Models.h"

namespace lm {

Result<TrainResult> trainModels(LibraryDb& db, const TrainRequest& request, JobContext& job);
// Models::evaluate: generation with the model's defaults, then method.md 8's measures.
Result<EvaluationTable> evaluateModel(LibraryDb& db, const std::string& modelDir, int count, int repeats, JobContext& job);

} // namespace lm
