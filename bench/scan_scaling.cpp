// Scan scaling, in one run: the time to just read the files, the scan at 1
// and 2 threads (files/s, CPU time per file, peak memory), the sharded scan
// as 1 and 2 processes of one thread each plus the merge of their parts, and
// the projection for a cluster from those measured costs.
//   scan_scaling [FOLDER | --files N] [--nodes-cores C] [--collection M]
// Without FOLDER, N (default 10,000) small MIDI files are generated. Each
// measurement runs in a child process of its own (fork), so its peak memory
// and CPU time are its own. The machine's load average is printed before and
// after: on a shared machine the wall-clock numbers are noisy, CPU times less so.
#include "Fixtures.h"

#include "core/base/FileBytes.h"
#include "core/library/LibraryImport.h"
#include "core/library/LibraryMerge.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace lm;
namespace fs = std::filesystem;

namespace {

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string loadAverage()
{
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

struct Measured {
    double wall = 0, cpu = 0, peakMb = 0; // cpu: user + system of all the children
    bool ok = true;
};

// Runs each job in a child process, all at once; waits for all of them.
Measured inChildren(const std::vector<std::function<int()>>& jobs)
{
    Measured m;
    const double t0 = now();
    std::vector<pid_t> pids;
    for (const auto& job : jobs) {
        const pid_t pid = ::fork();
        if (pid == 0)
            ::_exit(job());
        pids.push_back(pid);
    }
    for (pid_t pid : pids) {
        int status = 0;
        struct rusage ru {};
        ::wait4(pid, &status, 0, &ru);
        m.ok = m.ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
        m.cpu += double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + 1e-6 * double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
        m.peakMb = std::max(m.peakMb, double(ru.ru_maxrss) / 1024.0);
    }
    m.wall = now() - t0;
    return m;
}

int scan(const std::string& folder, const std::string& db, int threads, ScanShard shard = {})
{
    auto lib = LibraryDb::open(db);
    if (!lib)
        return 1;
    ImportOptions o;
    o.roots = {folder};
    o.threads = threads;
    o.shard = shard;
    JobContext job;
    if (shard.count > 1 && !recordScanShard(db, shard))
        return 1;
    auto s = importLibrary(**lib, o, job);
    return s && s->read > 0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    std::string folder;
    int files = 10000;
    int coresPerNode = 32;
    double collection = 1.4e6;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--files" && i + 1 < argc)
            files = std::atoi(argv[++i]);
        else if (a == "--nodes-cores" && i + 1 < argc)
            coresPerNode = std::atoi(argv[++i]);
        else if (a == "--collection" && i + 1 < argc)
            collection = std::atof(argv[++i]);
        else
            folder = a;
    }
    const std::string work = (fs::temp_directory_path() / ("scan_scaling." + std::to_string(::getpid()))).string();
    fs::create_directories(work);
    if (folder.empty()) {
        folder = work + "/corpus";
        for (int i = 0; i < files; i += 500) { // as bench/make_corpus does
            const std::string part = folder + "/part" + std::to_string(i / 500);
            fs::create_directories(part);
            test::writeCollection(part, std::min(500, files - i), 1 + uint32_t(i));
        }
    }
    std::vector<SkippedFile> skipped;
    const std::vector<std::string> paths = listMediaFiles(folder, skipped);
    const double n = double(paths.size());
    std::printf("%zu files under %s; load average before: %s (%ld cores online)\n", paths.size(), folder.c_str(),
                loadAverage().c_str(), ::sysconf(_SC_NPROCESSORS_ONLN));

    const Measured read = inChildren({[&] {
        size_t bytes = 0;
        for (const auto& p : paths)
            if (auto b = readFileBytes(p, 1ull << 30))
                bytes += b->size();
        return bytes > 0 ? 0 : 1;
    }});
    std::printf("read the files only (one thread): %.3f s wall, %.3f s CPU\n", read.wall, read.cpu);

    Measured byThreads[3];
    for (int t : {1, 2}) {
        const std::string db = work + "/threads" + std::to_string(t) + ".sqlite";
        byThreads[t] = inChildren({[&, t] { return scan(folder, db, t); }});
        const Measured& m = byThreads[t];
        std::printf("scan, %d thread%s: %.3f s wall, %.0f files/s, CPU %.3f s (%.1f us/file), peak RSS %.0f MB%s\n", t,
                    t > 1 ? "s" : " ", m.wall, n / m.wall, m.cpu, 1e6 * m.cpu / n, m.peakMb, m.ok ? "" : "  FAILED");
    }
    std::printf("speed-up 2 threads / 1 thread: %.2fx (goal 1.9x; at least 10,000 files/s; memory under 150 MB)\n",
                byThreads[1].wall / byThreads[2].wall);

    Measured byShards[3];
    double mergeCpu = 0;
    for (int p : {1, 2}) {
        std::vector<std::function<int()>> jobs;
        for (int k = 0; k < p; ++k)
            jobs.push_back([&, k, p] {
                return scan(folder, work + "/s" + std::to_string(p) + "-" + std::to_string(k) + ".sqlite", 1,
                            ScanShard{k, p, fs::absolute(folder).lexically_normal().string()});
            });
        byShards[p] = inChildren(jobs);
        std::printf("sharded scan, %d process%s of 1 thread: %.3f s wall, %.0f files/s, CPU %.3f s%s\n", p,
                    p > 1 ? "es" : "  ", byShards[p].wall, n / byShards[p].wall, byShards[p].cpu,
                    byShards[p].ok ? "" : "  FAILED");
    }
    {
        MergeOptions mo{{work + "/s2-0.sqlite", work + "/s2-1.sqlite"}, work + "/merged.sqlite", false, false};
        const Measured m = inChildren({[&] { return mergeLibraries(mo) ? 0 : 1; }});
        mergeCpu = m.cpu;
        std::printf("merge of the 2 parts: %.3f s wall, CPU %.3f s (%.1f us/file)%s\n", m.wall, m.cpu, 1e6 * m.cpu / n,
                    m.ok ? "" : "  FAILED");
    }
    // The model: every core of every node runs one shard; a shard costs its
    // files' CPU time (measured above, one process) divided by the measured
    // efficiency of 2 processes on 2 cores; the merge runs alone on one core
    // afterwards, at its measured CPU time per file; plus a fixed start-up of
    // the array and the merge job (an assumption, not measured here).
    const double perFile = byShards[1].cpu / n;
    const double efficiency = std::min(1.0, byShards[1].wall / byShards[2].wall / 2);
    const double mergePerFile = mergeCpu / n;
    const double startup = 30;
    std::printf("load average after: %s\n", loadAverage().c_str());
    std::printf("projection for %.0f files: %d cores a node, one shard a core, %.1f us CPU a file, efficiency %.2f, "
                "merge %.1f us a file on one core, %.0f s to start the jobs:\n",
                collection, coresPerNode, 1e6 * perFile, efficiency, 1e6 * mergePerFile, startup);
    for (int nodes : {1, 16, 64}) {
        const double scanS = collection * perFile / (double(nodes) * coresPerNode * efficiency);
        const double mergeS = collection * mergePerFile;
        const double total = startup + scanS + mergeS;
        std::printf("  %2d node%s: %.0f s start + %.1f s scan + %.1f s merge = %.0f s (%.0f files/s)\n", nodes,
                    nodes > 1 ? "s" : " ", startup, scanS, mergeS, total, collection / total);
    }
    fs::remove_all(work);
    return 0;
}
