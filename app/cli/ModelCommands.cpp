// The model commands (train, score): built into a shared module that
// loopminer-cli loads only when one of them runs, so that the analysis
// commands start without loading LibTorch.
#include "CliCommon.h"

#include "core/base/JsonWriter.h"
#include "core/io/LibraryDb.h"
#include "core/ml/LoopDetector.h"
#include "core/ml/TorchInfo.h"

#include <chrono>
#include <csignal>
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
    return LibraryDb::open(*db);
}

ml::TrainOptions trainOptions(const Args& args, const std::string& out, bool quiet)
{
    ml::TrainOptions o;
    o.dir = out;
    o.resume = args.flag("resume");
    int seed = 1, threads = 0;
    intOption(args, "seed", seed, 0, 1 << 30);
    intOption(args, "threads", threads, 0, 1024);
    o.seed = uint64_t(seed);
    o.threads = threads;
    auto last = std::make_shared<std::chrono::steady_clock::time_point>();
    o.progress = [quiet, last](const ml::TrainProgress& p) {
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
    };
    return o;
}

int trainDetector(const Args& args)
{
    auto lib = openLibrary(args);
    if (!lib) {
        std::cerr << "loopminer-cli: " << lib.error().toString() << "\n";
        return BadInput;
    }
    const auto out = args.option("out");
    if (!out)
        return usageError("train detector needs --out DIR");
    ml::DetectorSettings s;
    if (!intOption(args, "epochs-ae", s.autoencoderEpochs, 1, 100000) || !intOption(args, "epochs-svdd", s.svddEpochs, 1, 100000)
        || !intOption(args, "batch", s.batch, 1, 1 << 20))
        return Usage;
    const std::string kind = args.option("kind").value_or("");
    std::vector<WindowCorrelation> data;
    for (const WindowRecord& r : (*lib)->windowRecords(true, kind))
        data.push_back(r.correlation);
    JobContext job;
    g_job = &job;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    ml::TrainOutcome outcome;
    const auto start = std::chrono::steady_clock::now();
    auto detector = ml::trainDetector(data, s, trainOptions(args, *out, args.flag("quiet")), job, &outcome);
    g_job = nullptr;
    if (!detector) {
        std::cerr << "loopminer-cli: " << detector.error().toString() << "\n";
        return BadInput;
    }
    JsonWriter j(true);
    j.beginObject();
    j.key("model").value(*out + "/" + ml::LoopDetector::kFileName);
    j.key("windows").value(int64_t(data.size()));
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

int score(const Args& args)
{
    auto lib = openLibrary(args);
    if (!lib) {
        std::cerr << "loopminer-cli: " << lib.error().toString() << "\n";
        return BadInput;
    }
    const auto model = args.option("model");
    if (!model)
        return usageError("score needs --model DIR");
    auto detector = ml::LoopDetector::load(*model);
    if (!detector) {
        std::cerr << "loopminer-cli: " << detector.error().toString() << "\n";
        return BadInput;
    }
    const auto start = std::chrono::steady_clock::now();
    const auto records = (*lib)->windowRecords(false);
    std::vector<WindowCorrelation> data;
    data.reserve(records.size());
    for (const WindowRecord& r : records)
        data.push_back(r.correlation);
    const std::vector<double> scores = detector->score(data);
    std::vector<std::pair<int64_t, double>> rows;
    int64_t loops = 0, keptLoops = 0;
    for (size_t i = 0; i < records.size(); ++i) {
        rows.emplace_back(records[i].id, scores[i]);
        loops += scores[i] < detector->threshold();
    }
    if (auto r = (*lib)->storeLoopScores(rows, detector->threshold(), *model); !r) {
        std::cerr << "loopminer-cli: " << r.error().toString() << "\n";
        return BadInput;
    }
    LoopQuery under;
    under.maxScore = detector->threshold();
    keptLoops = (*lib)->countLoops(under);
    JsonWriter j(true);
    j.beginObject();
    j.key("model").value(*model);
    j.key("threshold").value(detector->threshold());
    j.key("windows_scored").value(int64_t(records.size()));
    j.key("windows_under_threshold").value(loops);
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
        if (!parseArgs(argc, argv, 3, {"db", "out", "epochs-ae", "epochs-svdd", "batch", "seed", "threads", "kind"},
                       {"resume", "quiet"}, args))
            return Usage;
        int threads = 0;
        intOption(args, "threads", threads, 0, 1024);
        ml::setTorchThreads(threads > 0 ? threads : int(std::thread::hardware_concurrency()));
        if (what == "detector")
            return trainDetector(args);
        return usageError("unknown model '" + what + "' (detector)");
    }
    if (cmd == "score") {
        if (!parseArgs(argc, argv, 2, {"db", "model", "threads"}, {}, args))
            return Usage;
        return score(args);
    }
    return usageError("unknown model command '" + cmd + "'");
}

} // namespace lm::cli
