#pragma once
// The model commands (train, score, generate, evaluate), one file each, built
// into the module loopminer-cli-models that loopminer-cli loads only when one
// of them runs: the analysis commands start without loading LibTorch.
#include "CliCommon.h"
#include "ProgressLine.h"

#include "core/base/JsonWriter.h"
#include "core/library/LibraryDb.h"
#include "core/library/LoopSet.h"
#include "core/ml/Generator.h"
#include "core/ml/Training.h"

#include <memory>
#include <string>

namespace lm::cli {

int runTrain(int argc, char** argv);
int runScore(int argc, char** argv);
int runGenerate(int argc, char** argv);
int runEvaluate(int argc, char** argv);
int runInterpolate(int argc, char** argv); // InterpolateCommand.cpp (latent space)
int runSimilar(int argc, char** argv);     // SimilarCommand.cpp
int runMap(int argc, char** argv);         // MapCommand.cpp
// evaluate's "novelty": exact and near copies of training loops (NoveltyReport.cpp).
void writeNovelty(JsonWriter& j, const std::string& modelDir, const ml::LoopModel& model,
                  const std::vector<ml::Roll>& training, const ml::GenerateResult& generated);

// Shared by the model commands (ModelCommon.cpp).
Result<std::unique_ptr<LibraryDb>> openLibrary(const Args& args); // --db, which must exist
// The loops the VQ-VAE and the prior learn from (--phrase-starts).
Result<LoopSet> trainingLoops(LibraryDb& db, const Args& args);
// --seed, --threads and --resume.
bool trainOptions(const Args& args, const std::string& out, ml::TrainOptions& o);
// --world-size, --rank, --master, --dist-timeout (DistributedArgs.cpp).
bool distributedOptions(const Args& args, ml::DistributedOptions& o);
extern const std::vector<std::string> kDistributedOptions;
// The training's reports (the job's TrainProgress payloads) on the progress line.
JobContext::ProgressFn trainProgress(ProgressLine& line);
void writeOutcome(JsonWriter& j, const ml::TrainOutcome& o);
// --temperature, --top-k | --top-p, --max-score, --seed.
bool samplingOptions(const Args& args, ml::GenerateSettings& s);
extern const std::vector<std::string> kSamplingOptions;
// --threads (default: every core) for LibTorch.
bool useTorchThreads(const Args& args);
double secondsSince(std::chrono::steady_clock::time_point start);

} // namespace lm::cli
