#include "Trainer.h"

#include "Distributed.h"

#include "core/base/Eta.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <chrono>
#include <cstdio>
#include <filesystem>

namespace lm::ml {

namespace {

QJsonArray historyToJson(const std::vector<TrainProgress>& history)
{
    QJsonArray a;
    for (const TrainProgress& p : history) {
        QJsonObject o;
        o["epoch"] = p.epoch;
        o["phase"] = QString::fromStdString(p.phase);
        o["loss"] = p.loss;
        o["val_loss"] = p.valLoss;
        o["lr"] = p.lr;
        QJsonObject m;
        for (const auto& [k, v] : p.metrics)
            m[QString::fromStdString(k)] = v;
        o["metrics"] = m;
        a.append(o);
    }
    return a;
}

std::vector<TrainProgress> historyFromJson(const QJsonArray& a, const std::string& kind, int epochs)
{
    std::vector<TrainProgress> out;
    for (const auto& v : a) {
        const QJsonObject o = v.toObject();
        TrainProgress p;
        p.model = kind;
        p.epochs = epochs;
        p.epochEnd = true;
        p.epoch = o["epoch"].toInt();
        p.phase = o["phase"].toString().toStdString();
        p.loss = o["loss"].toDouble();
        p.valLoss = o["val_loss"].toDouble();
        p.lr = o["lr"].toDouble();
        const QJsonObject m = o["metrics"].toObject();
        for (auto it = m.begin(); it != m.end(); ++it)
            p.metrics.emplace_back(it.key().toStdString(), it.value().toDouble());
        out.push_back(p);
    }
    return out;
}

// A setting's JSON key as a reader says it: "lr_min" -> "final learning rate".
std::string settingName(const QString& key)
{
    static const std::pair<const char*, const char*> names[] = {
        {"batch", "batch size"}, {"lr", "learning rate"}, {"lr_min", "final learning rate"},
        {"codes", "codebook size"}, {"hidden", "hidden size"}, {"embedding", "embedding size"}};
    for (const auto& [k, name] : names)
        if (key == QLatin1String(k))
            return name;
    return QString(key).replace('_', ' ').toStdString();
}

std::string settingValue(const QJsonValue& v)
{
    if (v.isUndefined() || v.isNull())
        return "none";
    if (v.isString())
        return "'" + v.toString().toStdString() + "'";
    if (v.isBool())
        return v.toBool() ? "true" : "false";
    if (v.isDouble()) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.10g", v.toDouble());
        return buf;
    }
    return QJsonDocument(v.isObject() ? QJsonDocument(v.toObject()) : QJsonDocument(v.toArray()))
        .toJson(QJsonDocument::Compact)
        .toStdString();
}

} // namespace

std::string settingsDifference(const QJsonObject& checkpoint, const QJsonObject& now)
{
    QStringList keys = checkpoint.keys();
    for (const QString& k : now.keys())
        if (!checkpoint.contains(k))
            keys.append(k);
    std::string out;
    for (const QString& k : keys) {
        if (checkpoint.value(k) == now.value(k))
            continue;
        out += (out.empty() ? "" : "; ") + settingName(k) + " differs: checkpoint " + settingValue(checkpoint.value(k))
            + ", now " + settingValue(now.value(k));
    }
    return out;
}

void prepareTraining(const TrainOptions& options)
{
    if (options.threads > 0)
        torch::set_num_threads(options.threads);
    torch::manual_seed(options.seed);
}

std::optional<Error> trainToEnd(TrainTask& task, const TrainOptions& options, JobContext& job, TrainOutcome* out)
{
    const auto outcome = runTraining(task, options, job);
    if (!outcome)
        return outcome.error();
    if (out)
        *out = *outcome;
    if (outcome->cancelled)
        return Error{options.dir, -1, "training cancelled (the last checkpoint stands; resume goes on from it)"};
    return std::nullopt;
}

namespace {

// One run of the training loop, in its phases: resume, the epochs (each:
// batches, validation and weight averaging, checkpoint), the averaged
// weights at the end. Progress goes through the job, with a TrainProgress
// as its payload, so the GUI's runner and the CLI's line see the same reports.
class TrainingRun {
public:
    TrainingRun(TrainTask& task, const TrainOptions& options, JobContext& job)
        : task_(task), options_(options), job_(job), phases_(task.phases()),
          ckptPath_(options.dir + "/" + task.kind() + ".ckpt")
    {
        for (const Phase& p : phases_)
            total_ += p.epochs;
        outcome_.epochs = total_;
    }

    Result<TrainOutcome> run()
    {
        std::error_code ec;
        std::filesystem::create_directories(options_.dir, ec);
        if (task_.trainSize() <= 0)
            return Error{options_.dir, -1, "no training data for the " + task_.kind()};
        if (auto e = joinRanks())
            return *e;
        const DataParallelScope scope(parallel_.get());
        if (options_.resume && std::filesystem::exists(ckptPath_))
            if (auto r = resume(); r)
                return *r;
        if (parallel_)
            if (auto e = parallel_->startTogether(epoch_, task_.module()))
                return *e;
        const int64_t n = task_.trainSize();
        const EtaEstimator eta(int64_t(total_) * n, int64_t(epoch_) * n); // mean time per sample over this run
        for (; epoch_ < total_; ++epoch_) {
            TrainProgress done;
            if (!runEpoch(eta, done)) {
                if (failure_)
                    return *failure_;
                outcome_.cancelled = true;
                return outcome_;
            }
            if (auto w = writeCheckpoint(); !w)
                return w.error();
            report(done, int64_t(epoch_ + 1) * n);
        }
        useAveragedWeights();
        return outcome_;
    }

private:
    int phaseOf(int e, int& local) const
    {
        int p = 0;
        local = e;
        while (p + 1 < int(phases_.size()) && local >= phases_[size_t(p)].epochs) {
            local -= phases_[size_t(p)].epochs;
            ++p;
        }
        return p;
    }

    // A data-parallel run (options.distributed): meet the other ranks first.
    std::optional<Error> joinRanks()
    {
        if (!options_.distributed.active())
            return std::nullopt;
        QJsonObject agreement{{"model", QString::fromStdString(task_.kind())}, {"settings", task_.settings()},
                              {"data", QString::fromStdString(task_.dataFingerprint())}, {"seed", double(options_.seed)}};
        auto group = DataParallel::connect(options_.distributed, agreement);
        if (!group)
            return group.error();
        parallel_ = std::move(*group);
        return std::nullopt;
    }

    // One batch alone, or this rank's part of it with the gradients added up over the ranks.
    bool trainOne(int phase, const torch::Tensor& rows, double& loss, int64_t b)
    {
        if (!parallel_) {
            loss = task_.trainBatch(phase, rows);
            return true;
        }
        const std::string when = "epoch " + std::to_string(epoch_ + 1) + ", batch " + std::to_string(b + 1);
        failure_ = parallel_->trainBatch(task_, phase, rows, optimizer_->param_groups()[0].params(), loss, when);
        return !failure_;
    }

    void makeOptimizer(int phase)
    {
        optimizer_ = std::make_unique<torch::optim::AdamW>(task_.parametersOf(phase),
                                                           torch::optim::AdamWOptions(task_.lr()).weight_decay(0.01));
        optimizerPhase_ = phase;
    }

    // An error when the checkpoint cannot be resumed; nothing when it was.
    std::optional<Error> resume()
    {
        auto file = readModelFile(ckptPath_, task_.kind());
        if (!file)
            return file.error();
        const QJsonObject& h = file->header;
        if (h["data"].toString().toStdString() != task_.dataFingerprint())
            return Error{ckptPath_, -1, "the training data changed since this checkpoint (resume needs the same data)"};
        if (const std::string d = settingsDifference(h["settings"].toObject(), task_.settings()); !d.empty())
            return Error{ckptPath_, -1, d + " (resume needs the settings of the checkpoint)"};
        epoch_ = h["epoch"].toInt();
        if (epoch_ < 0 || epoch_ > total_)
            return Error{ckptPath_, -1, "checkpoint epoch out of range"};
        torch::serialize::InputArchive archive;
        if (auto r = loadArchive(archive, file->payload, ckptPath_); !r)
            return r.error();
        int local = 0;
        const int phase = phaseOf(std::max(0, epoch_ - 1), local); // the optimiser saved is the last epoch's
        auto loaded = guardedLoad(ckptPath_, [&] {
            torch::serialize::InputArchive model;
            archive.read("model", model);
            task_.module().load(model);
            task_.loadExtra(archive);
            makeOptimizer(phase);
            torch::serialize::InputArchive opt;
            archive.read("optimizer", opt);
            optimizer_->load(opt);
            averagedCount_ = int64_t(h["averaged"].toInt());
            for (int64_t i = 0; averagedCount_ > 0 && i < int64_t(task_.module().parameters().size()); ++i) {
                torch::Tensor t;
                archive.read("avg" + std::to_string(i), t);
                averaged_.push_back(t);
            }
        });
        if (!loaded)
            return loaded.error();
        outcome_.history = historyFromJson(h["history"].toArray(), task_.kind(), total_);
        outcome_.startEpoch = epoch_;
        return std::nullopt;
    }

    TrainProgress progressOf(int phase, double lr) const
    {
        TrainProgress p;
        p.model = task_.kind();
        p.phase = phases_[size_t(phase)].name;
        p.epoch = epoch_ + 1;
        p.epochs = total_;
        p.lr = lr;
        return p;
    }

    // The batches of one epoch, then validation; false when cancelled first.
    bool runEpoch(const EtaEstimator& eta, TrainProgress& done)
    {
        int local = 0;
        const int phase = phaseOf(epoch_, local);
        if (optimizerPhase_ != phase) {
            if (local == 0)
                task_.beginPhase(phase);
            makeOptimizer(phase);
        }
        const double lr = cosineLr(local, phases_[size_t(phase)].epochs, task_.lr(), task_.lrMin());
        for (auto& group : optimizer_->param_groups())
            static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
        task_.module().train();
        // The order of an epoch depends only on the seed and the epoch: a resumed run repeats it.
        torch::manual_seed(options_.seed * 1000003ull + uint64_t(epoch_));
        const int64_t n = task_.trainSize(), batch = std::max<int64_t>(1, task_.batchSize());
        const int64_t batches = parallel_ ? parallel_->batchesOf(n, batch) : (n + batch - 1) / batch;
        const torch::Tensor order = torch::randperm(n, torch::kLong);
        double lossSum = 0;
        for (int64_t b = 0; b < batches; ++b) {
            if (!job_.checkpoint()) // a pause holds here; a cancel ends the run
                return false;
            optimizer_->zero_grad();
            double loss = 0;
            if (!trainOne(phase, order.slice(0, b * batch, std::min(n, (b + 1) * batch)), loss, b))
                return false;
            lossSum += loss;
            optimizer_->step();
            TrainProgress p = progressOf(phase, lr);
            p.batch = b + 1;
            p.batches = batches;
            p.loss = lossSum / double(b + 1);
            const int64_t samples = int64_t(epoch_) * n + std::min(n, (b + 1) * batch);
            p.seconds = elapsed();
            p.etaSeconds = eta.secondsLeft(p.seconds, samples);
            report(p, samples);
        }
        done = progressOf(phase, lr);
        done.batch = done.batches = batches;
        done.loss = lossSum / double(batches);
        done.epochEnd = true;
        validateAndAverage(phase, done);
        done.seconds = elapsed();
        done.etaSeconds = eta.secondsLeft(done.seconds, int64_t(epoch_ + 1) * n);
        outcome_.history.push_back(done);
        return true;
    }

    void validateAndAverage(int phase, TrainProgress& done)
    {
        torch::NoGradGuard noGrad;
        task_.module().eval();
        done.valLoss = task_.validate(phase, done.metrics);
        const int averageFrom = total_ - int(std::ceil(task_.averageShare() * total_));
        if (epoch_ < averageFrom || task_.averageShare() <= 0)
            return;
        auto params = task_.module().parameters();
        if (averaged_.empty())
            for (const auto& p : params)
                averaged_.push_back(p.detach().clone());
        else
            for (size_t i = 0; i < params.size(); ++i)
                averaged_[i].mul_(double(averagedCount_) / double(averagedCount_ + 1))
                    .add_(params[i].detach() / double(averagedCount_ + 1));
        ++averagedCount_;
    }

    // Everything a resume needs, written to a temp file and renamed over the last one.
    Result<bool> writeCheckpoint()
    {
        if (!options_.distributed.writesFiles())
            return true; // rank 0 writes for the group
        torch::serialize::OutputArchive archive, model, opt;
        task_.module().save(model);
        archive.write("model", model);
        optimizer_->save(opt);
        archive.write("optimizer", opt);
        task_.saveExtra(archive);
        for (size_t i = 0; i < averaged_.size(); ++i)
            archive.write("avg" + std::to_string(i), averaged_[i]);
        ModelFile ckpt;
        ckpt.header["kind"] = QString::fromStdString(task_.kind());
        ckpt.header["settings"] = task_.settings();
        ckpt.header["data"] = QString::fromStdString(task_.dataFingerprint());
        ckpt.header["epoch"] = epoch_ + 1;
        ckpt.header["epochs"] = total_;
        ckpt.header["seed"] = double(options_.seed);
        ckpt.header["averaged"] = int(averagedCount_);
        ckpt.header["history"] = historyToJson(outcome_.history);
        ckpt.payload = archiveBytes(archive);
        return writeModelFile(ckptPath_, ckpt);
    }

    void useAveragedWeights()
    {
        if (averaged_.empty())
            return;
        torch::NoGradGuard noGrad;
        auto params = task_.module().parameters();
        for (size_t i = 0; i < params.size() && i < averaged_.size(); ++i)
            params[i].copy_(averaged_[i]);
    }

    void report(const TrainProgress& p, int64_t samples)
    {
        char text[160];
        std::snprintf(text, sizeof text, "%s epoch %d/%d batch %lld/%lld loss %.5g", p.model.c_str(), p.epoch, p.epochs,
                      (long long)p.batch, (long long)p.batches, p.loss);
        job_.report(JobProgress{samples, int64_t(total_) * task_.trainSize(), text, p});
    }

    double elapsed() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

    TrainTask& task_;
    const TrainOptions& options_;
    JobContext& job_;
    const std::vector<Phase> phases_;
    const std::string ckptPath_;
    const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    int total_ = 0;
    int epoch_ = 0; // next epoch to run, 0-based over all phases
    TrainOutcome outcome_;
    std::vector<torch::Tensor> averaged_;
    int64_t averagedCount_ = 0;
    std::unique_ptr<torch::optim::AdamW> optimizer_;
    int optimizerPhase_ = -1;
    std::unique_ptr<DataParallel> parallel_; // data-parallel runs only
    std::optional<Error> failure_;           // why runEpoch stopped, when not a cancel
};

} // namespace

Result<TrainOutcome> runTraining(TrainTask& task, const TrainOptions& options, JobContext& job)
{
    return TrainingRun(task, options, job).run();
}

JobContext::ProgressFn onTrainProgress(std::function<void(const TrainProgress&)> fn)
{
    return [fn = std::move(fn)](const JobProgress& p) {
        if (const auto* t = std::any_cast<TrainProgress>(&p.payload))
            fn(*t);
    };
}

} // namespace lm::ml
