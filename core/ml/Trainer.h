#pragma once
// Internal to core/ml: the one training loop for every network. A task says
// what its phases, parameters, batches and measures are; the loop does the
// rest the same way for all: AdamW, cosine annealing per phase, seeded
// shuffling per epoch (so a resumed run repeats an uninterrupted one), weight
// averaging over the last share of epochs, progress with ETA, Cancel, and a
// checkpoint after every epoch written to a temp file and renamed.
#include "Training.h"
#include "TorchSupport.h"

#include "core/base/JobContext.h"

#include <QJsonObject>

#include <optional>

namespace lm::ml {

struct Phase {
    std::string name;
    int epochs = 0;
};

class TrainTask {
public:
    virtual ~TrainTask() = default;
    virtual std::string kind() const = 0;
    virtual std::vector<Phase> phases() const = 0;
    virtual torch::nn::Module& module() = 0;
    virtual std::vector<torch::Tensor> parametersOf(int phase) = 0;
    virtual void beginPhase(int /*phase*/) {}
    virtual int64_t trainSize() const = 0;
    virtual int64_t batchSize() const = 0;
    virtual double lr() const = 0;
    virtual double lrMin() const = 0;
    virtual double averageShare() const { return 0.0; } // weight averaging over this last share of epochs
    // Forward + backward on these training rows; returns the batch loss.
    virtual double trainBatch(int phase, const torch::Tensor& rows) = 0;
    // Whether that loss is a mean over the rows (false: a sum over them, as
    // the VQ-VAE's): how a data-parallel run adds up the ranks' gradients.
    virtual bool lossIsMean() const { return true; }
    // Validation loss and measures after an epoch (eval mode, no grad).
    virtual double validate(int phase, std::vector<std::pair<std::string, double>>& metrics) = 0;
    virtual QJsonObject settings() const = 0;   // what shapes the network and its training
    virtual std::string dataFingerprint() const = 0;
    virtual void saveExtra(torch::serialize::OutputArchive&) {}  // e.g. the SVDD centre
    virtual void loadExtra(torch::serialize::InputArchive&) {}
};

// What differs between a checkpoint's settings and this run's, one clause per
// setting: "batch size differs: checkpoint 64, now 128; codes differs: ...";
// empty when they are the same.
std::string settingsDifference(const QJsonObject& checkpoint, const QJsonObject& now);

// Runs (or resumes) training; writes dir/<kind>.ckpt every epoch and, at the
// end, dir/<kind>.lmm (the averaged weights, the header marked complete).
Result<TrainOutcome> runTraining(TrainTask& task, const TrainOptions& options, JobContext& job);

// Applies the options' thread count and seeds LibTorch: call before building
// the network, so that its initial weights follow the seed.
void prepareTraining(const TrainOptions& options);

// Runs the training to its end: an error, or "cancelled", when it did not get
// there; nothing when it did. `out` (when given) gets the outcome either way.
std::optional<Error> trainToEnd(TrainTask& task, const TrainOptions& options, JobContext& job, TrainOutcome* out);

} // namespace lm::ml
