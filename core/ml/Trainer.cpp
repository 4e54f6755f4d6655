#include "Trainer.h"

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

Result<TrainOutcome> runTraining(TrainTask& task, const TrainOptions& options, JobContext& job)
{
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    std::error_code ec;
    std::filesystem::create_directories(options.dir, ec);
    const std::string ckptPath = options.dir + "/" + task.kind() + ".ckpt";
    const std::vector<Phase> phases = task.phases();
    int total = 0;
    for (const Phase& p : phases)
        total += p.epochs;
    if (task.trainSize() <= 0)
        return Error{options.dir, -1, "no training data for the " + task.kind()};

    TrainOutcome outcome;
    outcome.epochs = total;
    int epoch = 0; // next epoch to run, 0-based over all phases
    std::vector<torch::Tensor> averaged;
    int64_t averagedCount = 0;
    std::unique_ptr<torch::optim::AdamW> optimizer;
    int optimizerPhase = -1;

    auto phaseOf = [&](int e, int& local) {
        int p = 0;
        local = e;
        while (p + 1 < int(phases.size()) && local >= phases[size_t(p)].epochs) {
            local -= phases[size_t(p)].epochs;
            ++p;
        }
        return p;
    };
    auto makeOptimizer = [&](int phase) {
        optimizer = std::make_unique<torch::optim::AdamW>(task.parametersOf(phase),
                                                          torch::optim::AdamWOptions(task.lr()).weight_decay(0.01));
        optimizerPhase = phase;
    };

    if (options.resume && std::filesystem::exists(ckptPath)) {
        auto file = readModelFile(ckptPath, task.kind());
        if (!file)
            return file.error();
        const QJsonObject& h = file->header;
        if (h["data"].toString().toStdString() != task.dataFingerprint())
            return Error{ckptPath, -1, "the training data changed since this checkpoint (resume needs the same data)"};
        if (const std::string d = settingsDifference(h["settings"].toObject(), task.settings()); !d.empty())
            return Error{ckptPath, -1, d + " (resume needs the settings of the checkpoint)"};
        epoch = h["epoch"].toInt();
        if (epoch < 0 || epoch > total)
            return Error{ckptPath, -1, "checkpoint epoch out of range"};
        torch::serialize::InputArchive archive;
        if (auto r = loadArchive(archive, file->payload, ckptPath); !r)
            return r.error();
        int local = 0;
        const int phase = phaseOf(std::max(0, epoch - 1), local); // the optimiser saved is the last epoch's
        auto loaded = guardedLoad(ckptPath, [&] {
            torch::serialize::InputArchive model;
            archive.read("model", model);
            task.module().load(model);
            task.loadExtra(archive);
            makeOptimizer(phase);
            torch::serialize::InputArchive opt;
            archive.read("optimizer", opt);
            optimizer->load(opt);
            averagedCount = int64_t(h["averaged"].toInt());
            for (int64_t i = 0; averagedCount > 0 && i < int64_t(task.module().parameters().size()); ++i) {
                torch::Tensor t;
                archive.read("avg" + std::to_string(i), t);
                averaged.push_back(t);
            }
        });
        if (!loaded)
            return loaded.error();
        outcome.history = historyFromJson(h["history"].toArray(), task.kind(), total);
        outcome.startEpoch = epoch;
    }

    const int averageFrom = total - int(std::ceil(task.averageShare() * total));
    const int64_t n = task.trainSize();
    const int64_t batch = std::max<int64_t>(1, task.batchSize());
    const int64_t batches = (n + batch - 1) / batch;
    // Time left from the mean time per sample over this whole run (all epochs).
    const EtaEstimator eta(int64_t(total) * n, int64_t(epoch) * n);
    for (; epoch < total; ++epoch) {
        int local = 0;
        const int phase = phaseOf(epoch, local);
        if (optimizerPhase != phase) {
            if (local == 0)
                task.beginPhase(phase);
            makeOptimizer(phase);
        }
        const double lr = cosineLr(local, phases[size_t(phase)].epochs, task.lr(), task.lrMin());
        for (auto& group : optimizer->param_groups())
            static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
        task.module().train();
        // The order of an epoch depends only on the seed and the epoch: a resumed run repeats it.
        torch::manual_seed(options.seed * 1000003ull + uint64_t(epoch));
        const torch::Tensor order = torch::randperm(n, torch::kLong);
        double lossSum = 0;
        for (int64_t b = 0; b < batches; ++b) {
            if (job.cancelled()) {
                outcome.cancelled = true;
                return outcome;
            }
            const torch::Tensor rows = order.slice(0, b * batch, std::min(n, (b + 1) * batch));
            optimizer->zero_grad();
            lossSum += task.trainBatch(phase, rows);
            optimizer->step();
            if (options.progress) {
                TrainProgress p;
                p.model = task.kind();
                p.phase = phases[size_t(phase)].name;
                p.epoch = epoch + 1;
                p.epochs = total;
                p.batch = b + 1;
                p.batches = batches;
                p.loss = lossSum / double(b + 1);
                p.lr = lr;
                p.seconds = std::chrono::duration<double>(Clock::now() - start).count();
                p.etaSeconds = eta.secondsLeft(p.seconds, int64_t(epoch) * n + std::min(n, (b + 1) * batch));
                options.progress(p);
            }
        }
        TrainProgress done;
        done.model = task.kind();
        done.phase = phases[size_t(phase)].name;
        done.epoch = epoch + 1;
        done.epochs = total;
        done.batch = done.batches = batches;
        done.loss = lossSum / double(batches);
        done.lr = lr;
        done.epochEnd = true;
        {
            torch::NoGradGuard noGrad;
            task.module().eval();
            done.valLoss = task.validate(phase, done.metrics);
            if (epoch >= averageFrom && task.averageShare() > 0) {
                auto params = task.module().parameters();
                if (averaged.empty())
                    for (const auto& p : params)
                        averaged.push_back(p.detach().clone());
                else
                    for (size_t i = 0; i < params.size(); ++i)
                        averaged[i].mul_(double(averagedCount) / double(averagedCount + 1))
                            .add_(params[i].detach() / double(averagedCount + 1));
                ++averagedCount;
            }
        }
        done.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        done.etaSeconds = eta.secondsLeft(done.seconds, int64_t(epoch + 1) * n);
        outcome.history.push_back(done);

        // Checkpoint: everything a resume needs, then rename over the last one.
        torch::serialize::OutputArchive archive;
        torch::serialize::OutputArchive model, opt;
        task.module().save(model);
        archive.write("model", model);
        optimizer->save(opt);
        archive.write("optimizer", opt);
        task.saveExtra(archive);
        for (size_t i = 0; i < averaged.size(); ++i)
            archive.write("avg" + std::to_string(i), averaged[i]);
        ModelFile ckpt;
        ckpt.header["kind"] = QString::fromStdString(task.kind());
        ckpt.header["settings"] = task.settings();
        ckpt.header["data"] = QString::fromStdString(task.dataFingerprint());
        ckpt.header["epoch"] = epoch + 1;
        ckpt.header["epochs"] = total;
        ckpt.header["seed"] = double(options.seed);
        ckpt.header["averaged"] = int(averagedCount);
        ckpt.header["history"] = historyToJson(outcome.history);
        ckpt.payload = archiveBytes(archive);
        if (auto w = writeModelFile(ckptPath, ckpt); !w)
            return w.error();
        if (options.progress)
            options.progress(done);
    }
    // The averaged weights become the model.
    if (!averaged.empty()) {
        torch::NoGradGuard noGrad;
        auto params = task.module().parameters();
        for (size_t i = 0; i < params.size() && i < averaged.size(); ++i)
            params[i].copy_(averaged[i]);
    }
    return outcome;
}

} // namespace lm::ml
