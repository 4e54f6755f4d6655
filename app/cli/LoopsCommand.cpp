// loops: the library's loops (mined and kept generated ones) as the loops
// panel lists them, best first, as a JSON array; with its favourites and tags.
#include "CliCommon.h"
#include "Commands.h"
#include "LoopMarksJson.h"

#include "core/base/JsonWriter.h"

#include <limits>

namespace lm::cli {

namespace {

void writeLoop(JsonWriter& j, const LoopRow& r)
{
    j.beginObject();
    j.key("id").value(r.id.text());
    j.key("source").value(r.id.sourceName());
    const bool mined = r.id.source == LoopId::Source::Mined;
    if (mined)
        j.key("file").value(r.path);
    else
        j.key("file").null();
    j.key("start_bar").value(r.startBar);
    if (r.loopScore)
        j.key("loop_score").value(*r.loopScore);
    else
        j.key("loop_score").null();
    j.key("note_density").value(r.noteDensity);
    j.key("unique_pitch").value(r.uniquePitch);
    j.key("tempo").value(r.tempoBpm);
    j.key("metre").value(r.metre); // the loop's time signature (method.md 10.2)
    if (!mined)
        j.key("model").value(r.model);
    if (r.period) // method.md 10.1; null for generated loops and windows stored before schema 5
        j.key("period").value(*r.period);
    else
        j.key("period").null();
    writeLoopMarks(j, r);
    j.endObject();
}

} // namespace

int runLoops(int argc, char** argv)
{
    Args args;
    if (!parseArgs(argc, argv, 2, {"db", "source", "max-score", "limit", "model", "period", "tag", "min-tempo", "max-tempo"},
                   {"starred"}, args))
        return Usage;
    LoopQuery q;
    int64_t limit = std::numeric_limits<int64_t>::max();
    if (!numberOption(args, "max-score", q.maxScore, 0.0, 1e9)
        || !numberOption(args, "limit", limit, int64_t(1), int64_t(1000000000))
        || !numberOption(args, "min-tempo", q.minTempo, 1.0, 1000.0) || !numberOption(args, "max-tempo", q.maxTempo, 1.0, 1000.0))
        return Usage;
    if (q.minTempo && q.maxTempo && *q.minTempo > *q.maxTempo)
        return usageError("--min-tempo is above --max-tempo: no loop is in that range");
    q.starredOnly = args.flag("starred");
    if (const auto tag = args.option("tag")) { // any of these tags
        q.tags = cleanTags(*tag);
        if (q.tags.empty())
            return usageError("--tag needs a tag (or several, comma-separated)");
    }
    if (const auto source = args.option("source")) {
        if (*source == "mined")
            q.source = LoopQuery::Source::Mined;
        else if (*source == "generated")
            q.source = LoopQuery::Source::Generated;
        else
            return usageError("--source needs mined or generated, not '" + *source + "'");
    }
    if (const auto period = args.option("period")) { // mined loops of one period (method.md 10.1)
        if (*period != "0" && *period != "1" && *period != "2" && *period != "4" && *period != "8")
            return usageError("--period needs 1, 2, 4, 8 or 0 (no period), not '" + *period + "'");
        q.period = std::stoi(*period);
    }
    q.model = args.option("model").value_or("");
    if (!q.model.empty() && q.source == LoopQuery::Source::Mined)
        return usageError("--model names a model of generated loops; it does not go with --source mined");
    if (!args.positional.empty())
        return usageError("loops takes no FILE (did you mean --db " + args.positional[0] + "?)");
    const auto db = args.option("db");
    if (!db)
        return usageError("loops needs --db LIB.sqlite");
    auto lib = LibraryDb::open(*db, LibraryOpen::MustExist);
    if (!lib)
        return fail(lib.error());
    const std::vector<LoopRow> rows = (*lib)->loopRows(q, 0, limit);
    if (const auto& error = (*lib)->lastError())
        return fail(*error);
    JsonWriter j(true);
    j.beginArray();
    for (const LoopRow& r : rows)
        writeLoop(j, r);
    j.endArray();
    printJson(j.str());
    return Done;
}

} // namespace lm::cli
