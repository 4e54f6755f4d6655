// BatchNorm over the whole batch of every rank, and the batch's rows of every
// rank (Distributed.h). One process with batch B normalises each channel with
// the mean and variance of all B rows; W ranks with B / W rows each must do
// the same, or their models differ from it (and from one another's running
// statistics). Forward: the channel sums and sums of squares of every rank,
// added up (one all-reduce); backward: the sums of dy and dy * x-hat, added
// up likewise. The weight and bias gradients stay the rank's own: the trainer
// adds them up over the ranks with the others.
#include "Distributed.h"

namespace lm::ml {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

const std::vector<int64_t> kDims{0, 2}; // N x C x L: statistics over N and L

torch::Tensor perChannel(const torch::Tensor& t) { return t.view({1, -1, 1}); }

struct SyncBatchNormFn : torch::autograd::Function<SyncBatchNormFn> {
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& weight,
                                 const torch::Tensor& bias, const torch::Tensor& mean, const torch::Tensor& invstd,
                                 double count)
    {
        const torch::Tensor xhat = (x - perChannel(mean)) * perChannel(invstd);
        ctx->save_for_backward({xhat, invstd, weight});
        ctx->saved_data["count"] = count;
        return xhat * perChannel(weight) + perChannel(bias);
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor &xhat = saved[0], &invstd = saved[1], &weight = saved[2];
        const double count = ctx->saved_data["count"].toDouble();
        const torch::Tensor dy = grads[0].contiguous();
        const int64_t c = xhat.size(1);
        const torch::Tensor dbias = dy.sum(kDims), dweight = (dy * xhat).sum(kDims);
        torch::Tensor sums = torch::cat({dbias, dweight}).to(torch::kFloat64);
        currentDataParallel()->allreduceSum(sums);
        const torch::Tensor sumDy = sums.slice(0, 0, c).to(dy.dtype()), sumDyXhat = sums.slice(0, c).to(dy.dtype());
        const torch::Tensor dx = perChannel(weight * invstd / count)
            * (dy * count - perChannel(sumDy) - xhat * perChannel(sumDyXhat));
        return {dx, dweight, dbias, torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

torch::Tensor batchNorm(torch::nn::BatchNorm1d& bn, const torch::Tensor& x)
{
    DataParallel* group = currentDataParallel();
    if (!group || !bn->is_training())
        return bn(x);
    const int64_t c = x.size(1);
    torch::Tensor mean, invstd;
    double count = 0;
    {
        torch::NoGradGuard noGrad;
        const torch::Tensor xd = x.detach().to(torch::kFloat64);
        torch::Tensor stats = torch::cat({xd.sum(kDims), xd.pow(2).sum(kDims),
                                          torch::full({1}, double(x.size(0) * x.size(2)), torch::kFloat64)});
        group->allreduceSum(stats);
        count = stats[2 * c].item<double>();
        const torch::Tensor m = stats.slice(0, 0, c) / count;
        const torch::Tensor var = (stats.slice(0, c, 2 * c) / count - m * m).clamp_min(0);
        // The running statistics as BatchNorm keeps them: the unbiased variance, momentum 0.1.
        const double momentum = bn->options.momentum().value_or(0.1);
        bn->running_mean.mul_(1 - momentum).add_(m.to(x.dtype()), momentum);
        bn->running_var.mul_(1 - momentum).add_((var * (count / std::max(1.0, count - 1))).to(x.dtype()), momentum);
        bn->num_batches_tracked.add_(1);
        mean = m.to(x.dtype());
        invstd = (var + bn->options.eps()).rsqrt().to(x.dtype());
    }
    return SyncBatchNormFn::apply(x, bn->weight, bn->bias, mean, invstd, count);
}

torch::Tensor batchRows(const torch::Tensor& local)
{
    DataParallel* group = currentDataParallel();
    return group ? group->gatherRows(local.contiguous()) : local;
}

} // namespace lm::ml
