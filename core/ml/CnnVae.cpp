#include "CnnVae.h"

#include "Trainer.h"
#include "VqVaeNet.h"

#include "core/model/LoopFormat.h"

#include <cmath>
#include <random>

namespace lm::ml {

namespace {

constexpr double kCells = double(format::kRows * format::kWindowSteps);

// The VQ-VAE's encoder and decoder (LoopCodec); the encoder's last
// convolution gives the mean (channels 0-15) and log-variance (16-31).
struct CnnVaeNetImpl : LoopCodecImpl {
    CnnVaeNetImpl() : LoopCodecImpl(2 * kLatentDim) {}
    // B x 57 x 128 -> mean and log-variance, each B x 16 x 32.
    std::pair<torch::Tensor, torch::Tensor> posterior(const torch::Tensor& x)
    {
        const torch::Tensor h = encode(x);
        return {h.slice(1, 0, kLatentDim), h.slice(1, kLatentDim, 2 * kLatentDim)};
    }
};
TORCH_MODULE(CnnVaeNet);

// Summed over everything: 0.5 x sum(mu^2 + exp(lv) - 1 - lv).
torch::Tensor klSum(const torch::Tensor& mu, const torch::Tensor& logVar)
{
    return 0.5 * (mu.pow(2) + logVar.exp() - 1.0 - logVar).sum();
}

torch::Tensor latentsToTensor(const std::vector<Latent>& latents)
{
    torch::Tensor t = torch::zeros({int64_t(latents.size()), kLatentDim, kLatentSteps});
    float* p = t.data_ptr<float>();
    for (size_t i = 0; i < latents.size(); ++i)
        std::copy_n(latents[i].begin(), std::min<size_t>(latents[i].size(), kCnnVaeLatent), p + i * kCnnVaeLatent);
    return t;
}

std::vector<Latent> tensorToLatents(const torch::Tensor& t)
{
    const torch::Tensor c = t.contiguous().reshape({t.size(0), kCnnVaeLatent});
    const float* p = c.data_ptr<float>();
    std::vector<Latent> out(size_t(c.size(0)));
    for (size_t i = 0; i < out.size(); ++i)
        out[i].assign(p + i * kCnnVaeLatent, p + (i + 1) * kCnnVaeLatent);
    return out;
}

} // namespace

struct CnnVae::Impl {
    CnnVaeSettings settings;
    CnnVaeNet net;
    std::string data;
    int64_t loops = 0;
    explicit Impl(const CnnVaeSettings& s) : settings(s) {}
};

double klBeta(int64_t step, int64_t anneal)
{
    if (anneal <= 0)
        return 1.0;
    return std::min(1.0, double(std::max<int64_t>(0, step)) / double(anneal));
}

int64_t annealSteps(const CnnVaeSettings& s, int64_t trainLoops)
{
    const int64_t batch = std::max(1, s.batch);
    const int64_t batches = (std::max<int64_t>(1, trainLoops) + batch - 1) / batch;
    return int64_t(std::ceil(s.annealShare * double(s.epochs))) * batches;
}

// Through the same tensor code as training's KL term, so that a test of this checks that.
double gaussianKl(const std::vector<float>& mean, const std::vector<float>& logVar)
{
    torch::NoGradGuard noGrad;
    const int64_t n = int64_t(std::min(mean.size(), logVar.size()));
    const torch::Tensor mu = torch::from_blob(const_cast<float*>(mean.data()), {n}).to(torch::kFloat64);
    const torch::Tensor lv = torch::from_blob(const_cast<float*>(logVar.data()), {n}).to(torch::kFloat64);
    return klSum(mu, lv).item<double>();
}

namespace {

class CnnVaeTask : public TrainTask {
public:
    CnnVaeTask(CnnVae::Impl& d, torch::Tensor data, uint64_t seed) : d_(d)
    {
        splitRows(data, d.settings.validationShare, seed, train_, val_);
        fingerprint_ = fingerprint(data);
        anneal_ = annealSteps(d.settings, train_.size(0));
    }
    std::string kind() const override { return "cnnvae"; }
    std::vector<Phase> phases() const override { return {{"cnnvae", d_.settings.epochs}}; }
    torch::nn::Module& module() override { return *d_.net; }
    std::vector<torch::Tensor> parametersOf(int) override { return d_.net->parameters(); }
    int64_t trainSize() const override { return train_.size(0); }
    int64_t batchSize() const override { return d_.settings.batch; }
    double lr() const override { return d_.settings.lr; }
    double lrMin() const override { return d_.settings.lrMin; }
    double averageShare() const override { return d_.settings.averageShare; }
    double trainBatch(int, const torch::Tensor& rows) override
    {
        const torch::Tensor x = train_.index_select(0, rows);
        const auto [mu, logVar] = d_.net->posterior(x);
        // The reparameterisation: the noise comes from the generator the trainer seeds per epoch.
        const torch::Tensor z = mu + torch::randn_like(mu) * (0.5 * logVar).exp();
        const torch::Tensor xr = d_.net->decode(z);
        beta_ = klBeta(step_++, anneal_);
        const torch::Tensor bce = torch::binary_cross_entropy(xr, x, {}, torch::Reduction::Sum);
        const torch::Tensor loss = (bce + beta_ * klSum(mu, logVar)) / kCells;
        loss.backward();
        return loss.item<double>() / double(x.size(0)); // per loop
    }
    // The negative ELBO at beta 1 (per loop, divided by the cells), decoding the means for the Hamming error.
    double validate(int, std::vector<std::pair<std::string, double>>& metrics) override
    {
        double bce = 0, kl = 0, wrong = 0;
        for (int64_t i = 0; i < val_.size(0); i += 1024) {
            const torch::Tensor x = val_.slice(0, i, std::min(val_.size(0), i + 1024));
            const auto [mu, logVar] = d_.net->posterior(x);
            const torch::Tensor xr = d_.net->decode(mu);
            bce += torch::binary_cross_entropy(xr, x, {}, torch::Reduction::Sum).item<double>();
            kl += klSum(mu, logVar).item<double>();
            wrong += ((xr >= 0.5).to(torch::kFloat32) != x).sum().item<double>();
        }
        const double n = double(val_.size(0));
        metrics.emplace_back("hamming_error", wrong / double(val_.numel()));
        metrics.emplace_back("kl", kl / n);
        metrics.emplace_back("beta", beta_);
        return (bce + kl) / kCells / n;
    }
    QJsonObject settings() const override { return settingsToJson(d_.settings, cnnVaeSettingFields()); }
    std::string dataFingerprint() const override { return fingerprint_; }
    // The annealing step goes into the checkpoint, so that a resumed run's beta goes on from it.
    void saveExtra(torch::serialize::OutputArchive& a) override
    {
        a.write("anneal_step", torch::tensor({step_}, torch::kLong));
        a.write("beta", torch::tensor({beta_}, torch::kFloat64));
    }
    void loadExtra(torch::serialize::InputArchive& a) override
    {
        torch::Tensor s, b;
        a.read("anneal_step", s);
        a.read("beta", b);
        step_ = s.item<int64_t>();
        beta_ = b.item<double>();
    }

private:
    CnnVae::Impl& d_;
    torch::Tensor train_, val_;
    std::string fingerprint_;
    int64_t anneal_ = 0, step_ = 0;
    double beta_ = 0;
};

} // namespace

const SettingFields<CnnVaeSettings>& cnnVaeSettingFields()
{
    using S = CnnVaeSettings;
    static const SettingFields<S> fields{
        {"epochs", "epochs", &S::epochs, 1, 100000},
        {"batch", "batch", &S::batch, 1, 1 << 20},
        {"lr", "", &S::lr},
        {"lr_min", "", &S::lrMin},
        {"validation_share", "", &S::validationShare},
        {"average_share", "", &S::averageShare},
        {"anneal_share", "", &S::annealShare},
        {"training_set", "", &S::trainingSet},
    };
    return fields;
}

Result<CnnVae> trainCnnVae(const std::vector<Roll>& rolls, const CnnVaeSettings& settings, const TrainOptions& options,
                           JobContext& job, TrainOutcome* outcomeOut)
{
    if (rolls.size() < 2)
        return Error{options.dir, -1, "the CNN-VAE needs at least 2 loops to train on (got " + std::to_string(rolls.size()) + ")"};
    prepareTraining(options);
    auto d = std::make_shared<CnnVae::Impl>(settings);
    d->loops = int64_t(rolls.size());
    CnnVaeTask task(*d, rollsToTensor(rolls), options.seed);
    d->data = task.dataFingerprint();
    if (auto e = trainToEnd(task, options, job, outcomeOut))
        return *e;
    d->net->eval();
    CnnVae model(d);
    if (auto s = model.save(options.dir); !s)
        return s.error();
    return model;
}

Result<bool> CnnVae::save(const std::string& dir) const
{
    QJsonObject h;
    h["kind"] = "cnnvae";
    h["settings"] = settingsToJson(d_->settings, cnnVaeSettingFields());
    h["data"] = QString::fromStdString(d_->data);
    h["loops"] = double(d_->loops);
    h["parameters"] = double(parameterCount());
    h["latent"] = kCnnVaeLatent;
    return saveNetwork(dir + "/" + kFileName, *d_->net, h);
}

Result<CnnVae> CnnVae::load(const std::string& dir)
{
    const std::string path = dir + "/" + kFileName;
    auto file = readModelFile(path, "cnnvae");
    if (!file)
        return file.error();
    const CnnVaeSettings s = settingsFromJson(file->header["settings"].toObject(), cnnVaeSettingFields());
    if (const std::string bad = settingOutOfRange(s, cnnVaeSettingFields()); !bad.empty())
        return Error{path, -1, "cnnvae settings out of range: " + bad};
    auto d = std::make_shared<Impl>(s);
    d->data = file->header["data"].toString().toStdString();
    d->loops = int64_t(file->header["loops"].toDouble());
    if (auto r = loadNetwork(path, *file, *d->net); !r)
        return r.error();
    return CnnVae(d);
}

std::vector<Latent> CnnVae::encode(const std::vector<Roll>& rolls, std::vector<Latent>* logVars) const
{
    torch::NoGradGuard noGrad;
    d_->net->eval();
    std::vector<Latent> out;
    const torch::Tensor x = rollsToTensor(rolls);
    for (int64_t i = 0; i < x.size(0); i += 1024) {
        const auto [mu, logVar] = d_->net->posterior(x.slice(0, i, std::min(x.size(0), i + 1024)));
        for (Latent& l : tensorToLatents(mu))
            out.push_back(std::move(l));
        if (logVars)
            for (Latent& l : tensorToLatents(logVar))
                logVars->push_back(std::move(l));
    }
    return out;
}

std::vector<Roll> CnnVae::decode(const std::vector<Latent>& latents) const
{
    torch::NoGradGuard noGrad;
    if (latents.empty())
        return {};
    d_->net->eval();
    return tensorToRolls(d_->net->decode(latentsToTensor(latents)));
}

std::vector<Latent> CnnVae::samplePrior(int n, uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<Latent> out(size_t(std::max(0, n)), Latent(kCnnVaeLatent));
    for (Latent& l : out)
        for (float& v : l)
            v = normal(rng);
    return out;
}

CnnVaeReport CnnVae::evaluate(const std::vector<Roll>& rolls) const
{
    CnnVaeReport r;
    if (rolls.empty())
        return r;
    std::vector<Latent> logVars;
    const std::vector<Latent> means = encode(rolls, &logVars);
    const std::vector<Roll> back = decode(means);
    int64_t wrong = 0;
    for (size_t i = 0; i < rolls.size(); ++i) {
        for (size_t s = 0; s < size_t(format::kWindowSteps); ++s)
            wrong += __builtin_popcountll((s < rolls[i].size() ? rolls[i][s] : 0) ^ back[i][s]);
        r.kl += gaussianKl(means[i], logVars[i]);
    }
    r.hammingError = double(wrong) / (double(rolls.size()) * kCells);
    r.kl /= double(rolls.size());
    return r;
}

const CnnVaeSettings& CnnVae::settings() const { return d_->settings; }
int64_t CnnVae::parameterCount() const { return lm::ml::parameterCount(*d_->net); }

std::vector<Latent> interpolateLinear(const Latent& a, const Latent& b, int steps)
{
    std::vector<Latent> out;
    const size_t n = std::min(a.size(), b.size());
    for (int i = 0; i < std::max(1, steps); ++i) {
        const double t = steps > 1 ? double(i) / double(steps - 1) : 0.0;
        Latent l(n);
        for (size_t k = 0; k < n; ++k)
            l[k] = i == steps - 1 && steps > 1 ? b[k] : float(double(a[k]) + (double(b[k]) - double(a[k])) * t);
        out.push_back(std::move(l));
    }
    return out;
}

std::vector<Roll> interpolateRolls(const CnnVae& model, const Roll& a, const Roll& b, int steps)
{
    const std::vector<Latent> ends = model.encode({a, b});
    return model.decode(interpolateLinear(ends[0], ends[1], steps));
}

Result<CnnVaeModel> CnnVaeModel::load(const std::string& dir)
{
    auto d = LoopDetector::load(dir);
    if (!d)
        return d.error();
    auto c = CnnVae::load(dir);
    if (!c)
        return c.error();
    return CnnVaeModel{*d, *c};
}

Result<GenerateResult> generateCnnVaeLoops(const LoopDetector& detector, const CnnVae& model, const GenerateSettings& s,
                                           JobContext& job)
{
    return generateFrom(
        detector,
        [&](int n, uint64_t round) -> Result<Draws> {
            return Draws{model.decode(CnnVae::samplePrior(n, s.seed * 7919ull + round)), {}};
        },
        s, job);
}

} // namespace lm::ml
