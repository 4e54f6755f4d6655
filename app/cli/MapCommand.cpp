// map: every loop of the library as a 2-D point (PCA or t-SNE of its
// quantised latent under the model), written as JSON to --out; a summary with
// the build time and the 10-NN trustworthiness on stdout.
#include "ModelCommands.h"

#include "core/base/FileBytes.h"
#include "core/library/LibraryMap.h"
#include "core/library/ModelStore.h"

#include <filesystem>
#include <iostream>

namespace lm::cli {

namespace {

std::string pointsJson(const LibraryMap& m)
{
    JsonWriter j(false);
    j.beginObject();
    j.key("method").value(mapMethodName(m.method));
    j.key("model").value(m.model);
    j.key("loops").value(int64_t(m.points.size()));
    j.key("seconds").value(m.seconds);
    j.key("points").beginArray();
    for (const MapPoint& p : m.points) {
        j.beginObject();
        j.key("id").value(p.id.text());
        j.key("x").value(p.x);
        j.key("y").value(p.y);
        j.key("source").value(p.generated ? "generated" : "mined");
        if (!p.generated) {
            j.key("file").value(p.file);
            j.key("start_bar").value(p.startBar);
        }
        if (p.loopScore)
            j.key("loop_score").value(*p.loopScore);
        else
            j.key("loop_score").null();
        j.key("note_density").value(p.noteDensity);
        j.key("tempo").value(p.tempoBpm);
        j.endObject();
    }
    j.endArray();
    j.endObject();
    return j.str();
}

} // namespace

int runMap(int argc, char** argv)
{
    Args args;
    int trustRows = 500;
    if (!parseArgs(argc, argv, 2, {"db", "out", "method", "model", "threads", "trust-rows"}, {"quiet", "overwrite"}, args)
        || !useTorchThreads(args) || !numberOption(args, "trust-rows", trustRows, 0, 1000000))
        return Usage;
    const auto out = args.option("out");
    if (!out || !args.option("db"))
        return usageError("map needs --db LIB.sqlite and --out map.json");
    const std::string methodName = args.option("method").value_or("pca");
    if (methodName != "pca" && methodName != "tsne")
        return usageError("--method needs pca or tsne, not '" + methodName + "'");
    std::error_code ec;
    if (!args.flag("overwrite") && std::filesystem::exists(*out, ec))
        return fail(Error{*out, -1, "exists already (--overwrite replaces it)"});
    auto lib = openLibrary(args);
    if (!lib)
        return fail(lib.error());
    const std::string modelDir = args.option("model").value_or(ModelStore::user().activeDir());
    ProgressLine line("map", args.flag("quiet"));
    JobContext job(line.reporter());
    InterruptCancels interrupt(job);
    const MapMethod method = methodName == "tsne" ? MapMethod::Tsne : MapMethod::Pca;
    auto m = buildLibraryMap(**lib, modelDir, method, &job, size_t(trustRows));
    line.finish();
    if (!m)
        return fail(m.error());
    if (job.cancelled())
        return fail(Error{*out, -1, "cancelled; nothing written"});
    for (const std::string& u : m->unreadable)
        std::cerr << "loopminer-cli: skipped " << u << "\n";
    const std::string text = pointsJson(*m);
    if (auto w = writeFileAtomically(*out, std::vector<uint8_t>(text.begin(), text.end())); !w)
        return fail(w.error());
    JsonWriter j(true);
    j.beginObject();
    j.key("out").value(*out);
    j.key("method").value(methodName);
    j.key("model").value(m->model);
    j.key("loops").value(int64_t(m->points.size()));
    j.key("seconds").value(m->seconds);
    if (m->trust)
        j.key("trustworthiness_10").value(*m->trust);
    j.endObject();
    printJson(j.str());
    return Done;
}

} // namespace lm::cli
