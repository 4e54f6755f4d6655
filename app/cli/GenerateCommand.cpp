// generate: loops sampled from a model (the bundled default model unless
// --model names one), kept by rejection, written as MIDI files plus summary.json.
#include "ModelCommands.h"

#include "core/base/DataPaths.h"
#include "core/base/FileBytes.h"
#include "core/io/MidiWriter.h"
#include "core/library/ModelStore.h"
#include "core/model/RollToMidi.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace lm::cli {
namespace {

void writeSummary(JsonWriter& j, const std::string& modelDir, const ml::LoopModel& model, const ml::GenerateSettings& s,
                  const ml::GenerateResult& r)
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
    j.key("detector_threshold").value(model.detector.threshold());
    j.key("max_score").value(s.maxScore);
    j.key("temperature").value(s.sampling.temperature);
    if (s.sampling.topK > 0)
        j.key("top_k").value(s.sampling.topK);
    else
        j.key("top_p").value(s.sampling.topP);
    j.key("seconds").value(r.seconds);
}

// loop_001.mid, ... in `out`, each listed in the summary.
Result<bool> writeLoops(JsonWriter& j, const std::string& out, const ml::GenerateResult& r, double bpm)
{
    j.key("loops").beginArray();
    for (size_t i = 0; i < r.loops.size(); ++i) {
        const ml::GeneratedLoop& g = r.loops[i];
        char name[32];
        std::snprintf(name, sizeof name, "loop_%03zu.mid", i + 1);
        const std::string path = out + "/" + name;
        RollExportOptions ro;
        ro.bpm = bpm;
        if (auto w = writeMidiFile(path, rollToMidi(g.steps, ro)); !w)
            return w.error();
        j.beginObject();
        j.key("file").value(path);
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
    std::vector<std::string> valued{"model", "n", "bpm", "out", "threads"};
    valued.insert(valued.end(), kSamplingOptions.begin(), kSamplingOptions.end());
    Args args;
    ml::GenerateSettings s;
    double bpm = 120;
    if (!parseArgs(argc, argv, 2, valued, {"quiet"}, args) || !useTorchThreads(args)
        || !numberOption(args, "n", s.count, 1, 100000) || !numberOption(args, "bpm", bpm, 20.0, 400.0)
        || !samplingOptions(args, s))
        return Usage;
    const std::string modelDir = args.option("model").value_or(ModelStore::user().activeDir());
    const auto out = args.option("out");
    if (!out)
        return usageError("generate needs --out OUTDIR");
    auto model = ml::LoopModel::load(modelDir);
    if (!model)
        return fail(model.error());
    std::error_code ec;
    std::filesystem::create_directories(*out, ec);
    ProgressLine line("generate", args.flag("quiet"));
    JobContext job(line.reporter());
    InterruptCancels interrupt(job);
    auto result = ml::generateLoops(*model, s, job);
    line.finish();
    if (!result)
        return fail(result.error());
    JsonWriter j(true);
    j.beginObject();
    writeSummary(j, modelDir, *model, s, *result);
    if (auto w = writeLoops(j, *out, *result, bpm); !w)
        return fail(w.error());
    j.endObject();
    const std::string summary = j.str();
    if (auto w = writeFileAtomically(*out + "/summary.json", std::vector<uint8_t>(summary.begin(), summary.end())); !w)
        return fail(w.error());
    printJson(summary);
    std::fprintf(stderr, "generate: kept %zu of %lld drawn (%.3f)\n", result->loops.size(),
                 static_cast<long long>(result->drawn),
                 result->drawn ? double(result->loops.size()) / double(result->drawn) : 0.0);
    return result->loops.size() == size_t(s.count) ? Done : BadInput;
}

} // namespace lm::cli
