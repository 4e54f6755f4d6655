// interpolate: a walk in the VQ-VAE's latent space from loop A to loop B
// (method.md 10): step_00.mid ... in OUTDIR and, per step, its loop score and
// the share of roll cells that differ from A and from B, as JSON.
#include "ModelCommands.h"

#include "core/base/FileBytes.h"
#include "core/io/MidiWriter.h"
#include "core/library/LatentLoops.h"
#include "core/library/ModelStore.h"
#include "core/model/RollToMidi.h"

#include <cstdio>
#include <filesystem>

namespace lm::cli {

int runInterpolate(int argc, char** argv)
{
    Args args;
    int steps = 8;
    double bpm = 120;
    if (!parseArgs(argc, argv, 2, {"model", "steps", "out", "bpm", "threads"}, {"overwrite"}, args)
        || !useTorchThreads(args) || !numberOption(args, "steps", steps, 2, 64) || !numberOption(args, "bpm", bpm, 20.0, 400.0))
        return Usage;
    if (args.positional.size() != 2)
        return usageError("interpolate needs two loop files: interpolate [--model DIR] A.mid B.mid --steps N --out OUTDIR");
    const auto out = args.option("out");
    if (!out)
        return usageError("interpolate needs --out OUTDIR (where step_00.mid ... are written)");
    const std::string modelDir = args.option("model").value_or(ModelStore::user().activeDir());
    std::vector<std::vector<uint64_t>> rolls;
    for (const std::string& path : args.positional) {
        auto roll = readLoopRoll(path);
        if (!roll)
            return fail(roll.error());
        rolls.push_back(std::move(*roll));
    }
    std::vector<std::string> names;
    for (int i = 0; i < steps; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "step_%02d.mid", i);
        names.push_back(*out + "/" + name);
        std::error_code ec;
        if (!args.flag("overwrite") && std::filesystem::exists(names.back(), ec))
            return fail(Error{names.back(), -1, "exists already (--overwrite replaces it)"});
    }
    auto walk = latentModels().interpolate(modelDir, rolls[0], rolls[1], steps);
    if (!walk)
        return fail(walk.error());
    std::error_code ec;
    std::filesystem::create_directories(*out, ec);
    JsonWriter j(true);
    j.beginObject();
    j.key("model").value(modelDir);
    j.key("a").value(args.positional[0]);
    j.key("b").value(args.positional[1]);
    j.key("detector_threshold").value(walk->threshold);
    j.key("steps").beginArray();
    for (size_t i = 0; i < walk->steps.size(); ++i) {
        const InterpolatedLoop& s = walk->steps[i];
        RollExportOptions ro;
        ro.bpm = bpm;
        if (auto w = writeMidiFile(names[i], rollToMidi(s.roll, ro)); !w)
            return fail(w.error());
        j.beginObject();
        j.key("step").value(int64_t(i));
        j.key("t").value(s.t);
        j.key("file").value(names[i]);
        j.key("loop_score").value(s.loopScore);
        j.key("differs_from_a").value(s.fromA);
        j.key("differs_from_b").value(s.fromB);
        j.key("note_density").value(s.noteDensity);
        j.key("unique_pitch").value(s.uniquePitch);
        j.endObject();
    }
    j.endArray();
    j.endObject();
    const std::string summary = j.str();
    if (auto w = writeFileAtomically(*out + "/interpolation.json", std::vector<uint8_t>(summary.begin(), summary.end())); !w)
        return fail(w.error());
    printJson(summary);
    return Done;
}

} // namespace lm::cli
