// score: every window of a library scored with a detector.
#include "ModelCommands.h"
#include "ProgressLine.h"

#include "core/library/Scoring.h"
#include "core/ml/LoopDetector.h"

namespace lm::cli {

int runScore(int argc, char** argv)
{
    Args args;
    if (!parseArgs(argc, argv, 2, {"db", "model", "threads"}, {"quiet"}, args) || !useTorchThreads(args))
        return Usage;
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
    ProgressLine line("score", args.flag("quiet"));
    JobContext job(line.reporter());
    InterruptCancels interrupt(job);
    auto scored = scoreLibrary(**lib, *detector, *model, &job);
    line.finish();
    if (!scored)
        return fail(scored.error());
    LoopQuery under;
    under.maxScore = detector->threshold();
    under.source = LoopQuery::Source::Mined; // the library's windows, not its generated loops
    const int64_t keptLoops = (*lib)->countLoops(under);
    JsonWriter j(true);
    j.beginObject();
    j.key("model").value(*model);
    j.key("threshold").value(detector->threshold());
    j.key("windows_scored").value(scored->windows);
    j.key("windows_under_threshold").value(scored->underThreshold);
    j.key("kept_windows_under_threshold").value(keptLoops);
    j.key("seconds").value(secondsSince(start));
    j.endObject();
    printJson(j.str());
    return Done;
}

} // namespace lm::cli
