// scan: import folders into a library; version: what loopminer runs on and where its data is.
#include "CliCommon.h"
#include "Commands.h"
#include "ProgressLine.h"

#include "core/base/DataPaths.h"
#include "core/base/JsonWriter.h"
#include "core/library/LibraryImport.h"
#include "core/library/LibraryMerge.h"

#include <QtCore/QtGlobal>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

namespace lm::cli {
namespace {

// This process's own peak resident memory (VmHWM). Not getrusage: its
// ru_maxrss survives exec and so counts the launching process's memory too.
double peakRssMb()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    return 0;
}

} // namespace

int runScan(int argc, char** argv)
{
    Args args;
    if (!parseArgs(argc, argv, 2, {"db", "threads", "bpm", "downbeat", "prefer-bpm", "shard", "list", "root", "file-timeout"}, {"quiet", "keys"}, args))
        return Usage;
    const auto db = args.option("db");
    if (!db)
        return usageError("scan needs --db LIB.sqlite");
    if (args.positional.empty() && !args.option("list"))
        return usageError("scan needs at least one folder (or --list FILES.txt --root DIR)");
    ImportOptions options;
    options.roots = args.positional;
    options.keysInCorrelation = args.flag("keys"); // the keys part in the bar correlation (off: the method's)
    if (!numberOption(args, "threads", options.threads, 0, 1024) || !readTempoOptions(args, options.audioTempo))
        return Usage;
    // A folder or file that is not there is bad input, found before the library is made.
    for (const std::string& root : options.roots) {
        std::error_code ec;
        if (!std::filesystem::exists(root, ec))
            return fail(Error{root, -1, "no such file or folder"});
    }
    if (int code = readShardOptions(args, options); code != Done) // --shard, --list, --root, --file-timeout
        return code;
    auto lib = LibraryDb::open(*db);
    if (!lib)
        return fail(lib.error());
    if (args.option("shard"))
        if (auto r = recordScanShard(*db, options.shard); !r)
            return fail(r.error());
    ProgressLine line("scan", args.flag("quiet"));
    JobContext job(line.reporter());
    InterruptCancels interrupt(job);
    auto summary = importLibrary(**lib, options, job);
    line.finish();
    if (!summary)
        return fail(summary.error());
    const ImportSummary& s = *summary;
    JsonWriter j(true);
    j.beginObject();
    j.key("db").value(*db);
    j.key("files_seen").value(s.seen);
    j.key("unchanged").value(s.unchanged);
    j.key("read").value(s.read);
    j.key("usable").value(s.usable);
    j.key("usable_assumed_4_4").value(s.assumedFourFour);
    j.key("unusable").value(s.unusable);
    j.key("failed").value(s.failed);
    j.key("timed_out").value(s.timedOut);
    if (args.option("shard"))
        j.key("shard").value(std::to_string(options.shard.index) + "/" + std::to_string(options.shard.count));
    j.key("windows").value(s.windows);
    j.key("windows_kept").value(s.windowsKept);
    j.key("seconds").value(s.seconds);
    j.key("cancelled").value(s.cancelled);
    j.key("peak_rss_mb").value(peakRssMb());
    j.key("skipped").beginArray();
    for (const auto& sk : s.skipped) {
        j.beginObject();
        j.key("file").value(sk.path);
        j.key("reason").value(sk.reason);
        j.endObject();
    }
    j.endArray();
    j.endObject();
    printJson(j.str());
    return s.cancelled ? BadInput : Done;
}

int runVersion(int, char**)
{
    JsonWriter j(true);
    j.beginObject();
    j.key("loopminer").value(LOOPMINER_VERSION);
    j.key("qt").value(qVersion());
    j.key("sqlite").value(sqlite3_libversion());
    // Where the data is found (beside the executable, not where it was built).
    j.key("data_dir").value(dataDir());
    j.key("default_model").value(defaultModelDir());
    j.key("demo").value(demoDir());
    j.endObject();
    printJson(j.str());
    return Done;
}

} // namespace lm::cli
