#pragma once
// Internal to core/ml (.cpp files only): data-parallel training with
// LibTorch's own torch.distributed (c10d): a TCPStore at the master for the
// rendezvous, the Gloo backend over TCP for the exchanges. Every rank holds
// the whole data set and the same model; each trains on its contiguous part
// of every batch (the batch is the user's, split over the ranks), and the
// gradients are added up over the ranks, so all take the same step. The
// VQ-VAE's BatchNorm and EMA codebook see the whole batch of every rank
// (batchNorm, batchRows below), so the training is the single process's.
#include "DistributedOptions.h"
#include "TorchSupport.h"

#include "core/base/Result.h"

#include <QJsonObject>

#include <memory>
#include <optional>

namespace lm::ml {

class TrainTask;

class DataParallel {
public:
    // Meets the other ranks at the master (options.timeoutSeconds at most);
    // `agreement` (model, settings, data, seed) must be the same on every rank.
    static Result<std::unique_ptr<DataParallel>> connect(const DistributedOptions& options, const QJsonObject& agreement);
    ~DataParallel();

    int rank() const;
    int worldSize() const;
    // Batches of an epoch of n rows: a last batch with fewer rows than ranks is left out.
    int64_t batchesOf(int64_t n, int64_t batch) const;
    // Every rank starts from epoch `epoch` (an error naming the ranks when
    // not) and from rank 0's weights and buffers.
    std::optional<Error> startTogether(int epoch, torch::nn::Module& module);
    // Forward and backward on this rank's part of `rows`, then the gradients
    // of `params` and the loss combined over the ranks: an error when a rank
    // is lost (`when` says where: "epoch 2, batch 3").
    std::optional<Error> trainBatch(TrainTask& task, int phase, const torch::Tensor& rows,
                                    const std::vector<torch::Tensor>& params, double& loss, const std::string& when);

    // Exchanges inside a batch (they throw when a rank is lost): the sum over
    // the ranks in place, and every rank's rows of the batch in batch order.
    void allreduceSum(torch::Tensor& t);
    torch::Tensor gatherRows(const torch::Tensor& local);

    struct Impl;

private:
    DataParallel();
    std::unique_ptr<Impl> d_;
};

// The group of the training that runs now, while a scope holds it; null alone.
DataParallel* currentDataParallel();
class DataParallelScope {
public:
    explicit DataParallelScope(DataParallel* group);
    ~DataParallelScope();
    DataParallelScope(const DataParallelScope&) = delete;
    DataParallelScope& operator=(const DataParallelScope&) = delete;
};

// BatchNorm1d that, while a data-parallel training runs, normalises with the
// statistics of the whole batch of every rank (synchronised BatchNorm,
// forward and backward) and updates the running statistics from them; the
// module's own forward otherwise (alone, or in eval mode).
torch::Tensor batchNorm(torch::nn::BatchNorm1d& bn, const torch::Tensor& x);
// Every rank's rows of this batch in batch order while a data-parallel
// training runs; `local` itself otherwise.
torch::Tensor batchRows(const torch::Tensor& local);

} // namespace lm::ml
