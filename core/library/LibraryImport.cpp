// The import run: find the files under the roots, skip those stored
// unchanged, parse the rest on worker threads and store them in batches.
#include "LibraryImport.h"

#include "ImportPool.h"

#include "core/audio/AudioAnalysis.h"
#include "core/base/FileBytes.h"
#include "core/base/NaturalOrder.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

namespace fs = std::filesystem;

namespace lm {

namespace {

struct Candidate {
    std::string path;
    int64_t size;
    int64_t mtimeNs;
};

void collect(const std::string& root, std::vector<Candidate>& out, std::vector<SkippedFile>& skipped,
             const ScanShard& shard = {})
{
    auto consider = [&](const fs::path& p) {
        if (!inShard(p.string(), shard))
            return; // another shard's file: not even looked at
        const auto stamp = fileStamp(p.string());
        if (!stamp) {
            skipped.push_back({p.string(), "cannot read file information (broken link?)"});
            return;
        }
        if (stamp->regular && (isMidiPath(p.string()) || isAudioPath(p.string())))
            out.push_back({p.string(), stamp->size, stamp->mtimeNs});
    };
    std::error_code ec;
    const fs::path rootPath = fs::absolute(root, ec).lexically_normal();
    if (fs::is_regular_file(rootPath, ec)) {
        consider(rootPath);
        return;
    }
    if (!fs::is_directory(rootPath, ec)) {
        skipped.push_back({rootPath.string(), "no such file or folder"});
        return;
    }
    // Symbolic links to folders are not followed, so a link loop cannot trap the walk.
    fs::recursive_directory_iterator it(rootPath, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        skipped.push_back({rootPath.string(), "cannot open folder: " + ec.message()});
        return;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
            skipped.push_back({it->path().string(), "cannot read folder: " + ec.message()});
            ec.clear();
            continue;
        }
        std::error_code e2;
        if (!it->is_directory(e2))
            consider(it->path());
    }
}

} // namespace

std::vector<std::string> listMediaFiles(const std::string& root, std::vector<SkippedFile>& skipped)
{
    std::vector<Candidate> found;
    collect(root, found, skipped);
    std::vector<std::string> paths;
    for (Candidate& c : found)
        paths.push_back(std::move(c.path));
    std::sort(paths.begin(), paths.end(), [](const std::string& a, const std::string& b) { return naturalCompare(a, b) < 0; });
    return paths;
}

namespace {

ImportedFile analyseAny(const std::string& path, int64_t size, int64_t mtimeNs, const TempoSetting& tempo,
                        JobContext* job = nullptr, bool keysInCorrelation = false)
{
    return isAudioPath(path) ? analyseAudioForLibrary(path, size, mtimeNs, tempo, job)
                             : analyseMidiFile(path, size, mtimeNs, keysInCorrelation);
}

TempoSetting tempoFor(const std::unordered_map<std::string, TempoSetting>& stored, const std::string& path,
                      const TempoSetting& run)
{
    auto it = stored.find(path);
    TempoSetting t = run;
    if (it != stored.end()) { // the piece's own setting wins over the run's
        if (it->second.bpm)
            t.bpm = it->second.bpm;
        if (it->second.downbeat)
            t.downbeat = it->second.downbeat;
    }
    return t;
}

// The files under the roots, in path order, each once.
std::vector<Candidate> candidatesUnder(const std::vector<std::string>& roots, std::vector<SkippedFile>& skipped,
                                       const ScanShard& shard)
{
    std::vector<Candidate> candidates;
    for (const auto& root : roots)
        collect(root, candidates, skipped, shard);
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.path < b.path; });
    candidates.erase(std::unique(candidates.begin(), candidates.end(),
                                 [](const Candidate& a, const Candidate& b) { return a.path == b.path; }),
                     candidates.end());
    return candidates;
}

// The candidates not already stored with the same size and time; counts the others.
Result<std::vector<Candidate>> changedFiles(LibraryDb& db, std::vector<Candidate> candidates, int64_t& unchanged)
{
    const auto known = db.fileStates();
    if (db.lastError())
        return *db.lastError();
    const auto noPeriod = db.filesWithoutPeriod(); // stored before schema 5: read again for the period
    if (db.lastError())
        return *db.lastError();
    std::vector<Candidate> todo;
    for (auto& c : candidates) {
        auto it = known.find(c.path);
        if (it != known.end() && it->second.size == c.size && it->second.mtimeNs == c.mtimeNs && !noPeriod.count(c.path))
            ++unchanged;
        else
            todo.push_back(std::move(c));
    }
    return todo;
}

// Stores files in transactions of so many files or so long, whichever comes
// first, so that a killed import loses at most the batch it was writing.
class BatchWriter {
public:
    BatchWriter(LibraryDb& db, const ImportOptions& options) : db_(db), options_(options) {}
    ~BatchWriter()
    {
        if (inBatch_ > 0)
            db_.rollback(); // only after a failure: finish() commits the last batch
    }

    Result<bool> store(const ImportedFile& f)
    {
        if (inBatch_ == 0) {
            if (auto r = db_.begin(); !r)
                return r;
            batchStart_ = Clock::now();
        }
        ++inBatch_;
        if (auto r = db_.store(f); !r)
            return r;
        const auto sinceBatch = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - batchStart_);
        if (inBatch_ >= options_.batchFiles || sinceBatch.count() >= options_.batchMillis)
            return finish();
        return true;
    }

    Result<bool> finish()
    {
        if (inBatch_ == 0)
            return true;
        auto r = db_.commit();
        if (r)
            inBatch_ = 0;
        return r;
    }

private:
    using Clock = std::chrono::steady_clock;
    LibraryDb& db_;
    const ImportOptions& options_;
    int inBatch_ = 0;
    Clock::time_point batchStart_ = Clock::now();
};

void tally(ImportSummary& summary, const ImportedFile& f)
{
    if (f.status == FileStatus::Error) {
        ++summary.failed;
        summary.skipped.push_back({f.path, f.error});
    } else {
        ++summary.read;
        if (f.status == FileStatus::Usable) {
            ++summary.usable;
            summary.assumedFourFour += f.piece && f.piece->assumedFourFour;
        } else {
            ++summary.unusable;
            summary.skipped.push_back({f.path, f.error});
        }
    }
    summary.windows += int64_t(f.windows.size());
    for (const auto& w : f.windows)
        summary.windowsKept += w.kept ? 1 : 0;
}

} // namespace

Result<ImportedFile> reanalyseFile(LibraryDb& db, const std::string& path, const TempoSetting& runTempo, JobContext* job)
{
    const auto stamp = fileStamp(path);
    if (!stamp)
        return Error{path, -1, std::string("cannot read file information: ") + std::strerror(errno)};
    const auto tempos = db.tempoSettings();
    if (db.lastError())
        return *db.lastError();
    ImportedFile f = analyseAny(path, stamp->size, stamp->mtimeNs, tempoFor(tempos, path, runTempo), job);
    if (job && job->cancelled())
        return Error{path, -1, "cancelled (the library keeps the earlier analysis)"};
    if (auto r = db.begin(); !r)
        return r.error();
    if (auto r = db.store(f); !r) {
        db.rollback();
        return r.error();
    }
    if (auto r = db.commit(); !r)
        return r.error();
    return f;
}

Result<ImportSummary> importLibrary(LibraryDb& db, const ImportOptions& options, JobContext& job)
{
    const auto start = std::chrono::steady_clock::now();
    ImportSummary summary;
    std::vector<Candidate> candidates = candidatesUnder(options.roots, summary.skipped, options.shard);
    summary.seen = int64_t(candidates.size());
    auto todo = changedFiles(db, std::move(candidates), summary.unchanged);
    if (!todo)
        return todo.error();
    const auto tempos = db.tempoSettings();
    if (db.lastError())
        return *db.lastError();
    const int64_t total = int64_t(todo->size());
    job.report(0, total, "");

    Result<bool> status = true;
    int64_t done = 0;
    BatchWriter writer(db, options);
    std::vector<AnalysisTask> tasks;
    tasks.reserve(todo->size());
    for (Candidate& c : *todo)
        tasks.push_back({c.path, c.size, c.mtimeNs, tempoFor(tempos, c.path, options.audioTempo),
                         isAudioPath(c.path) ? "audio" : "midi"});
    todo->clear();
    // Called by one working thread at a time (ImportPool.h).
    const StoreFn storeOne = [&](ImportedFile&& f) {
        if (!status || job.cancelled())
            return; // what is not committed is done by the next run
        status = writer.store(f);
        if (!status) {
            job.cancel();
            return;
        }
        ++done;
        tally(summary, f);
        job.report(done, total, f.path);
    };
    const int threads = options.threads > 0 ? options.threads : int(std::max(1u, std::thread::hardware_concurrency()));
    summary.timedOut = runAnalysisPool(
        std::move(tasks),
        [keys = options.keysInCorrelation](const AnalysisTask& t) {
            return analyseAny(t.path, t.size, t.mtimeNs, t.tempo, nullptr, keys);
        },
        storeOne, AnalysisPoolOptions{threads, options.fileTimeoutSeconds}, job);
    if (status)
        status = writer.finish();
    if (!status)
        return status.error();
    summary.cancelled = job.cancelled();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

} // namespace lm
