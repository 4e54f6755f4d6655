#include "ModelTraining.h"

#include "ModelStore.h"
#include "TrainPlan.h"

#include "core/library/LoopSet.h"

#include "core/ml/CnnVae.h"
#include "core/ml/CodePrior.h"
#include "core/ml/Evaluation.h"
#include "core/ml/Generator.h"
#include "core/ml/LoopDetector.h"
#include "core/ml/VqVae.h"

#include <QJsonArray>

#include <algorithm>
#include <filesystem>
#include <thread>

namespace lm {

namespace fs = std::filesystem;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

// One training of a folder: which networks, where their data comes from,
// and what each finished one leaves in model.json.
class FolderTraining {
public:
    FolderTraining(LibraryDb& db, const TrainRequest& r, JobContext& job)
        : db_(db), r_(r), job_(job), dir_(r.modelDir), store_(dir_.parent_path().string(), r.bundledDir),
          name_(dir_.filename().string())
    {
        options_.dir = r.modelDir;
        options_.seed = r.seed;
        const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
        options_.threads = r.threads > 0 ? r.threads : std::max(1, cores - 1);
    }

    Result<TrainResult> run()
    {
        std::error_code ec;
        fs::create_directories(dir_, ec);
        if (auto w = store_.updateInfo(name_, {{"plan", planToJson(r_)}}); !w)
            return w.error();
        if (auto e = detector())
            return *e;
        if (stopped())
            return result_;
        if (wants("vqvae") || wants("prior") || wants("cnnvae")) {
            if (auto e = loops())
                return *e;
            if (stopped())
                return result_;
        }
        if (auto e = vqvae())
            return *e;
        if (stopped())
            return result_;
        if (auto e = prior())
            return *e;
        if (!stopped())
            if (auto e = cnnvae())
                return *e;
        if (!stopped())
            store_.updateInfo(name_, {{"plan", QJsonValue()}, {"finished", true}});
        return result_;
    }

private:
    bool wants(const std::string& part) const { return std::find(r_.parts.begin(), r_.parts.end(), part) != r_.parts.end(); }
    bool done(const std::string& part) const { return fs::exists(dir_ / (part + ".lmm")); }
    bool stopped()
    {
        if (job_.cancelled())
            result_.cancelled = true;
        return result_.cancelled;
    }

    // A network not trained here comes from `from` (when it has one).
    std::optional<Error> copyPart(const std::string& from, const std::string& part)
    {
        const fs::path src = fs::path(from) / (part + ".lmm");
        std::error_code ec;
        if (from.empty() || done(part) || !fs::exists(src, ec))
            return std::nullopt;
        fs::copy_file(src, dir_ / (part + ".lmm.tmp"), fs::copy_options::overwrite_existing, ec);
        if (!ec)
            fs::rename(dir_ / (part + ".lmm.tmp"), dir_ / (part + ".lmm"), ec);
        if (ec)
            return Error{(dir_ / (part + ".lmm")).string(), -1, "cannot copy " + src.string() + ": " + ec.message()};
        store_.updatePart(name_, part, {{"copied_from", q(from)}});
        return std::nullopt;
    }

    ml::TrainOptions optionsFor(const std::string& part) const
    {
        ml::TrainOptions o = options_;
        o.resume = r_.resume && fs::exists(dir_ / (part + ".ckpt"));
        return o;
    }

    // Stores what the finished network measured, drops its checkpoint.
    void finish(const std::string& part, const ml::TrainOutcome& outcome, QJsonObject fields)
    {
        if (!outcome.history.empty()) {
            const ml::TrainProgress& last = outcome.history.back();
            fields.insert(QStringLiteral("loss"), last.loss);
            fields.insert(QStringLiteral("val_loss"), last.valLoss);
            for (const auto& [k, v] : last.metrics)
                fields.insert(q(k), v);
        }
        fields.insert(QStringLiteral("epochs"), outcome.epochs);
        fields.insert(QStringLiteral("resumed_from_epoch"), outcome.startEpoch);
        store_.updatePart(name_, part, fields);
        std::error_code ec;
        fs::remove(dir_ / (part + ".ckpt"), ec);
        result_.trained.push_back(part);
    }

    // An error, or nothing; a cancel sets result_.cancelled.
    template <class Model>
    std::optional<Error> check(const Result<Model>& m, const ml::TrainOutcome& outcome)
    {
        if (m)
            return std::nullopt;
        if (outcome.cancelled || job_.cancelled()) {
            result_.cancelled = true;
            return std::nullopt;
        }
        return m.error();
    }

    std::optional<Error> detector()
    {
        if (!wants("detector") || done("detector"))
            return copyPart(r_.baseModelDir, "detector");
        if (r_.detector == DetectorSource::KeepBundled)
            return copyPart(r_.bundledDir, "detector");
        std::vector<WindowCorrelation> data;
        if (r_.detector == DetectorSource::Folder) { // the paper's data: known loops, one per file
            LoopFolder folder = loadLoopFolder(r_.folder, &job_);
            if (stopped())
                return std::nullopt;
            data = std::move(folder.correlations);
            if (data.size() < 2)
                return Error{r_.folder, -1, "only " + std::to_string(data.size()) + " loop files to train the detector on"
                                                + (folder.skipped.empty() ? "" : " (" + folder.skipped.front() + ", ...)")};
        } else {
            for (const WindowRecord& w : candidateWindows(db_, r_))
                data.push_back(w.correlation);
        }
        ml::DetectorSettings s;
        s.autoencoderEpochs = s.svddEpochs = r_.detectorEpochs;
        s.batch = r_.batch;
        s.lr = r_.lr;
        ml::TrainOutcome outcome;
        auto d = ml::trainDetector(data, s, optionsFor("detector"), job_, &outcome);
        if (!d || result_.cancelled)
            return check(d, outcome);
        finish("detector", outcome, {{"threshold", d->threshold()}, {"windows", double(data.size())}});
        return std::nullopt;
    }

    std::optional<Error> loops()
    {
        if (r_.metre != "4/4") // method.md 10.2: the 57 x 128 networks are 4/4
            return Error{r_.modelDir, -1, "the VQ-VAE and the prior learn 4/4 loops (8 bars of 16 steps) only, not "
                                              + r_.metre + "; train the detector alone on " + r_.metre + " loops"};
        if (r_.loops == LoopSource::Generated) {
            set_.rolls = generatedRolls(db_, r_);
            set_.selection = describeSource(r_);
            return loopsRead();
        }
        if (r_.loops == LoopSource::Folder) {
            LoopFolder folder = loadLoopFolder(r_.folder, &job_);
            set_.rolls = std::move(folder.rolls);
            set_.selection = describeSource(r_);
            return loopsRead();
        }
        std::vector<WindowRecord> windows = candidateWindows(db_, r_);
        if (r_.loops == LoopSource::UnderThreshold) { // this model's detector decides
            auto d = ml::LoopDetector::load(r_.modelDir);
            if (!d)
                return d.error();
            std::vector<WindowCorrelation> corr;
            for (const WindowRecord& w : windows)
                corr.push_back(w.correlation);
            const std::vector<double> scores = d->score(corr);
            std::vector<WindowRecord> under;
            for (size_t i = 0; i < windows.size(); ++i)
                if (scores[i] < d->threshold())
                    under.push_back(std::move(windows[i]));
            windows = std::move(under);
        }
        set_ = readLoopRolls(std::move(windows), describeSource(r_), &job_);
        for (std::vector<uint64_t>& roll : generatedRolls(db_, r_)) // the selection's kept generated loops
            set_.rolls.push_back(std::move(roll));
        return loopsRead();
    }

    std::optional<Error> loopsRead()
    {
        if (job_.cancelled())
            return std::nullopt;
        if (set_.rolls.size() < 2)
            return Error{db_.path(), -1, "only " + std::to_string(set_.rolls.size()) + " loops to learn from (" + set_.selection + ")"};
        result_.loops = int64_t(set_.rolls.size());
        result_.selection = set_.selection;
        store_.updateInfo(name_, {{"loops", double(set_.rolls.size())}, {"selection", q(set_.selection)},
                                  {"library", q(db_.path())}});
        return std::nullopt;
    }

    std::optional<Error> vqvae()
    {
        if (!wants("vqvae") || done("vqvae"))
            return wants("prior") || wants("vqvae") ? std::nullopt : copyPart(r_.baseModelDir, "vqvae");
        ml::VqVaeSettings s;
        s.codes = r_.codes;
        s.epochs = r_.vqvaeEpochs;
        s.batch = r_.batch;
        s.lr = r_.lr;
        s.trainingSet = set_.selection;
        ml::TrainOutcome outcome;
        auto m = ml::trainVqVae(set_.rolls, s, optionsFor("vqvae"), job_, &outcome);
        if (!m || result_.cancelled)
            return check(m, outcome);
        finish("vqvae", outcome, {{"loops", double(set_.rolls.size())}});
        return std::nullopt;
    }

    std::optional<Error> prior()
    {
        if (!wants("prior") || done("prior"))
            return wants("vqvae") ? std::nullopt : copyPart(r_.baseModelDir, "prior");
        if (!done("vqvae"))
            if (auto e = copyPart(r_.baseModelDir, "vqvae"))
                return e;
        auto vq = ml::VqVae::load(r_.modelDir);
        if (!vq)
            return vq.error();
        ml::PriorSettings s;
        s.codes = vq->settings().codes;
        s.layers = r_.layers;
        s.hidden = r_.hidden;
        s.epochs = r_.priorEpochs;
        s.batch = r_.batch;
        s.lr = r_.lr;
        ml::TrainOutcome outcome;
        auto p = ml::trainPrior(vq->encode(set_.rolls), s, optionsFor("prior"), job_, &outcome);
        if (!p || result_.cancelled)
            return check(p, outcome);
        finish("prior", outcome, {{"sequences", double(set_.rolls.size())}});
        return std::nullopt;
    }

    // The CNN-VAE baseline (method.md 8) on the same loops as the VQ-VAE.
    std::optional<Error> cnnvae()
    {
        if (!wants("cnnvae") || done("cnnvae"))
            return std::nullopt;
        ml::CnnVaeSettings s;
        s.epochs = r_.cnnvaeEpochs;
        s.batch = r_.batch;
        s.lr = r_.lr;
        s.trainingSet = set_.selection;
        ml::TrainOutcome outcome;
        auto m = ml::trainCnnVae(set_.rolls, s, optionsFor("cnnvae"), job_, &outcome);
        if (!m || result_.cancelled)
            return check(m, outcome);
        finish("cnnvae", outcome, {{"loops", double(set_.rolls.size())}});
        return std::nullopt;
    }

    LibraryDb& db_;
    const TrainRequest& r_;
    JobContext& job_;
    const fs::path dir_;
    ModelStore store_;
    const std::string name_;
    ml::TrainOptions options_;
    LoopSet set_;
    TrainResult result_;
};

} // namespace

Result<TrainResult> trainModels(LibraryDb& db, const TrainRequest& request, JobContext& job)
{
    if (request.parts.empty())
        return Error{request.modelDir, -1, "nothing to train"};
    return FolderTraining(db, request, job).run();
}

Result<EvaluationTable> evaluateModel(LibraryDb& db, const std::string& modelDir, int count, int repeats, JobContext& job)
{
    auto model = ml::LoopModel::load(modelDir);
    if (!model)
        return model.error();
    LoopSet set = loadLoopSet(db, {}, &job);
    if (set.rolls.size() < 2)
        return Error{db.path(), -1, "only " + std::to_string(set.rolls.size()) + " training loops (" + set.selection + ")"};
    ml::GenerateSettings s;
    s.count = count;
    s.maxDrawn = int64_t(count) * 100; // a weak model gives fewer loops, not an endless search
    auto generated = ml::generateLoops(*model, s, job);
    if (!generated)
        return generated.error();
    std::vector<ml::Roll> fake;
    for (const auto& g : generated->loops)
        fake.push_back(g.steps);
    if (fake.size() < 2 || job.cancelled())
        return Error{modelDir, -1, job.cancelled() ? "cancelled" : "fewer than 2 loops generated"};
    const ml::PrdcResult prdc = ml::evaluatePrdc(set.rolls, fake, repeats, 10000, 5, s.seed, &job);
    auto measures = [&](const std::vector<ml::Roll>& rolls) {
        const ml::SetMeasures m = ml::measureSet(model->detector, rolls);
        return LoopSetMeasures{m.loops, m.loopScore, m.uniquePitch, m.noteDensity, m.barCorrelation};
    };
    EvaluationTable t;
    t.generated = measures(fake);
    t.training = measures(set.rolls);
    t.drawn = generated->drawn;
    t.repeats = prdc.repeats;
    t.trainingSet = set.selection;
    const ml::MeanSd* v[4] = {&prdc.precision, &prdc.recall, &prdc.density, &prdc.coverage};
    for (int i = 0; i < 4; ++i) {
        t.prdc[i][0] = v[i]->mean;
        t.prdc[i][1] = v[i]->sd;
    }
    return t;
}

} // namespace lm
