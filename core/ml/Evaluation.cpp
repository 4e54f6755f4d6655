#include "Evaluation.h"

#include "VqVaeNet.h"

#include "core/analysis/Windows.h"

#include <random>

namespace lm::ml {

SetMeasures measureSet(const LoopDetector& detector, const std::vector<Roll>& rolls)
{
    SetMeasures m;
    m.loops = int64_t(rolls.size());
    if (rolls.empty())
        return m;
    const auto scores = scoreRolls(detector, rolls);
    for (size_t i = 0; i < rolls.size(); ++i) {
        double density = 0, unique = 0;
        loopMetrics(rolls[i].data(), density, unique);
        m.loopScore += scores[i];
        m.noteDensity += density;
        m.uniquePitch += unique;
        double sum = 0;
        for (double c : windowCorrelation(rolls[i], 0))
            sum += c;
        m.barCorrelation += sum / double(format::kCorrelationPairs);
    }
    m.loopScore /= double(rolls.size());
    m.noteDensity /= double(rolls.size());
    m.uniquePitch /= double(rolls.size());
    m.barCorrelation /= double(rolls.size());
    return m;
}

namespace {

// block(57->8, k3, stride 2), block(8->8, k3, stride 4), flatten, linear 128 -> 128.
struct EmbedNetImpl : torch::nn::Module {
    Block b1{nullptr}, b2{nullptr};
    torch::nn::Linear fc{nullptr};
    EmbedNetImpl()
    {
        b1 = register_module("b1", Block(57, 8, 2));
        b2 = register_module("b2", Block(8, 8, 4));
        fc = register_module("fc", torch::nn::Linear(128, 128));
    }
    torch::Tensor forward(const torch::Tensor& x) { return fc(b2(b1(x)).flatten(1)); }
};
TORCH_MODULE(EmbedNet);

torch::Tensor toTensor(const std::vector<std::vector<float>>& rows)
{
    const int64_t d = rows.empty() ? 0 : int64_t(rows[0].size());
    torch::Tensor t = torch::empty({int64_t(rows.size()), d});
    for (size_t i = 0; i < rows.size(); ++i)
        std::copy(rows[i].begin(), rows[i].end(), t.data_ptr<float>() + int64_t(i) * d);
    return t;
}

// Distance of each row to its k-th nearest other row.
torch::Tensor kthRadii(const torch::Tensor& x, int k)
{
    const torch::Tensor d = torch::cdist(x, x);
    const int64_t kk = std::min<int64_t>(k + 1, x.size(0)); // the row itself is at distance 0
    return std::get<0>(d.topk(kk, 1, false)).select(1, kk - 1);
}

Prdc prdcTensors(const torch::Tensor& real, const torch::Tensor& fake, int k)
{
    Prdc r;
    const torch::Tensor rr = kthRadii(real, k), fr = kthRadii(fake, k);
    const torch::Tensor d = torch::cdist(real, fake); // N x M
    const torch::Tensor inReal = d <= rr.unsqueeze(1);   // fake j inside real i's ball
    r.precision = inReal.any(0).to(torch::kFloat64).mean().item<double>();
    r.recall = (d <= fr.unsqueeze(0)).any(1).to(torch::kFloat64).mean().item<double>();
    r.density = inReal.to(torch::kFloat64).sum().item<double>() / (double(k) * double(fake.size(0)));
    r.coverage = (std::get<0>(d.min(1)) <= rr).to(torch::kFloat64).mean().item<double>();
    return r;
}

MeanSd meanSd(const std::vector<double>& v)
{
    MeanSd m;
    if (v.empty())
        return m;
    for (double x : v)
        m.mean += x;
    m.mean /= double(v.size());
    for (double x : v)
        m.sd += (x - m.mean) * (x - m.mean);
    m.sd = std::sqrt(m.sd / double(v.size()));
    return m;
}

} // namespace

Prdc prdc(const std::vector<std::vector<float>>& real, const std::vector<std::vector<float>>& fake, int k)
{
    torch::NoGradGuard noGrad;
    return prdcTensors(toTensor(real), toTensor(fake), k);
}

PrdcResult evaluatePrdc(const std::vector<Roll>& real, const std::vector<Roll>& fake, int repeats, int64_t subset, int k,
                        uint64_t seed, JobContext* job)
{
    torch::NoGradGuard noGrad;
    PrdcResult out;
    out.repeats = repeats;
    out.subset = std::min<int64_t>({subset, int64_t(real.size()), int64_t(fake.size())});
    if (out.subset <= k)
        return out;
    const torch::Tensor realAll = rollsToTensor(real), fakeAll = rollsToTensor(fake);
    std::vector<double> p, r, d, c;
    for (int rep = 0; rep < repeats; ++rep) {
        if (job && !job->checkpoint()) {
            out.repeats = rep; // what was measured before the stop
            break;
        }
        torch::manual_seed(seed * 1009ull + uint64_t(rep));
        EmbedNet net; // a new random CNN each repeat, the same for both sets
        net->eval();
        const torch::Tensor ri = torch::randperm(realAll.size(0), torch::kLong).slice(0, 0, out.subset);
        const torch::Tensor fi = torch::randperm(fakeAll.size(0), torch::kLong).slice(0, 0, out.subset);
        const Prdc one = prdcTensors(net->forward(realAll.index_select(0, ri)), net->forward(fakeAll.index_select(0, fi)), k);
        p.push_back(one.precision);
        r.push_back(one.recall);
        d.push_back(one.density);
        c.push_back(one.coverage);
        if (job)
            job->report(rep + 1, repeats, "PRDC repeat");
    }
    out.precision = meanSd(p);
    out.recall = meanSd(r);
    out.density = meanSd(d);
    out.coverage = meanSd(c);
    return out;
}

} // namespace lm::ml
