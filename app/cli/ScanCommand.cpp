// scan: import folders into a library; version: what loopminer runs on.
#include "CliCommon.h"
#include "Commands.h"

#include "core/base/JsonWriter.h"
#include "core/library/LibraryImport.h"


#include <QtCore/QtGlobal>
#include <sqlite3.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <cstdio>
#include <iostream>

namespace lm::cli {
namespace {

JobContext* g_job = nullptr;

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
void onInterrupt(int) { if (g_job) g_job->cancel(); }

} // namespace

int runScan(int argc, char** argv)
{
    Args args;
    if (!parseArgs(argc, argv, 2, {"db", "threads", "bpm", "downbeat", "prefer-bpm"}, {"quiet"}, args))
        return Usage;
    const auto db = args.option("db");
    if (!db)
        return usageError("scan needs --db LIB.sqlite");
    if (args.positional.empty())
        return usageError("scan needs at least one folder");
    ImportOptions options;
    options.roots = args.positional;
    if (auto t = args.option("threads")) {
        try {
            options.threads = std::stoi(*t);
        } catch (...) {
            return usageError("--threads needs a number");
        }
    }
    if (!readTempoOptions(args, options.audioTempo))
        return Usage;
    // A folder or file that is not there is bad input, found before the library is made.
    for (const std::string& root : options.roots) {
        std::error_code ec;
        if (!std::filesystem::exists(root, ec))
            return fail(Error{root, -1, "no such file or folder"});
    }
    auto lib = LibraryDb::open(*db);
    if (!lib)
        return fail(lib.error());
    const bool quiet = args.flag("quiet");
    auto last = std::chrono::steady_clock::now() - std::chrono::seconds(1);
    JobContext job([&](int64_t done, int64_t total, const std::string& text) {
        const auto now = std::chrono::steady_clock::now();
        if (quiet || (now - last < std::chrono::milliseconds(200) && done != total))
            return;
        last = now;
        std::fprintf(stderr, "\rscan: %lld/%lld %s\033[K", static_cast<long long>(done),
                     static_cast<long long>(total), text.c_str());
        if (done == total)
            std::fputc('\n', stderr);
    });
    g_job = &job;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    auto summary = importLibrary(**lib, options, job);
    g_job = nullptr;
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
    j.endObject();
    printJson(j.str());
    return Done;
}

} // namespace lm::cli
