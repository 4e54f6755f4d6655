#include "VqVae.h"

#include "Trainer.h"
#include "VqVaeNet.h"

#include "core/model/LoopFormat.h"

namespace lm::ml {

bool startsPhrase(const Roll& roll)
{
    return !roll.empty() && (roll[0] & 1u) && ((roll[0] >> 6) & 1u); // row 0 kick, row 6 crash
}

torch::Tensor rollsToTensor(const std::vector<Roll>& rolls)
{
    torch::Tensor t = torch::zeros({int64_t(rolls.size()), format::kRows, format::kWindowSteps}, torch::kFloat32);
    float* p = t.data_ptr<float>();
    for (size_t i = 0; i < rolls.size(); ++i)
        for (int s = 0; s < format::kWindowSteps && s < int(rolls[i].size()); ++s)
            for (int r = 0; r < format::kRows; ++r)
                if ((rolls[i][size_t(s)] >> r) & 1u)
                    p[(i * format::kRows + size_t(r)) * format::kWindowSteps + size_t(s)] = 1.0f;
    return t;
}

std::vector<Roll> tensorToRolls(const torch::Tensor& probs)
{
    const torch::Tensor on = (probs >= 0.5).to(torch::kUInt8).contiguous();
    const uint8_t* p = on.data_ptr<uint8_t>();
    std::vector<Roll> out(size_t(on.size(0)), Roll(format::kWindowSteps, 0));
    for (size_t i = 0; i < out.size(); ++i)
        for (int r = 0; r < format::kRows; ++r)
            for (int s = 0; s < format::kWindowSteps; ++s)
                if (p[(i * format::kRows + size_t(r)) * format::kWindowSteps + size_t(s)])
                    out[i][size_t(s)] |= uint64_t(1) << r;
    return out;
}

void emaStep(torch::Tensor& codebook, torch::Tensor& emaSum, torch::Tensor& counts, const torch::Tensor& flat,
             const torch::Tensor& idx, double decay, double epsilon)
{
    torch::NoGradGuard noGrad;
    const int64_t k = codebook.size(0);
    const torch::Tensor onehot = torch::one_hot(idx, k).to(flat.dtype()); // N x K
    counts.mul_(decay).add_(onehot.sum(0), 1 - decay);
    emaSum.mul_(decay).add_(onehot.t().matmul(flat), 1 - decay);
    // Laplace smoothing of the counts keeps an unused code from dividing by zero.
    const torch::Tensor n = counts.sum();
    const torch::Tensor smoothed = (counts + epsilon) / (n + double(k) * epsilon) * n;
    codebook.copy_(emaSum / smoothed.unsqueeze(1));
    // Dead codes (EMA count under 1) restart from random encoder outputs of the batch.
    const torch::Tensor dead = (counts < 1.0).nonzero().reshape({-1});
    if (dead.numel() > 0 && flat.size(0) > 0) {
        const torch::Tensor pick = torch::randint(flat.size(0), {dead.numel()}, torch::kLong);
        const torch::Tensor fresh = flat.index_select(0, pick);
        codebook.index_copy_(0, dead, fresh);
        emaSum.index_copy_(0, dead, fresh);
        counts.index_fill_(0, dead, 1.0);
    }
}

void emaUpdate(CodebookState& s, const std::vector<float>& inputs, double decay, double epsilon, uint64_t seed)
{
    torch::manual_seed(seed);
    auto cb = torch::from_blob(s.codebook.data(), {s.codes, s.dim}).clone();
    auto sum = torch::from_blob(s.emaSum.data(), {s.codes, s.dim}).clone();
    auto counts = torch::from_blob(s.counts.data(), {s.codes}).clone();
    auto flat = torch::from_blob(const_cast<float*>(inputs.data()), {int64_t(inputs.size()) / s.dim, s.dim}).clone();
    const auto d = flat.pow(2).sum(1, true) - 2 * flat.matmul(cb.t()) + cb.pow(2).sum(1).unsqueeze(0);
    emaStep(cb, sum, counts, flat, d.argmin(1), decay, epsilon);
    std::copy(cb.data_ptr<float>(), cb.data_ptr<float>() + cb.numel(), s.codebook.begin());
    std::copy(sum.data_ptr<float>(), sum.data_ptr<float>() + sum.numel(), s.emaSum.begin());
    std::copy(counts.data_ptr<float>(), counts.data_ptr<float>() + counts.numel(), s.counts.begin());
}

struct VqVae::Impl {
    VqVaeSettings settings;
    VqVaeNet net{512};
    std::string data;
    int64_t loops = 0;
    explicit Impl(const VqVaeSettings& s) : settings(s), net(s.codes) {}
};

namespace {

QJsonObject settingsJson(const VqVaeSettings& s) { return settingsToJson(s, vqVaeSettingFields()); }
VqVaeSettings settingsFrom(const QJsonObject& o) { return settingsFromJson(o, vqVaeSettingFields()); }

double perplexityOf(const torch::Tensor& idx, int64_t k)
{
    const torch::Tensor p = torch::bincount(idx.reshape({-1}), {}, k).to(torch::kFloat64) / double(idx.numel());
    const torch::Tensor h = -(p * torch::log(p.clamp_min(1e-12))).sum();
    return std::exp(h.item<double>());
}

class VqVaeTask : public TrainTask {
public:
    VqVaeTask(VqVae::Impl& d, torch::Tensor data, uint64_t seed) : d_(d)
    {
        splitRows(data, d.settings.validationShare, seed, train_, val_);
        fingerprint_ = fingerprint(data);
        // The codebook starts from encoder outputs, not noise.
        torch::NoGradGuard noGrad;
        d.net->eval();
        const auto z = d.net->encode(train_.slice(0, 0, std::min<int64_t>(train_.size(0), 4096)))
                           .permute({0, 2, 1})
                           .reshape({-1, kLatentDim});
        const auto pick = torch::randint(z.size(0), {d.settings.codes}, torch::kLong);
        d.net->codebook.copy_(z.index_select(0, pick));
        d.net->emaSum.copy_(d.net->codebook);
        d.net->counts.fill_(1.0);
    }
    std::string kind() const override { return "vqvae"; }
    std::vector<Phase> phases() const override { return {{"vqvae", d_.settings.epochs}}; }
    torch::nn::Module& module() override { return *d_.net; }
    std::vector<torch::Tensor> parametersOf(int) override { return d_.net->parameters(); }
    int64_t trainSize() const override { return train_.size(0); }
    int64_t batchSize() const override { return d_.settings.batch; }
    double lr() const override { return d_.settings.lr; }
    double lrMin() const override { return d_.settings.lrMin; }
    double averageShare() const override { return d_.settings.averageShare; }
    bool lossIsMean() const override { return false; } // summed over the loops (method.md 5)
    double trainBatch(int, const torch::Tensor& rows) override
    {
        const torch::Tensor x = train_.index_select(0, rows);
        const int64_t b = x.size(0);
        const torch::Tensor ze = d_.net->encode(x);                      // B x 16 x 32
        const torch::Tensor flat = ze.permute({0, 2, 1}).reshape({-1, kLatentDim});
        const torch::Tensor idx = d_.net->nearest(flat.detach());
        // The codebook learns from the whole batch (every rank's part of it in a data-parallel run).
        emaStep(d_.net->codebook, d_.net->emaSum, d_.net->counts, batchRows(flat.detach()), batchRows(idx),
                d_.settings.decay, d_.settings.epsilon);
        const torch::Tensor zq = d_.net->lookup(idx.reshape({b, kLatentSteps}));
        const torch::Tensor st = ze + (zq - ze).detach(); // straight-through gradient
        const torch::Tensor xr = d_.net->decode(st);
        // Both losses summed and divided by the elements of one sample (method.md 5).
        const torch::Tensor bce = torch::binary_cross_entropy(xr, x, {}, torch::Reduction::Sum) / double(format::kRows * format::kWindowSteps);
        const torch::Tensor commit = (ze - zq.detach()).pow(2).sum() / double(kLatentDim * kLatentSteps);
        const torch::Tensor loss = bce + d_.settings.commitment * commit;
        loss.backward();
        return loss.item<double>() / double(b); // per loop, comparable across batch sizes
    }
    double validate(int, std::vector<std::pair<std::string, double>>& metrics) override
    {
        double bce = 0, wrong = 0;
        std::vector<torch::Tensor> codes;
        for (int64_t i = 0; i < val_.size(0); i += 1024) {
            const torch::Tensor x = val_.slice(0, i, std::min(val_.size(0), i + 1024));
            const torch::Tensor ze = d_.net->encode(x);
            const torch::Tensor idx = d_.net->nearest(ze.permute({0, 2, 1}).reshape({-1, kLatentDim}));
            codes.push_back(idx);
            const torch::Tensor xr = d_.net->decode(d_.net->lookup(idx.reshape({x.size(0), kLatentSteps})));
            bce += torch::binary_cross_entropy(xr, x, {}, torch::Reduction::Sum).item<double>() / double(format::kRows * format::kWindowSteps);
            wrong += ((xr >= 0.5).to(torch::kFloat32) != x).sum().item<double>();
        }
        metrics.emplace_back("hamming_error", wrong / double(val_.numel()));
        metrics.emplace_back("perplexity", perplexityOf(torch::cat(codes), d_.settings.codes));
        return bce / double(val_.size(0));
    }
    QJsonObject settings() const override { return settingsJson(d_.settings); }
    std::string dataFingerprint() const override { return fingerprint_; }

    torch::Tensor train_, val_;

private:
    VqVae::Impl& d_;
    std::string fingerprint_;
};

} // namespace

const SettingFields<VqVaeSettings>& vqVaeSettingFields()
{
    using S = VqVaeSettings;
    static const SettingFields<S> fields{
        {"codes", "codes", &S::codes, 2, 65536},
        {"epochs", "epochs", &S::epochs, 1, 100000},
        {"batch", "batch", &S::batch, 1, 1 << 20},
        {"lr", "", &S::lr},
        {"lr_min", "", &S::lrMin},
        {"validation_share", "", &S::validationShare},
        {"average_share", "", &S::averageShare},
        {"commitment", "", &S::commitment},
        {"decay", "", &S::decay},
        {"epsilon", "", &S::epsilon},
        {"training_set", "", &S::trainingSet},
    };
    return fields;
}

Result<VqVae> trainVqVae(const std::vector<Roll>& rolls, const VqVaeSettings& settings, const TrainOptions& options,
                         JobContext& job, TrainOutcome* outcomeOut)
{
    if (rolls.size() < 2)
        return Error{options.dir, -1, "the VQ-VAE needs at least 2 loops to train on (got " + std::to_string(rolls.size()) + ")"};
    if (settings.codes < 2)
        return Error{options.dir, -1, "the codebook needs at least 2 codes"};
    prepareTraining(options);
    auto d = std::make_shared<VqVae::Impl>(settings);
    d->loops = int64_t(rolls.size());
    VqVaeTask task(*d, rollsToTensor(rolls), options.seed);
    d->data = task.dataFingerprint();
    if (auto e = trainToEnd(task, options, job, outcomeOut))
        return *e;
    d->net->eval();
    VqVae model(d);
    if (auto s = options.distributed.writesFiles() ? model.save(options.dir) : Result<bool>(true); !s)
        return s.error();
    return model;
}

Result<bool> VqVae::save(const std::string& dir) const
{
    QJsonObject h;
    h["kind"] = "vqvae";
    h["settings"] = settingsJson(d_->settings);
    h["data"] = QString::fromStdString(d_->data);
    h["loops"] = double(d_->loops);
    h["parameters"] = double(parameterCount());
    return saveNetwork(dir + "/" + kFileName, *d_->net, h);
}

Result<VqVae> VqVae::load(const std::string& dir)
{
    const std::string path = dir + "/" + kFileName;
    auto file = readModelFile(path, "vqvae");
    if (!file)
        return file.error();
    const VqVaeSettings s = settingsFrom(file->header["settings"].toObject());
    if (const std::string bad = settingOutOfRange(s, vqVaeSettingFields()); !bad.empty())
        return Error{path, -1, "vqvae settings out of range: " + bad};
    auto d = std::make_shared<Impl>(s);
    d->data = file->header["data"].toString().toStdString();
    d->loops = int64_t(file->header["loops"].toDouble());
    if (auto r = loadNetwork(path, *file, *d->net); !r)
        return r.error();
    return VqVae(d);
}

std::vector<CodeSequence> VqVae::encode(const std::vector<Roll>& rolls) const
{
    torch::NoGradGuard noGrad;
    std::vector<CodeSequence> out;
    const torch::Tensor x = rollsToTensor(rolls);
    for (int64_t i = 0; i < x.size(0); i += 1024) {
        const torch::Tensor part = x.slice(0, i, std::min(x.size(0), i + 1024));
        const torch::Tensor idx = d_->net->nearest(d_->net->encode(part).permute({0, 2, 1}).reshape({-1, kLatentDim}))
                                      .reshape({part.size(0), kLatentSteps})
                                      .contiguous();
        const int64_t* p = idx.data_ptr<int64_t>();
        for (int64_t r = 0; r < part.size(0); ++r) {
            CodeSequence c{};
            for (int t = 0; t < kLatentSteps; ++t)
                c[size_t(t)] = int(p[r * kLatentSteps + t]);
            out.push_back(c);
        }
    }
    return out;
}

std::vector<Roll> VqVae::decode(const std::vector<CodeSequence>& codes) const
{
    torch::NoGradGuard noGrad;
    if (codes.empty())
        return {};
    torch::Tensor idx = torch::empty({int64_t(codes.size()), kLatentSteps}, torch::kLong);
    for (size_t i = 0; i < codes.size(); ++i)
        for (int t = 0; t < kLatentSteps; ++t)
            idx[int64_t(i)][t] = std::clamp<int64_t>(codes[i][size_t(t)], 0, d_->settings.codes - 1);
    return tensorToRolls(d_->net->decode(d_->net->lookup(idx)));
}

std::vector<float> VqVae::encodeLatents(const std::vector<Roll>& rolls) const
{
    torch::NoGradGuard noGrad;
    std::vector<float> out;
    out.reserve(rolls.size() * kLatentSteps * kLatentDim);
    const torch::Tensor x = rollsToTensor(rolls);
    for (int64_t i = 0; i < x.size(0); i += 1024) {
        const torch::Tensor z = d_->net->encode(x.slice(0, i, std::min(x.size(0), i + 1024))).permute({0, 2, 1}).contiguous();
        out.insert(out.end(), z.data_ptr<float>(), z.data_ptr<float>() + z.numel());
    }
    return out;
}

std::vector<CodeSequence> VqVae::quantise(const std::vector<float>& latents) const
{
    torch::NoGradGuard noGrad;
    const int64_t n = int64_t(latents.size()) / (kLatentSteps * kLatentDim);
    std::vector<CodeSequence> out(static_cast<size_t>(n));
    if (n == 0)
        return out;
    const torch::Tensor flat = torch::from_blob(const_cast<float*>(latents.data()), {n * kLatentSteps, kLatentDim});
    const torch::Tensor idx = d_->net->nearest(flat).contiguous();
    const int64_t* p = idx.data_ptr<int64_t>();
    for (int64_t r = 0; r < n; ++r)
        for (int t = 0; t < kLatentSteps; ++t)
            out[size_t(r)][size_t(t)] = int(p[r * kLatentSteps + t]);
    return out;
}

std::vector<float> VqVae::codebook() const
{
    const torch::Tensor c = d_->net->codebook.contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

VqVaeReport VqVae::evaluate(const std::vector<Roll>& rolls) const
{
    VqVaeReport r;
    if (rolls.empty())
        return r;
    const auto codes = encode(rolls);
    const auto back = decode(codes);
    int64_t wrong = 0;
    torch::Tensor idx = torch::empty({int64_t(codes.size()) * kLatentSteps}, torch::kLong);
    for (size_t i = 0; i < rolls.size(); ++i) {
        for (size_t s = 0; s < size_t(format::kWindowSteps); ++s)
            wrong += __builtin_popcountll((s < rolls[i].size() ? rolls[i][s] : 0) ^ back[i][s]);
        for (int t = 0; t < kLatentSteps; ++t)
            idx[int64_t(i) * kLatentSteps + t] = codes[i][size_t(t)];
    }
    r.hammingError = double(wrong) / double(rolls.size() * format::kRows * format::kWindowSteps);
    r.perplexity = perplexityOf(idx, d_->settings.codes);
    return r;
}

const VqVaeSettings& VqVae::settings() const { return d_->settings; }
int64_t VqVae::parameterCount() const { return lm::ml::parameterCount(*d_->net); }

} // namespace lm::ml
