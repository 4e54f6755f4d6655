// generate: loops sampled from a model (the bundled default model unless
// --model names one), kept by rejection, written as MIDI files plus
// summary.json, and with --db LIB --keep stored in the library as generated loops.
#include "ModelCommands.h"

#include "core/base/DataPaths.h"
#include "core/base/FileBytes.h"
#include "core/io/MidiWriter.h"
#include "core/library/ModelStore.h"
#include "core/ml/CnnVae.h"
#include "core/model/RollToMidi.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace lm::cli {
namespace {

void writeSummary(JsonWriter& j, const std::string& modelDir, const ml::LoopDetector& detector, const ml::GenerateSettings& s,
                  const ml::GenerateResult& r, bool prior)
{
    j.key("model").value(modelDir);
    j.key("asked").value(int64_t(s.count));
    j.key("kept").value(int64_t(r.loops.size()));
    j.key("drawn").value(r.drawn);
    j.key("kept_per_drawn").value(r.drawn > 0 ? double(r.loops.size()) / double(r.drawn) : 0.0);
    j.key("rejected_too_sparse").value(r.tooSparse);
    j.key("rejected_empty_last_bar").value(r.emptyLastBar);
    if (!r.drawnScores.empty()) {
        std::vector<double> sc = r.drawnScores;
        std::sort(sc.begin(), sc.end());
        j.key("drawn_score_min").value(sc.front());
        j.key("drawn_score_median").value(sc[sc.size() / 2]);
    }
    j.key("detector_threshold").value(detector.threshold());
    j.key("max_score").value(s.maxScore);
    j.key("seconds").value(r.seconds);
    if (!prior) // the CNN-VAE draws from N(0, I): no temperature, top-k or top-p
        return;
    j.key("temperature").value(s.sampling.temperature);
    if (s.sampling.topK > 0)
        j.key("top_k").value(s.sampling.topK);
    else
        j.key("top_p").value(s.sampling.topP);
}

// --keep: the loops stored in the library as generated loops, with the
// model, the settings and the seed that made them; their ids.
Result<std::vector<LoopId>> keepInLibrary(LibraryDb& db, const std::string& modelDir, const std::string& net,
                                          const ml::GenerateSettings& s, double bpm, const ml::GenerateResult& r)
{
    GenerationBatch batch;
    batch.modelName = modelNameOfDir(modelDir) + (net == "cnnvae" ? " (CNN-VAE)" : "");
    batch.modelDir = modelDir;
    batch.settings.count = s.count;
    batch.settings.temperature = s.sampling.temperature;
    batch.settings.topK = s.sampling.topK;
    batch.settings.topP = s.sampling.topK > 0 ? 0.0 : s.sampling.topP;
    batch.settings.maxScore = s.maxScore;
    batch.settings.seed = s.seed;
    batch.settings.maxDrawn = s.maxDrawn;
    batch.settings.tempoBpm = bpm;
    batch.drawn = r.drawn;
    for (const ml::GeneratedLoop& g : r.loops) {
        StoredGeneratedLoop stored;
        stored.loop = GeneratedLoop{std::vector<uint64_t>(g.steps.begin(), g.steps.end()), g.score, g.noteDensity, g.uniquePitch};
        batch.loops.push_back(std::move(stored));
    }
    auto added = db.addGenerationBatch(std::move(batch), true, false); // kept at once: no pending batch
    if (!added)
        return added.error();
    std::vector<LoopId> ids;
    for (const StoredGeneratedLoop& g : added->loops)
        ids.push_back(g.loopId());
    return ids;
}

// loop_001.mid, ... in `out` (when given), each listed in the summary with its library id (when kept).
Result<bool> writeLoops(JsonWriter& j, const std::optional<std::string>& out, const ml::GenerateResult& r, double bpm,
                        const std::vector<LoopId>& ids)
{
    j.key("loops").beginArray();
    for (size_t i = 0; i < r.loops.size(); ++i) {
        const ml::GeneratedLoop& g = r.loops[i];
        j.beginObject();
        if (i < ids.size())
            j.key("id").value(ids[i].text());
        if (out) {
            char name[32];
            std::snprintf(name, sizeof name, "loop_%03zu.mid", i + 1);
            const std::string path = *out + "/" + name;
            RollExportOptions ro;
            ro.bpm = bpm;
            if (auto w = writeMidiFile(path, rollToMidi(g.steps, ro)); !w)
                return w.error();
            j.key("file").value(path);
        }
        j.key("loop_score").value(g.score);
        j.key("unique_pitch").value(g.uniquePitch);
        j.key("note_density").value(g.noteDensity);
        j.endObject();
    }
    j.endArray();
    return true;
}

} // namespace

int runGenerate(int argc, char** argv)
{
    std::vector<std::string> valued{"model", "n", "bpm", "out", "threads", "db", "max-drawn", "net"};
    valued.insert(valued.end(), kSamplingOptions.begin(), kSamplingOptions.end());
    Args args;
    ml::GenerateSettings s;
    double bpm = 120;
    if (!parseArgs(argc, argv, 2, valued, {"quiet", "keep"}, args) || !useTorchThreads(args)
        || !numberOption(args, "n", s.count, 1, 100000) || !numberOption(args, "bpm", bpm, 20.0, 400.0)
        || !numberOption(args, "max-drawn", s.maxDrawn, int64_t(1), int64_t(1000000000)) || !samplingOptions(args, s))
        return Usage;
    const std::string modelDir = args.option("model").value_or(ModelStore::user().activeDir());
    const auto out = args.option("out");
    const bool keep = args.flag("keep");
    if (keep && !args.option("db"))
        return usageError("--keep needs --db LIB.sqlite (the library to keep the loops in)");
    if (!keep && args.option("db"))
        return usageError("--db is where --keep stores the loops: add --keep, or leave out --db");
    if (!out && !keep)
        return usageError("generate needs --out OUTDIR or --db LIB.sqlite --keep");
    std::unique_ptr<LibraryDb> library;
    if (keep) { // before the model loads: a missing library is said at once, and nothing is made
        auto lib = openLibrary(args);
        if (!lib)
            return fail(lib.error());
        library = std::move(*lib);
    }
    const std::string net = args.option("net").value_or("vqvae");
    if (net != "vqvae" && net != "cnnvae")
        return usageError("--net is vqvae (the VQ-VAE and its prior) or cnnvae (the CNN-VAE baseline), not '" + net + "'");
    std::optional<ml::LoopModel> model;
    std::optional<ml::CnnVaeModel> baseline;
    if (net == "vqvae") {
        auto m = ml::LoopModel::load(modelDir);
        if (!m)
            return fail(m.error());
        model.emplace(std::move(*m));
    } else {
        auto b = ml::CnnVaeModel::load(modelDir);
        if (!b)
            return fail(b.error());
        baseline.emplace(std::move(*b));
    }
    const ml::LoopDetector& detector = model ? model->detector : baseline->detector;
    std::error_code ec;
    if (out)
        std::filesystem::create_directories(*out, ec);
    ProgressLine line("generate", args.flag("quiet"));
    JobContext job(line.reporter());
    InterruptCancels interrupt(job);
    auto result = model ? ml::generateLoops(*model, s, job)
                                 : ml::generateCnnVaeLoops(baseline->detector, baseline->cnnvae, s, job);
    line.finish();
    if (!result)
        return fail(result.error());
    std::vector<LoopId> ids;
    if (library && result->cancelled) {
        std::fprintf(stderr, "generate: stopped; nothing kept in %s\n", library->path().c_str());
    } else if (library) {
        auto kept = keepInLibrary(*library, modelDir, net, s, bpm, *result);
        if (!kept)
            return fail(kept.error());
        ids = std::move(*kept);
    }
    JsonWriter j(true);
    j.beginObject();
    writeSummary(j, modelDir, detector, s, *result, model.has_value());
    j.key("net").value(net);
    if (library)
        j.key("library").value(library->path());
    if (auto w = writeLoops(j, out, *result, bpm, ids); !w)
        return fail(w.error());
    j.endObject();
    const std::string summary = j.str();
    if (out)
        if (auto w = writeFileAtomically(*out + "/summary.json", std::vector<uint8_t>(summary.begin(), summary.end())); !w)
            return fail(w.error());
    printJson(summary);
    std::fprintf(stderr, "generate: kept %zu of %lld drawn (%.3f)\n", result->loops.size(),
                 static_cast<long long>(result->drawn),
                 result->drawn ? double(result->loops.size()) / double(result->drawn) : 0.0);
    return result->loops.size() == size_t(s.count) ? Done : BadInput;
}

} // namespace lm::cli
