// What the model commands share: the library they read, the training loops,
// the training and sampling options.
#include "ModelCommands.h"

#include "core/ml/TorchInfo.h"

#include <cstdio>
#include <iostream>
#include <thread>

namespace lm::cli {

Result<std::unique_ptr<LibraryDb>> openLibrary(const Args& args)
{
    const auto db = args.option("db");
    if (!db)
        return Error{"", -1, "needs --db LIB.sqlite"};
    return LibraryDb::open(*db, LibraryOpen::MustExist); // these commands read a library, never make one
}

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

namespace {

std::string describe(const ml::TrainProgress& p)
{
    char text[256];
    std::snprintf(text, sizeof text, "%s (%s): epoch %d/%d batch %lld/%lld loss %.6g", p.model.c_str(), p.phase.c_str(),
                  p.epoch, p.epochs, static_cast<long long>(p.batch), static_cast<long long>(p.batches), p.loss);
    std::string s = text;
    if (p.epochEnd) {
        std::snprintf(text, sizeof text, " val %.6g", p.valLoss);
        s += text;
    }
    std::snprintf(text, sizeof text, " eta %.0f s", p.etaSeconds);
    return s + text;
}

} // namespace

bool trainOptions(const Args& args, const std::string& out, ml::TrainOptions& o)
{
    int seed = 1, threads = 0;
    if (!numberOption(args, "seed", seed, 0, 1 << 30) || !numberOption(args, "threads", threads, 0, 1024))
        return false;
    o.dir = out;
    o.resume = args.flag("resume");
    o.seed = uint64_t(seed);
    o.threads = threads;
    return distributedOptions(args, o.distributed);
}

JobContext::ProgressFn trainProgress(ProgressLine& line)
{
    return ml::onTrainProgress(
        [&line](const ml::TrainProgress& p) { line.show(describe(p), p.epochEnd && p.epoch == p.epochs); });
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

const std::vector<std::string> kSamplingOptions{"temperature", "top-k", "top-p", "max-score", "seed"};

bool samplingOptions(const Args& args, ml::GenerateSettings& s)
{
    int topK = 0, seed = 1;
    double topP = 0;
    if (!numberOption(args, "top-k", topK, 0, 65536) || !numberOption(args, "top-p", topP, 0.0, 1.0)
        || !numberOption(args, "temperature", s.sampling.temperature, 1e-3, 100.0)
        || !numberOption(args, "max-score", s.maxScore, 0.0, 1e9) || !numberOption(args, "seed", seed, 0, 1 << 30))
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

bool useTorchThreads(const Args& args)
{
    int threads = 0;
    if (!numberOption(args, "threads", threads, 0, 1024))
        return false;
    ml::setTorchThreads(threads > 0 ? threads : int(std::thread::hardware_concurrency()));
    return true;
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace lm::cli
