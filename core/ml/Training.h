#pragma once
// What every training job takes and reports (plain types; no Torch).
#include "DistributedOptions.h"

#include "core/base/JobContext.h"

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace lm::ml {

struct TrainProgress {
    std::string model;        // "detector", "vqvae", "prior"
    std::string phase;        // e.g. "autoencoder", "svdd"
    int epoch = 0;            // 1-based, over all phases
    int epochs = 0;
    int64_t batch = 0;        // 1-based within the epoch
    int64_t batches = 0;
    double loss = 0;          // running mean over the epoch so far
    double valLoss = 0;       // at the end of an epoch
    double lr = 0;
    double seconds = 0;       // since this run started
    double etaSeconds = 0;
    bool epochEnd = false;
    std::vector<std::pair<std::string, double>> metrics; // epoch end: per-model measures
};

struct TrainOptions {
    std::string dir;          // the model folder: checkpoints and final files go here
    bool resume = false;      // go on from dir's checkpoint (same data and settings)
    uint64_t seed = 1;
    int threads = 0;          // 0: every core; 1 for exact reproducibility
    DistributedOptions distributed; // data-parallel over several processes (world size 1: alone)
};
// Progress reaches the caller through the JobContext the training takes: each
// report's payload is a TrainProgress (every batch, and each epoch's end).

struct TrainOutcome {
    int startEpoch = 0;       // 0, or the epoch a resume started from
    int epochs = 0;
    bool cancelled = false;   // the last checkpoint stands; --resume goes on
    std::vector<TrainProgress> history; // one entry per finished epoch (resumed ones included)
};

// A JobContext progress function that passes on the training's reports.
JobContext::ProgressFn onTrainProgress(std::function<void(const TrainProgress&)> fn);

} // namespace lm::ml
