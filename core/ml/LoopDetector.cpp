#include "LoopDetector.h"

#include "Trainer.h"

#include <QJsonArray>

namespace lm::ml {

namespace {

constexpr int kIn = format::kCorrelationPairs; // 28

struct DetectorNetImpl : torch::nn::Module {
    torch::nn::Linear e1{nullptr}, e2{nullptr}, e3{nullptr}, d1{nullptr}, d2{nullptr}, d3{nullptr};
    DetectorNetImpl()
    {
        auto lin = [this](const char* name, int in, int out) {
            return register_module(name, torch::nn::Linear(torch::nn::LinearOptions(in, out).bias(false)));
        };
        e1 = lin("e1", kIn, 14);
        e2 = lin("e2", 14, 14);
        e3 = lin("e3", 14, 7);
        d1 = lin("d1", 7, 14);
        d2 = lin("d2", 14, 14);
        d3 = lin("d3", 14, kIn);
    }
    torch::Tensor encode(const torch::Tensor& x)
    {
        auto h = torch::leaky_relu(e1(x), 0.1);
        h = torch::leaky_relu(e2(h), 0.1);
        return e3(h);
    }
    torch::Tensor decode(const torch::Tensor& z)
    {
        auto h = torch::leaky_relu(d1(z), 0.1);
        h = torch::leaky_relu(d2(h), 0.1);
        return d3(h);
    }
    std::vector<torch::Tensor> encoderParameters()
    {
        std::vector<torch::Tensor> p;
        for (auto* m : {&e1, &e2, &e3})
            for (const auto& t : (*m)->parameters())
                p.push_back(t);
        return p;
    }
};
TORCH_MODULE(DetectorNet);

torch::Tensor toTensor(const std::vector<WindowCorrelation>& windows)
{
    torch::Tensor t = torch::empty({int64_t(windows.size()), kIn}, torch::kFloat32);
    float* p = t.data_ptr<float>();
    for (size_t i = 0; i < windows.size(); ++i)
        for (int j = 0; j < kIn; ++j)
            p[i * kIn + size_t(j)] = float(windows[i][size_t(j)]);
    return t;
}

QJsonObject settingsJson(const DetectorSettings& s) { return settingsToJson(s, detectorSettingFields()); }
DetectorSettings settingsFrom(const QJsonObject& o) { return settingsFromJson(o, detectorSettingFields()); }

} // namespace

const SettingFields<DetectorSettings>& detectorSettingFields()
{
    using S = DetectorSettings;
    static const SettingFields<S> fields{
        {"autoencoder_epochs", "epochs-ae", &S::autoencoderEpochs, 1, 100000},
        {"svdd_epochs", "epochs-svdd", &S::svddEpochs, 1, 100000},
        {"batch", "batch", &S::batch, 1, 1 << 20},
        {"lr", "", &S::lr},
        {"lr_min", "", &S::lrMin},
        {"validation_share", "", &S::validationShare},
    };
    return fields;
}

struct LoopDetector::Impl {
    DetectorNet net;
    torch::Tensor centre = torch::zeros({7});
    double threshold = 0;
    DetectorSettings settings;
    std::string data;
    int64_t windows = 0;

    torch::Tensor scores(const torch::Tensor& x)
    {
        return (net->encode(x) - centre).pow(2).mean(1);
    }
};

namespace {

class DetectorTask : public TrainTask {
public:
    DetectorTask(LoopDetector::Impl& d, torch::Tensor data, uint64_t seed) : d_(d)
    {
        // The 80/20 split is fixed by the seed (method.md 4).
        splitRows(data, d.settings.validationShare, seed, train_, val_);
        fingerprint_ = fingerprint(data);
    }
    std::string kind() const override { return "detector"; }
    std::vector<Phase> phases() const override
    {
        return {{"autoencoder", d_.settings.autoencoderEpochs}, {"svdd", d_.settings.svddEpochs}};
    }
    torch::nn::Module& module() override { return *d_.net; }
    std::vector<torch::Tensor> parametersOf(int phase) override
    {
        return phase == 0 ? d_.net->parameters() : d_.net->encoderParameters();
    }
    void beginPhase(int phase) override
    {
        if (phase == 1) { // centre c = mean of the encoder outputs over the training set
            torch::NoGradGuard noGrad;
            d_.centre = d_.net->encode(train_).mean(0).detach().clone();
        }
    }
    int64_t trainSize() const override { return train_.size(0); }
    int64_t batchSize() const override { return d_.settings.batch; }
    double lr() const override { return d_.settings.lr; }
    double lrMin() const override { return d_.settings.lrMin; }
    double trainBatch(int phase, const torch::Tensor& rows) override
    {
        const torch::Tensor x = train_.index_select(0, rows);
        torch::Tensor loss = phase == 0 ? torch::mse_loss(d_.net->decode(d_.net->encode(x)), x)
                                        : d_.scores(x).mean();
        loss.backward();
        return loss.item<double>();
    }
    double validate(int phase, std::vector<std::pair<std::string, double>>& metrics) override
    {
        if (phase == 0)
            return torch::mse_loss(d_.net->decode(d_.net->encode(val_)), val_).item<double>();
        const double v = d_.scores(val_).mean().item<double>();
        metrics.emplace_back("train_score", d_.scores(train_).mean().item<double>());
        return v;
    }
    QJsonObject settings() const override { return settingsJson(d_.settings); }
    std::string dataFingerprint() const override { return fingerprint_; }
    void saveExtra(torch::serialize::OutputArchive& a) override { a.write("centre", d_.centre); }
    void loadExtra(torch::serialize::InputArchive& a) override { a.read("centre", d_.centre); }

    torch::Tensor train_, val_;

private:
    LoopDetector::Impl& d_;
    std::string fingerprint_;
};

} // namespace

double loopThresholdOf(const std::vector<double>& scores)
{
    if (scores.empty())
        return 0;
    double mean = 0;
    std::vector<double> logs;
    for (double v : scores)
        logs.push_back(std::log(std::max(v, 1e-30)));
    for (double l : logs)
        mean += l;
    mean /= double(logs.size());
    double var = 0;
    for (double l : logs)
        var += (l - mean) * (l - mean);
    // The population standard deviation, as numpy's std() gives by default.
    const double sd = std::sqrt(var / double(logs.size()));
    return std::exp(mean + sd);
}

Result<LoopDetector> trainDetector(const std::vector<WindowCorrelation>& windows, const DetectorSettings& settings,
                                   const TrainOptions& options, JobContext& job, TrainOutcome* outcomeOut)
{
    if (windows.size() < 2)
        return Error{options.dir, -1, "the detector needs at least 2 windows to train on (got "
                                          + std::to_string(windows.size()) + ")"};
    prepareTraining(options);
    auto d = std::make_shared<LoopDetector::Impl>();
    d->settings = settings;
    d->windows = int64_t(windows.size());
    DetectorTask task(*d, toTensor(windows), options.seed);
    d->data = task.dataFingerprint();
    if (auto e = trainToEnd(task, options, job, outcomeOut))
        return *e;
    {
        torch::NoGradGuard noGrad;
        const torch::Tensor s = d->scores(task.train_).to(torch::kFloat64).contiguous();
        d->threshold = loopThresholdOf(std::vector<double>(s.data_ptr<double>(), s.data_ptr<double>() + s.numel()));
    }
    LoopDetector detector(d);
    if (auto s = options.distributed.writesFiles() ? detector.save(options.dir) : Result<bool>(true); !s)
        return s.error();
    return detector;
}

Result<bool> LoopDetector::save(const std::string& dir) const
{
    QJsonObject h;
    h["kind"] = "detector";
    h["settings"] = settingsJson(d_->settings);
    h["threshold"] = d_->threshold;
    h["data"] = QString::fromStdString(d_->data);
    h["windows"] = double(d_->windows);
    h["parameters"] = double(parameterCount());
    return saveNetwork(dir + "/" + kFileName, *d_->net, h,
                       [this](torch::serialize::OutputArchive& a) { a.write("centre", d_->centre); });
}

Result<LoopDetector> LoopDetector::load(const std::string& dir)
{
    const std::string path = dir + "/" + kFileName;
    auto file = readModelFile(path, "detector");
    if (!file)
        return file.error();
    auto d = std::make_shared<Impl>();
    d->settings = settingsFrom(file->header["settings"].toObject());
    d->threshold = file->header["threshold"].toDouble(-1);
    d->data = file->header["data"].toString().toStdString();
    d->windows = int64_t(file->header["windows"].toDouble());
    if (!(d->threshold > 0))
        return Error{path, -1, "detector has no threshold (an unfinished training?)"};
    if (auto r = loadNetwork(path, *file, *d->net, [&](torch::serialize::InputArchive& a) { a.read("centre", d->centre); }); !r)
        return r.error();
    if (d->centre.numel() != 7)
        return Error{path, -1, "detector centre has " + std::to_string(d->centre.numel()) + " values, not 7"};
    return LoopDetector(d);
}

std::vector<double> LoopDetector::score(const std::vector<WindowCorrelation>& windows) const
{
    if (windows.empty())
        return {};
    torch::NoGradGuard noGrad;
    const torch::Tensor s = d_->scores(toTensor(windows)).to(torch::kFloat64).contiguous();
    return std::vector<double>(s.data_ptr<double>(), s.data_ptr<double>() + s.numel());
}

double LoopDetector::threshold() const { return d_->threshold; }
const DetectorSettings& LoopDetector::settings() const { return d_->settings; }
int64_t LoopDetector::parameterCount() const { return lm::ml::parameterCount(*d_->net); }
std::string LoopDetector::dataFingerprint() const { return d_->data; }
int64_t LoopDetector::trainingWindows() const { return d_->windows; }

} // namespace lm::ml
