#include "CodePrior.h"

#include "Trainer.h"

#include <QJsonArray>

#include <numeric>
#include <random>

namespace lm::ml {

namespace {

struct PriorNetImpl : torch::nn::Module {
    torch::nn::Embedding embed{nullptr};
    torch::nn::LSTM lstm{nullptr};
    torch::nn::Linear out{nullptr};
    explicit PriorNetImpl(const PriorSettings& s)
    {
        embed = register_module("embed", torch::nn::Embedding(s.codes, s.embedding));
        lstm = register_module("lstm", torch::nn::LSTM(torch::nn::LSTMOptions(s.embedding, s.hidden).num_layers(s.layers).batch_first(true)));
        out = register_module("out", torch::nn::Linear(s.hidden, s.codes));
    }
    // B x T codes -> B x T x K logits of the next code.
    torch::Tensor forward(const torch::Tensor& codes) { return out(std::get<0>(lstm(embed(codes)))); }
};
TORCH_MODULE(PriorNet);

QJsonObject settingsJson(const PriorSettings& s) { return settingsToJson(s, priorSettingFields()); }
PriorSettings settingsFrom(const QJsonObject& o) { return settingsFromJson(o, priorSettingFields()); }

torch::Tensor codesToTensor(const std::vector<CodeSequence>& codes)
{
    torch::Tensor t = torch::empty({int64_t(codes.size()), kLatentSteps}, torch::kLong);
    int64_t* p = t.data_ptr<int64_t>();
    for (size_t i = 0; i < codes.size(); ++i)
        for (int j = 0; j < kLatentSteps; ++j)
            p[i * kLatentSteps + size_t(j)] = codes[i][size_t(j)];
    return t;
}

} // namespace

const SettingFields<PriorSettings>& priorSettingFields()
{
    using S = PriorSettings;
    static const SettingFields<S> fields{
        {"codes", "", &S::codes, 2, 65536}, // from the VQ-VAE
        {"embedding", "", &S::embedding, 1, 8192},
        {"layers", "layers", &S::layers, 1, 16},
        {"hidden", "hidden", &S::hidden, 1, 8192},
        {"epochs", "epochs", &S::epochs, 1, 100000},
        {"batch", "batch", &S::batch, 1, 1 << 20},
        {"lr", "", &S::lr},
        {"lr_min", "", &S::lrMin},
        {"validation_share", "", &S::validationShare},
    };
    return fields;
}

std::vector<float> filterLogits(std::vector<float> logits, int topK, double topP)
{
    const float ninf = -std::numeric_limits<float>::infinity();
    if (topK > 0 && topK < int(logits.size())) {
        std::vector<float> sorted = logits;
        std::nth_element(sorted.begin(), sorted.begin() + (topK - 1), sorted.end(), std::greater<float>());
        const float kth = sorted[size_t(topK - 1)];
        int kept = 0;
        // Ties at the k-th value: keep the first ones in index order, exactly k in all.
        int above = 0;
        for (float v : logits)
            above += v > kth;
        int tiesLeft = topK - above;
        for (float& v : logits) {
            if (v > kth) {
                ++kept;
            } else if (v == kth && tiesLeft > 0) {
                --tiesLeft;
                ++kept;
            } else {
                v = ninf;
            }
        }
    } else if (topP > 0 && topP < 1) {
        std::vector<size_t> order(logits.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return logits[a] > logits[b]; });
        const float mx = logits[order[0]];
        double total = 0;
        for (float v : logits)
            total += std::exp(double(v - mx));
        double cum = 0;
        size_t keep = 0;
        while (keep < order.size()) {
            cum += std::exp(double(logits[order[keep]] - mx)) / total;
            ++keep;
            if (cum >= topP)
                break;
        }
        for (size_t i = keep; i < order.size(); ++i)
            logits[order[i]] = ninf;
    }
    return logits;
}

struct CodePrior::Impl {
    PriorSettings settings;
    PriorNet net;
    std::vector<double> firstCodes; // empirical distribution of first codes
    std::string data;
    explicit Impl(const PriorSettings& s) : settings(s), net(s) {}
};

namespace {

class PriorTask : public TrainTask {
public:
    PriorTask(CodePrior::Impl& d, torch::Tensor data, uint64_t seed) : d_(d)
    {
        splitRows(data, d.settings.validationShare, seed, train_, val_);
        fingerprint_ = fingerprint(data.to(torch::kFloat32));
    }
    std::string kind() const override { return "prior"; }
    std::vector<Phase> phases() const override { return {{"prior", d_.settings.epochs}}; }
    torch::nn::Module& module() override { return *d_.net; }
    std::vector<torch::Tensor> parametersOf(int) override { return d_.net->parameters(); }
    int64_t trainSize() const override { return train_.size(0); }
    int64_t batchSize() const override { return d_.settings.batch; }
    double lr() const override { return d_.settings.lr; }
    double lrMin() const override { return d_.settings.lrMin; }
    double trainBatch(int, const torch::Tensor& rows) override
    {
        const torch::Tensor loss = lossOf(train_.index_select(0, rows));
        loss.backward();
        return loss.item<double>();
    }
    double validate(int, std::vector<std::pair<std::string, double>>& metrics) override
    {
        const double v = lossOf(val_).item<double>();
        metrics.emplace_back("val_perplexity", std::exp(v));
        return v;
    }
    torch::Tensor lossOf(const torch::Tensor& seq) // teacher forcing: predict codes 1..31 from 0..30
    {
        const torch::Tensor logits = d_.net->forward(seq.slice(1, 0, kLatentSteps - 1));
        return torch::nn::functional::cross_entropy(logits.reshape({-1, d_.settings.codes}), seq.slice(1, 1).reshape({-1}));
    }
    QJsonObject settings() const override { return settingsJson(d_.settings); }
    std::string dataFingerprint() const override { return fingerprint_; }

private:
    CodePrior::Impl& d_;
    torch::Tensor train_, val_;
    std::string fingerprint_;
};

} // namespace

Result<CodePrior> trainPrior(const std::vector<CodeSequence>& codes, const PriorSettings& settings,
                             const TrainOptions& options, JobContext& job, TrainOutcome* outcomeOut)
{
    if (codes.size() < 2)
        return Error{options.dir, -1, "the prior needs at least 2 code sequences (got " + std::to_string(codes.size()) + ")"};
    for (const auto& c : codes)
        for (int v : c)
            if (v < 0 || v >= settings.codes)
                return Error{options.dir, -1, "a code is outside the codebook of " + std::to_string(settings.codes)};
    prepareTraining(options);
    auto d = std::make_shared<CodePrior::Impl>(settings);
    d->firstCodes.assign(size_t(settings.codes), 0.0);
    for (const auto& c : codes)
        d->firstCodes[size_t(c[0])] += 1.0 / double(codes.size());
    PriorTask task(*d, codesToTensor(codes), options.seed);
    d->data = task.dataFingerprint();
    if (auto e = trainToEnd(task, options, job, outcomeOut))
        return *e;
    d->net->eval();
    CodePrior prior(d);
    if (auto s = options.distributed.writesFiles() ? prior.save(options.dir) : Result<bool>(true); !s)
        return s.error();
    return prior;
}

Result<bool> CodePrior::save(const std::string& dir) const
{
    QJsonObject h;
    h["kind"] = "prior";
    h["settings"] = settingsJson(d_->settings);
    h["data"] = QString::fromStdString(d_->data);
    h["parameters"] = double(parameterCount());
    QJsonArray first;
    for (double p : d_->firstCodes)
        first.append(p);
    h["first_codes"] = first;
    return saveNetwork(dir + "/" + kFileName, *d_->net, h);
}

Result<CodePrior> CodePrior::load(const std::string& dir)
{
    const std::string path = dir + "/" + kFileName;
    auto file = readModelFile(path, "prior");
    if (!file)
        return file.error();
    const PriorSettings s = settingsFrom(file->header["settings"].toObject());
    if (const std::string bad = settingOutOfRange(s, priorSettingFields()); !bad.empty())
        return Error{path, -1, "prior settings out of range: " + bad};
    auto d = std::make_shared<Impl>(s);
    d->data = file->header["data"].toString().toStdString();
    const QJsonArray first = file->header["first_codes"].toArray();
    if (first.size() != s.codes)
        return Error{path, -1, "prior has " + std::to_string(first.size()) + " first-code probabilities for "
                                   + std::to_string(s.codes) + " codes"};
    double sum = 0;
    for (const auto& v : first) {
        d->firstCodes.push_back(std::max(0.0, v.toDouble()));
        sum += d->firstCodes.back();
    }
    if (!(sum > 0))
        return Error{path, -1, "prior's first-code distribution is empty"};
    if (auto r = loadNetwork(path, *file, *d->net); !r)
        return r.error();
    return CodePrior(d);
}

Result<std::vector<CodeSequence>> CodePrior::sample(int count, const SamplingSettings& sampling, uint64_t seed) const
{
    if (sampling.topK > 0 && sampling.topP > 0)
        return Error{"", -1, "use top-k or top-p, not both"};
    if (!(sampling.temperature > 0))
        return Error{"", -1, "temperature must be above 0"};
    torch::NoGradGuard noGrad;
    std::mt19937_64 rng(seed);
    std::vector<CodeSequence> out(size_t(std::max(0, count)));
    if (count <= 0)
        return out;
    std::discrete_distribution<int> first(d_->firstCodes.begin(), d_->firstCodes.end());
    torch::Tensor current = torch::empty({count, 1}, torch::kLong);
    for (int i = 0; i < count; ++i) {
        out[size_t(i)][0] = first(rng);
        current[i][0] = out[size_t(i)][0];
    }
    // Step by step with the LSTM's state carried (no re-reading of the prefix).
    torch::nn::LSTM& lstm = d_->net->lstm;
    std::tuple<torch::Tensor, torch::Tensor> state;
    bool haveState = false;
    for (int t = 1; t < kLatentSteps; ++t) {
        auto emb = d_->net->embed(current);
        auto res = haveState ? lstm->forward(emb, state) : lstm->forward(emb);
        state = std::get<1>(res);
        haveState = true;
        const torch::Tensor logits = (d_->net->out(std::get<0>(res)).select(1, 0) / sampling.temperature).contiguous();
        const float* lp = logits.data_ptr<float>();
        for (int i = 0; i < count; ++i) {
            std::vector<float> l(lp + size_t(i) * size_t(d_->settings.codes), lp + size_t(i + 1) * size_t(d_->settings.codes));
            l = filterLogits(std::move(l), sampling.topK, sampling.topP);
            const float mx = *std::max_element(l.begin(), l.end());
            std::vector<double> w(l.size());
            for (size_t k = 0; k < l.size(); ++k)
                w[k] = std::isfinite(l[k]) ? std::exp(double(l[k] - mx)) : 0.0;
            std::discrete_distribution<int> pick(w.begin(), w.end());
            const int code = pick(rng);
            out[size_t(i)][size_t(t)] = code;
            current[i][0] = code;
        }
    }
    return out;
}

double CodePrior::validationLoss(const std::vector<CodeSequence>& codes) const
{
    torch::NoGradGuard noGrad;
    const torch::Tensor seq = codesToTensor(codes);
    const torch::Tensor logits = d_->net->forward(seq.slice(1, 0, kLatentSteps - 1));
    return torch::nn::functional::cross_entropy(logits.reshape({-1, d_->settings.codes}), seq.slice(1, 1).reshape({-1})).item<double>();
}

const PriorSettings& CodePrior::settings() const { return d_->settings; }
int64_t CodePrior::parameterCount() const { return lm::ml::parameterCount(*d_->net); }

} // namespace lm::ml
