// train detector | vqvae | prior | cnnvae: trains one model of the library's data into
// --out DIR, with checkpoints that --resume goes on from.
#include "ModelCommands.h"

#include "core/ml/CnnVae.h"
#include "core/ml/CodePrior.h"
#include "core/ml/LoopDetector.h"
#include "core/ml/VqVae.h"

#include <algorithm>
#include <random>

namespace lm::cli {
namespace {

// The detector learns from the kept windows' correlations, or a seeded random subset of them.
Result<std::vector<WindowCorrelation>> detectorData(LibraryDb& db, const std::string& kind, int maxWindows, int seed,
                                                   size_t& available)
{
    std::vector<WindowCorrelation> data;
    for (const WindowRecord& r : db.windowRecords(true, kind))
        if (r.metre == "4/4") // the models' metre (method.md 10.2)
            data.push_back(r.correlation);
    available = data.size();
    if (data.size() < 2)
        return Error{db.path(), -1, "only " + std::to_string(data.size()) + " kept " + (kind.empty() ? "" : kind + " ")
                                        + "windows to train the detector on"};
    if (maxWindows > 0 && data.size() > size_t(maxWindows)) {
        std::mt19937_64 rng{static_cast<uint64_t>(seed)};
        std::shuffle(data.begin(), data.end(), rng);
        data.resize(size_t(maxWindows));
    }
    return data;
}

// --loops FOLDER: one loop per file, as the paper's detector data; else the library's kept windows.
Result<std::vector<WindowCorrelation>> detectorInput(const Args& args, int maxWindows, int seed, size_t& available,
                                                    std::vector<std::string>& skipped)
{
    if (const auto folder = args.option("loops")) {
        LoopFolder loops = loadLoopFolder(*folder);
        skipped = loops.skipped;
        available = loops.correlations.size();
        if (loops.correlations.size() < 2)
            return Error{*folder, -1, "only " + std::to_string(loops.correlations.size())
                                          + " usable loop files to train the detector on"
                                          + (skipped.empty() ? "" : " (first skipped: " + skipped.front() + ")")};
        return loops.correlations;
    }
    auto lib = openLibrary(args);
    if (!lib)
        return lib.error();
    return detectorData(**lib, args.option("kind").value_or(""), maxWindows, seed, available);
}

int trainDetector(const Args& args, const std::string& out)
{
    ml::DetectorSettings s;
    int maxWindows = 0, seed = 1;
    ProgressLine line("train", args.flag("quiet"));
    ml::TrainOptions options;
    if (!settingOptions(args, s, ml::detectorSettingFields()) || !numberOption(args, "max-windows", maxWindows, 0, 1 << 30)
        || !numberOption(args, "seed", seed, 0, 1 << 30) || !trainOptions(args, out, options))
        return Usage;
    size_t available = 0;
    std::vector<std::string> skipped;
    auto data = detectorInput(args, maxWindows, seed, available, skipped);
    if (!data)
        return fail(data.error());
    JobContext job(trainProgress(line));
    InterruptCancels interrupt(job);
    ml::TrainOutcome outcome;
    const auto start = std::chrono::steady_clock::now();
    auto detector = ml::trainDetector(*data, s, options, job, &outcome);
    line.finish();
    if (!detector)
        return fail(detector.error());
    JsonWriter j(true);
    j.beginObject();
    j.key("model").value(out + "/" + ml::LoopDetector::kFileName);
    j.key("windows").value(int64_t(data->size()));
    j.key("windows_available").value(int64_t(available));
    j.key("training_set").value(args.option("loops") ? "loop files in " + *args.option("loops") : "kept windows of the library");
    j.key("skipped").beginArray();
    for (const std::string& why : skipped)
        j.value(why);
    j.endArray();
    j.key("data").value(detector->dataFingerprint());
    j.key("parameters").value(detector->parameterCount());
    j.key("threshold").value(detector->threshold());
    j.key("epochs").value(outcome.epochs);
    j.key("resumed_from_epoch").value(outcome.startEpoch);
    j.key("seconds").value(secondsSince(start));
    if (!outcome.history.empty()) {
        j.key("final_loss").value(outcome.history.back().loss);
        j.key("final_val_loss").value(outcome.history.back().valLoss);
    }
    j.endObject();
    printJson(j.str());
    return Done;
}

// A network that learns the library's training loops (rolls): settings from the
// options, the loops, the training, and its JSON. `extra` adds the network's own keys.
template <class Settings, class Train, class Extra>
int trainOnRolls(const Args& args, const std::string& out, const SettingFields<Settings>& fields,
                 const std::string& fileName, Train train, Extra extra)
{
    Settings s;
    ProgressLine line("train", args.flag("quiet"));
    ml::TrainOptions options;
    if (!settingOptions(args, s, fields) || !trainOptions(args, out, options))
        return Usage;
    auto lib = openLibrary(args);
    if (!lib)
        return fail(lib.error());
    auto set = trainingLoops(**lib, args);
    if (!set)
        return fail(set.error());
    s.trainingSet = set->selection;
    JobContext job(trainProgress(line));
    InterruptCancels interrupt(job);
    ml::TrainOutcome outcome;
    const auto start = std::chrono::steady_clock::now();
    auto model = train(set->rolls, s, options, job, &outcome);
    line.finish();
    if (!model)
        return fail(model.error());
    JsonWriter j(true);
    j.beginObject();
    j.key("model").value(out + "/" + fileName);
    j.key("loops").value(int64_t(set->rolls.size()));
    j.key("training_set").value(set->selection);
    extra(j, s);
    j.key("parameters").value(model->parameterCount());
    writeOutcome(j, outcome);
    j.key("seconds").value(secondsSince(start));
    j.endObject();
    printJson(j.str());
    return Done;
}

int trainVqVae(const Args& args, const std::string& out)
{
    return trainOnRolls(args, out, ml::vqVaeSettingFields(), ml::VqVae::kFileName,
                        [](auto&&... a) { return ml::trainVqVae(a...); },
                        [](JsonWriter& j, const ml::VqVaeSettings& s) { j.key("codes").value(s.codes); });
}

int trainPrior(const Args& args, const std::string& out)
{
    ml::PriorSettings s;
    ProgressLine line("train", args.flag("quiet"));
    ml::TrainOptions options;
    if (!settingOptions(args, s, ml::priorSettingFields()) || !trainOptions(args, out, options))
        return Usage;
    auto lib = openLibrary(args);
    if (!lib)
        return fail(lib.error());
    auto vqvae = ml::VqVae::load(out);
    if (!vqvae)
        return fail(vqvae.error());
    s.codes = vqvae->settings().codes;
    auto set = trainingLoops(**lib, args);
    if (!set)
        return fail(set.error());
    const auto codes = vqvae->encode(set->rolls);
    JobContext job(trainProgress(line));
    InterruptCancels interrupt(job);
    ml::TrainOutcome outcome;
    const auto start = std::chrono::steady_clock::now();
    auto prior = ml::trainPrior(codes, s, options, job, &outcome);
    line.finish();
    if (!prior)
        return fail(prior.error());
    JsonWriter j(true);
    j.beginObject();
    j.key("model").value(out + "/" + ml::CodePrior::kFileName);
    j.key("sequences").value(int64_t(codes.size()));
    j.key("layers").value(s.layers);
    j.key("hidden").value(s.hidden);
    j.key("parameters").value(prior->parameterCount());
    writeOutcome(j, outcome);
    j.key("seconds").value(secondsSince(start));
    j.endObject();
    printJson(j.str());
    return Done;
}

// The CNN-VAE baseline (method.md 8) on the VQ-VAE's training loops, through the same trainer.
int trainCnnVae(const Args& args, const std::string& out)
{
    if (args.option("world-size"))
        return usageError("data-parallel training (--world-size) covers detector, vqvae and prior; "
                          "the CNN-VAE trains in one process");
    return trainOnRolls(args, out, ml::cnnVaeSettingFields(), ml::CnnVae::kFileName,
                        [](auto&&... a) { return ml::trainCnnVae(a...); },
                        [](JsonWriter& j, const ml::CnnVaeSettings&) { j.key("latent").value(int64_t(ml::kCnnVaeLatent)); });
}

} // namespace

int runTrain(int argc, char** argv)
{
    if (argc < 3)
        return usageError("train needs what: detector, vqvae, prior or cnnvae");
    const std::string what = argv[2];
    std::vector<std::string> valued{"db", "out", "seed", "threads", "kind", "max-windows", "loops"};
    appendOptionNames(valued, ml::detectorSettingFields());
    appendOptionNames(valued, ml::vqVaeSettingFields());
    appendOptionNames(valued, ml::priorSettingFields());
    appendOptionNames(valued, ml::cnnVaeSettingFields());
    valued.insert(valued.end(), kDistributedOptions.begin(), kDistributedOptions.end());
    Args args;
    if (!parseArgs(argc, argv, 3, valued, {"resume", "quiet", "phrase-starts"}, args) || !useTorchThreads(args))
        return Usage;
    const auto out = args.option("out");
    if (what != "detector" && what != "vqvae" && what != "prior" && what != "cnnvae")
        return usageError("unknown model '" + what + "' (detector, vqvae, prior, cnnvae)");
    if (!out)
        return usageError("train " + what + " needs --out DIR" + (what == "prior" ? " (holding the VQ-VAE)" : ""));
    if (what == "detector")
        return trainDetector(args, *out);
    if (what == "vqvae")
        return trainVqVae(args, *out);
    if (what == "cnnvae")
        return trainCnnVae(args, *out);
    return trainPrior(args, *out);
}

} // namespace lm::cli
