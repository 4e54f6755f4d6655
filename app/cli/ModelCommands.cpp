// The model commands (train, score): built into a shared module that
// loopminer-cli loads only when one of them runs, so that the analysis
// commands start without loading LibTorch.
#include "CliCommon.h"

#include "core/base/JsonWriter.h"
#include "core/base/FileBytes.h"
#include "core/library/LibraryDb.h"
#include "core/library/LoopSet.h"
#include "core/io/MidiWriter.h"
#include "core/ml/Evaluation.h"
#include "core/ml/Generator.h"
#include "core/library/Scoring.h"
#include "core/ml/LoopDetector.h"
#include "core/model/RollToMidi.h"
#include "core/ml/TorchInfo.h"

#include <algorithm>
#include <random>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <cstdio>
#include <iostream>
#include <thread>

namespace lm::cli {
namespace {

JobContext* g_job = nullptr;
void onInterrupt(int) { if (g_job) g_job->cancel(); }

bool intOption(const Args& args, const std::string& name, int& out, int min, int max)
{
    auto v = args.option(name);
    if (!v)
        return true;
    try {
        size_t used = 0;
        const int n = std::stoi(*v, &used);
        if (used != v->size() || n < min || n > max)
            throw std::invalid_argument("");
        out = n;
        return true;
    } catch (...) {
        usageError("--" + name + " needs a whole number from " + std::to_string(min) + " to " + std::to_string(max));
        return false;
    }
}

Result<std::unique_ptr<LibraryDb>> openLibrary(const Args& args)
{
    const auto db = args.option("db");
    if (!db)
        return Error{"", -1, "needs --db LIB.sqlite"};
    return LibraryDb::open(*db, LibraryOpen::MustExist); // these commands read a library, never make one
}

ml::TrainOptions trainOptions(const Args& args, const std::string& out, bool)
{
    ml::TrainOptions o;
    o.dir = out;
    o.resume = args.flag("resume");
    int seed = 1, threads = 0;
    intOption(args, "seed", seed, 0, 1 << 30);
    intOption(args, "threads", threads, 0, 1024);
    o.seed = uint64_t(seed);
    o.threads = threads;
    return o;
}

// The training's progress line on stderr (its reports arrive through the job).
JobContext::ProgressFn trainProgressLine(bool quiet)
{
    auto last = std::make_shared<std::chrono::steady_clock::time_point>();
    return ml::onTrainProgress([quiet, last](const ml::TrainProgress& p) {
        const auto now = std::chrono::steady_clock::now();
        const bool lastEpoch = p.epochEnd && p.epoch == p.epochs;
        if (quiet || (!lastEpoch && now - *last < std::chrono::milliseconds(250)))
            return;
        *last = now;
        std::fprintf(stderr, "\rtrain %s (%s): epoch %d/%d batch %lld/%lld loss %.6g%s eta %.0f s\033[K",
                     p.model.c_str(), p.phase.c_str(), p.epoch, p.epochs, static_cast<long long>(p.batch),
                     static_cast<long long>(p.batches), p.loss,
                     p.epochEnd ? (" val " + std::to_string(p.valLoss)).c_str() : "", p.etaSeconds);
        if (lastEpoch)
            std::fputc('\n', stderr);
    });
}

int trainDetector(const Args& args)
{
    auto lib = openLibrary(args);
    if (!lib)
        return fail(lib.error());
    const auto out = args.option("out");
    if (!out)
        return usageError("train detector needs --out DIR");
    ml::DetectorSettings s;
    if (!intOption(args, "epochs-ae", s.autoencoderEpochs, 1, 100000) || !intOption(args, "epochs-svdd", s.svddEpochs, 1, 100000)
        || !intOption(args, "batch", s.batch, 1, 1 << 20))
        return Usage;
    const std::string kind = args.option("kind").value_or("");
    int maxWindows = 0, seed = 1;
    if (!intOption(args, "max-windows", maxWindows, 0, 1 << 30) || !intOption(args, "seed", seed, 0, 1 << 30))
        return Usage;
    std::vector<WindowCorrelation> data;
    for (const WindowRecord& r : (*lib)->windowRecords(true, kind))
        data.push_back(r.correlation);
    if (data.size() < 2)
        return fail(Error{(*lib)->path(), -1, "only " + std::to_string(data.size()) + " kept "
                                                   + (kind.empty() ? "" : kind + " ") + "windows to train the detector on"});
    const size_t available = data.size();
    if (maxWindows > 0 && data.size() > size_t(maxWindows)) { // a seeded random subset
        std::mt19937_64 rng{static_cast<uint64_t>(seed)};
        std::shuffle(data.begin(), data.end(), rng);
        data.resize(size_t(maxWindows));
    }
    JobContext job(trainProgressLine(args.flag("quiet")));
    g_job = &job;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    ml::TrainOutcome outcome;
    const auto start = std::chrono::steady_clock::now();
    auto detector = ml::trainDetector(data, s, trainOptions(args, *out, args.flag("quiet")), job, &outcome);
    g_job = nullptr;
    if (!detector)
        return fail(detector.error());
    JsonWriter j(true);
    j.beginObject();
    j.key("model").value(*out + "/" + ml::LoopDetector::kFileName);
    j.key("windows").value(int64_t(data.size()));
    j.key("windows_available").value(int64_t(available));
    j.key("data").value(detector->dataFingerprint());
    j.key("parameters").value(detector->parameterCount());
    j.key("threshold").value(detector->threshold());
    j.key("epochs").value(outcome.epochs);
    j.key("resumed_from_epoch").value(outcome.startEpoch);
    j.key("seconds").value(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (!outcome.history.empty()) {
        j.key("final_loss").value(outcome.history.back().loss);
        j.key("final_val_loss").value(outcome.history.back().valLoss);
    }
    j.endObject();
    printJson(j.str());
    return Done;
}

bool doubleOption(const Args& args, const std::string& name, double& out, double min, double max)
{
    auto v = args.option(name);
    if (!v)
        return true;
    try {
        size_t used = 0;
        const double n = std::stod(*v, &used);
        if (used != v->size() || !(n >= min && n <= max))
            throw std::invalid_argument("");
        out = n;
        return true;
    } catch (...) {
        usageError("--" + name + " needs a number from " + std::to_string(min) + " to " + std::to_string(max));
        return false;
    }
}

void writeOutcome(JsonWriter& j, const ml::TrainOutcome& o)
{
    j.key("epochs").value(o.epochs);
    j.key("resumed_from_epoch").value(o.startEpoch);
    if (!o.history.empty()) {
        const ml::TrainProgress& last = o.history.back();
        j.key("final_loss").value(last.loss);
        j.key("final_val_loss").value(last.valLoss);
        for (const auto& [k, v] : last.metrics)
            j.key(k).value(v);
    }
}

bool samplingOptions(const Args& args, ml::GenerateSettings& s)
{
    int topK = 0, seed = 1;
    double topP = 0;
    if (!intOption(args, "top-k", topK, 0, 65536) || !doubleOption(args, "top-p", topP, 0, 1)
        || !doubleOption(args, "temperature", s.sampling.temperature, 1e-3, 100)
        || !doubleOption(args, "max-score", s.maxScore, 0, 1e9) || !intOption(args, "seed", seed, 0, 1 << 30))
        return false;
    if (topK > 0 && topP > 0) {
        usageError("use --top-k or --top-p, not both");
        return false;
    }
    s.seed = uint64_t(seed);
    s.sampling.topK = args.option("top-k") ? topK : (topP > 0 ? 0 : 30);
    s.sampling.topP = topP;
    return true;
}

void writeSet(JsonWriter& j, const ml::SetMeasures& m)
{
    j.beginObject();
    j.key("loops").value(m.loops);
    j.key("loop_score").value(m.loopScore);
    j.key("unique_pitch").value(m.uniquePitch);
    j.key("note_density").value(m.noteDensity);
    j.endObject();
}

// The loops the VQ-VAE and the prior learn from.
Result<LoopSet> trainingLoops(LibraryDb& db, const Args& args)
{
    LoopSetOptions o;
    o.phraseStartsOnly = args.flag("phrase-starts");
    LoopSet set = loadLoopSet(db, o);
    for (const std::string& u : set.unreadable)
        std::cerr << "loopminer-cli: skipped " << u << "\n";
    if (set.rolls.size() < 2)
        return Error{db.path(), -1, "only " + std::to_string(set.rolls.size()) + " training loops (" + set.selection + ")"};
    return set;
}

int trainVqVae(const Args& args)
{
    auto lib = openLibrary(args);
    if (!lib)
        return fail(lib.error());
    const auto out = args.option("out");
    if (!out)
        return usageError("train vqvae needs --out DIR");
    ml::VqVaeSettings s;
    if (!intOption(args, "epochs", s.epochs, 1, 100000) || !intOption(args, "batch", s.batch, 1, 1 << 20)
        || !intOption(args, "codes", s.codes, 2, 65536))
        return Usage;
    auto set = trainingLoops(**lib, args);
    if (!set)
        return fail(set.error());
    s.trainingSet = set->selection;
    JobContext job(trainProgressLine(args.flag("quiet")));
    g_job = &job;
    ml::TrainOutcome outcome;
    const auto start = std::chrono::steady_clock::now();
    auto model = ml::trainVqVae(set->rolls, s, trainOptions(args, *out, args.flag("quiet")), job, &outcome);
    g_job = nullptr;
    if (!model)
        return fail(model.error());
    JsonWriter j(true);
    j.beginObject();
    j.key("model").value(*out + "/" + ml::VqVae::kFileName);
    j.key("loops").value(int64_t(set->rolls.size()));
    j.key("training_set").value(set->selection);
    j.key("codes").value(s.codes);
    j.key("parameters").value(model->parameterCount());
    writeOutcome(j, outcome);
    j.key("seconds").value(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    j.endObject();
    printJson(j.str());
    return Done;
}

int trainPrior(const Args& args)
{
    auto lib = openLibrary(args);
    if (!lib)
        return fail(lib.error());
    const auto out = args.option("out");
    if (!out)
        return usageError("train prior needs --out DIR (holding the VQ-VAE)");
    auto vqvae = ml::VqVae::load(*out);
    if (!vqvae)
        return fail(vqvae.error());
    ml::PriorSettings s;
    s.codes = vqvae->settings().codes;
    if (!intOption(args, "epochs", s.epochs, 1, 100000) || !intOption(args, "batch", s.batch, 1, 1 << 20)
        || !intOption(args, "layers", s.layers, 1, 16) || !intOption(args, "hidden", s.hidden, 1, 8192))
        return Usage;
    auto set = trainingLoops(**lib, args);
    if (!set)
        return fail(set.error());
    const auto codes = vqvae->encode(set->rolls);
    JobContext job(trainProgressLine(args.flag("quiet")));
    g_job = &job;
    ml::TrainOutcome outcome;
    const auto start = std::chrono::steady_clock::now();
    auto prior = ml::trainPrior(codes, s, trainOptions(args, *out, args.flag("quiet")), job, &outcome);
    g_job = nullptr;
    if (!prior)
        return fail(prior.error());
    JsonWriter j(true);
    j.beginObject();
    j.key("model").value(*out + "/" + ml::CodePrior::kFileName);
    j.key("sequences").value(int64_t(codes.size()));
    j.key("layers").value(s.layers);
    j.key("hidden").value(s.hidden);
    j.key("parameters").value(prior->parameterCount());
    writeOutcome(j, outcome);
    j.key("seconds").value(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    j.endObject();
    printJson(j.str());
    return Done;
}

int generate(const Args& args)
{
    const auto modelDir = args.option("model");
    const auto out = args.option("out");
    if (!modelDir || !out)
        return usageError("generate needs --model DIR and --out OUTDIR");
    ml::GenerateSettings s;
    double bpm = 120;
    int count = 16;
    if (!intOption(args, "n", count, 1, 100000) || !doubleOption(args, "bpm", bpm, 20, 400) || !samplingOptions(args, s))
        return Usage;
    s.count = count;
    auto model = ml::LoopModel::load(*modelDir);
    if (!model)
        return fail(model.error());
    std::error_code ec;
    std::filesystem::create_directories(*out, ec);
    JobContext job;
    g_job = &job;
    auto result = ml::generateLoops(*model, s, job);
    g_job = nullptr;
    if (!result)
        return fail(result.error());
    JsonWriter j(true);
    j.beginObject();
    j.key("model").value(*modelDir);
    j.key("asked").value(int64_t(count));
    j.key("kept").value(int64_t(result->loops.size()));
    j.key("drawn").value(result->drawn);
    j.key("kept_per_drawn").value(result->drawn > 0 ? double(result->loops.size()) / double(result->drawn) : 0.0);
    j.key("rejected_too_sparse").value(result->tooSparse);
    j.key("rejected_empty_last_bar").value(result->emptyLastBar);
    if (!result->drawnScores.empty()) {
        std::vector<double> sc = result->drawnScores;
        std::sort(sc.begin(), sc.end());
        j.key("drawn_score_min").value(sc.front());
        j.key("drawn_score_median").value(sc[sc.size() / 2]);
    }
    j.key("detector_threshold").value(model->detector.threshold());
    j.key("max_score").value(s.maxScore);
    j.key("temperature").value(s.sampling.temperature);
    if (s.sampling.topK > 0)
        j.key("top_k").value(s.sampling.topK);
    else
        j.key("top_p").value(s.sampling.topP);
    j.key("seconds").value(result->seconds);
    j.key("loops").beginArray();
    for (size_t i = 0; i < result->loops.size(); ++i) {
        const ml::GeneratedLoop& g = result->loops[i];
        char name[32];
        std::snprintf(name, sizeof name, "loop_%03zu.mid", i + 1);
        const std::string path = *out + "/" + name;
        RollExportOptions ro;
        ro.bpm = bpm;
        if (auto w = writeMidiFile(path, rollToMidi(g.steps, ro)); !w)
            return fail(w.error());
        j.beginObject();
        j.key("file").value(path);
        j.key("loop_score").value(g.score);
        j.key("unique_pitch").value(g.uniquePitch);
        j.key("note_density").value(g.noteDensity);
        j.endObject();
    }
    j.endArray();
    j.endObject();
    const std::string summary = j.str();
    std::vector<uint8_t> bytes(summary.begin(), summary.end());
    writeFileAtomically(*out + "/summary.json", bytes);
    printJson(summary);
    std::fprintf(stderr, "generate: kept %zu of %lld drawn (%.3f)\n", result->loops.size(),
                 static_cast<long long>(result->drawn),
                 result->drawn ? double(result->loops.size()) / double(result->drawn) : 0.0);
    return result->loops.size() == size_t(count) ? Done : BadInput;
}

int evaluate(const Args& args)
{
    const auto modelDir = args.option("model");
    if (!modelDir)
        return usageError("evaluate needs --model DIR and --db LIB.sqlite");
    auto lib = openLibrary(args);
    if (!lib)
        return fail(lib.error());
    ml::GenerateSettings s;
    int n = 1000, repeats = 10, subset = 10000;
    if (!intOption(args, "n", n, 1, 1000000) || !intOption(args, "repeats", repeats, 1, 1000)
        || !intOption(args, "subset", subset, 6, 1000000) || !samplingOptions(args, s))
        return Usage;
    s.count = n;
    auto model = ml::LoopModel::load(*modelDir);
    if (!model)
        return fail(model.error());
    auto set = trainingLoops(**lib, args);
    if (!set)
        return fail(set.error());
    JobContext job;
    g_job = &job;
    auto generated = ml::generateLoops(*model, s, job);
    g_job = nullptr;
    if (!generated)
        return fail(generated.error());
    std::vector<ml::Roll> fake;
    for (const auto& g : generated->loops)
        fake.push_back(g.steps);
    const auto start = std::chrono::steady_clock::now();
    const ml::PrdcResult prdc = ml::evaluatePrdc(set->rolls, fake, repeats, subset, 5, s.seed);
    JsonWriter j(true);
    j.beginObject();
    j.key("model").value(*modelDir);
    j.key("training_set").value(set->selection);
    j.key("generated_drawn").value(generated->drawn);
    j.key("max_score").value(s.maxScore);
    j.key("generated");
    writeSet(j, ml::measureSet(model->detector, fake));
    j.key("training");
    writeSet(j, ml::measureSet(model->detector, set->rolls));
    j.key("prdc").beginObject();
    j.key("k").value(int64_t(5));
    j.key("repeats").value(int64_t(prdc.repeats));
    j.key("subset").value(prdc.subset);
    for (const auto& [name, v] : {std::make_pair("precision", prdc.precision), std::make_pair("recall", prdc.recall),
                                  std::make_pair("density", prdc.density), std::make_pair("coverage", prdc.coverage)}) {
        j.key(name).beginObject();
        j.key("mean").value(v.mean);
        j.key("sd").value(v.sd);
        j.endObject();
    }
    j.endObject();
    j.key("prdc_seconds").value(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    j.endObject();
    printJson(j.str());
    return Done;
}

int score(const Args& args)
{
    auto lib = openLibrary(args);
    if (!lib)
        return fail(lib.error());
    const auto model = args.option("model");
    if (!model)
        return usageError("score needs --model DIR");
    auto detector = ml::LoopDetector::load(*model);
    if (!detector)
        return fail(detector.error());
    const auto start = std::chrono::steady_clock::now();
    auto scored = scoreLibrary(**lib, *detector, *model);
    if (!scored)
        return fail(scored.error());
    LoopQuery under;
    under.maxScore = detector->threshold();
    const int64_t keptLoops = (*lib)->countLoops(under);
    JsonWriter j(true);
    j.beginObject();
    j.key("model").value(*model);
    j.key("threshold").value(detector->threshold());
    j.key("windows_scored").value(scored->windows);
    j.key("windows_under_threshold").value(scored->underThreshold);
    j.key("kept_windows_under_threshold").value(keptLoops);
    j.key("seconds").value(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    j.endObject();
    printJson(j.str());
    return Done;
}

} // namespace

extern "C" __attribute__((visibility("default"))) int loopminer_model_command(int argc, char** argv)
{
    const std::string cmd = argv[1];
    Args args;
    if (cmd == "train") {
        if (argc < 3)
            return usageError("train needs what: detector");
        const std::string what = argv[2];
        if (!parseArgs(argc, argv, 3,
                       {"db", "out", "epochs-ae", "epochs-svdd", "epochs", "batch", "codes", "layers", "hidden", "seed",
                        "threads", "kind", "max-windows"},
                       {"resume", "quiet", "phrase-starts"}, args))
            return Usage;
        int threads = 0;
        intOption(args, "threads", threads, 0, 1024);
        ml::setTorchThreads(threads > 0 ? threads : int(std::thread::hardware_concurrency()));
        std::signal(SIGINT, onInterrupt);
        std::signal(SIGTERM, onInterrupt);
        if (what == "detector")
            return trainDetector(args);
        if (what == "vqvae")
            return trainVqVae(args);
        if (what == "prior")
            return trainPrior(args);
        return usageError("unknown model '" + what + "' (detector, vqvae, prior)");
    }
    if (cmd == "generate") {
        if (!parseArgs(argc, argv, 2, {"model", "n", "temperature", "top-k", "top-p", "max-score", "bpm", "seed", "out", "threads"},
                       {}, args))
            return Usage;
        int threads = 0;
        intOption(args, "threads", threads, 0, 1024);
        ml::setTorchThreads(threads > 0 ? threads : int(std::thread::hardware_concurrency()));
        std::signal(SIGINT, onInterrupt);
        return generate(args);
    }
    if (cmd == "evaluate") {
        if (!parseArgs(argc, argv, 2,
                       {"model", "db", "n", "repeats", "subset", "temperature", "top-k", "top-p", "max-score", "seed"},
                       {"phrase-starts"}, args))
            return Usage;
        ml::setTorchThreads(int(std::thread::hardware_concurrency()));
        return evaluate(args);
    }
    if (cmd == "score") {
        if (!parseArgs(argc, argv, 2, {"db", "model", "threads"}, {}, args))
            return Usage;
        return score(args);
    }
    return usageError("unknown model command '" + cmd + "'");
}

} // namespace lm::cli
