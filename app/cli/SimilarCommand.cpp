// similar: the nearest loops of one loop in the active model's latent space
// (LoopEmbeddings.h), nearest first, the loop itself left out. The library's
// codes are brought up to date first (encoding only what is missing).
#include "ModelCommands.h"

#include "core/library/LoopEmbeddings.h"
#include "core/library/ModelStore.h"

#include <cstdio>
#include <iostream>

namespace lm::cli {

int runSimilar(int argc, char** argv)
{
    Args args;
    int k = 10;
    if (!parseArgs(argc, argv, 2, {"db", "id", "k", "model", "threads"}, {"quiet"}, args) || !useTorchThreads(args)
        || !numberOption(args, "k", k, 1, 100000))
        return Usage;
    const auto idText = args.option("id");
    if (!idText || !args.option("db"))
        return usageError("similar needs --db LIB.sqlite and --id ID (as 'loops' prints it: m12, g3)");
    const auto id = LoopId::parse(*idText);
    if (!id)
        return usageError("--id needs a loop id such as m12 or g3, not '" + *idText + "'");
    auto lib = openLibrary(args);
    if (!lib)
        return fail(lib.error());
    const std::string modelDir = args.option("model").value_or(ModelStore::user().activeDir());
    ProgressLine line("similar", args.flag("quiet"));
    JobContext job(line.reporter());
    InterruptCancels interrupt(job);
    auto e = refreshEmbeddings(**lib, modelDir, &job);
    line.finish();
    if (!e)
        return fail(e.error());
    for (const std::string& u : e->unreadable)
        std::cerr << "loopminer-cli: skipped " << u << "\n";
    if (e->encoded > 0 && !args.flag("quiet"))
        std::fprintf(stderr, "similar: encoded %lld loops with %s\n", static_cast<long long>(e->encoded), modelDir.c_str());
    auto hits = similarLoops(*e, *id, k);
    if (!hits)
        return fail(Error{(*lib)->path(), -1, hits.error().message});
    JsonWriter j(true);
    j.beginArray();
    for (const Neighbour& n : *hits) {
        j.beginObject();
        j.key("id").value(n.id.text());
        j.key("distance").value(n.distance);
        j.endObject();
    }
    j.endArray();
    printJson(j.str());
    return Done;
}

} // namespace lm::cli
