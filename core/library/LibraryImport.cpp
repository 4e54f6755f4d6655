// The import run: find the files under the roots, skip those stored
// unchanged, parse the rest on worker threads and store them in batches.
#include "LibraryImport.h"

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

void collect(const std::string& root, std::vector<Candidate>& out, std::vector<SkippedFile>& skipped)
{
    auto consider = [&](const fs::path& p) {
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
                        JobContext* job = nullptr)
{
    return isAudioPath(path) ? analyseAudioForLibrary(path, size, mtimeNs, tempo, job) : analyseMidiFile(path, size, mtimeNs);
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
std::vector<Candidate> candidatesUnder(const std::vector<std::string>& roots, std::vector<SkippedFile>& skipped)
{
    std::vector<Candidate> candidates;
    for (const auto& root : roots)
        collect(root, candidates, skipped);
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

// Workers parse the files; the importing thread takes what they made with
// next(). The queue is bounded so memory stays flat.
class ParsePool {
public:
    ParsePool(const std::vector<Candidate>& todo, const std::unordered_map<std::string, TempoSetting>& tempos,
              const ImportOptions& options, JobContext& job)
        : todo_(todo), tempos_(tempos), options_(options), job_(job)
    {
        int threads = options.threads > 0 ? options.threads : int(std::max(1u, std::thread::hardware_concurrency()));
        threads = int(std::min<int64_t>(threads, std::max<int64_t>(int64_t(todo.size()), 1)));
        running_ = threads;
        for (int t = 0; t < threads; ++t)
            workers_.emplace_back([this] { work(); });
    }

    ~ParsePool()
    {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        space_.notify_all();
        for (auto& w : workers_)
            w.join();
    }

    // The next parsed file; nothing once every worker has finished.
    std::optional<ImportedFile> next()
    {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [&] { return !queue_.empty() || running_ == 0; });
        if (queue_.empty())
            return std::nullopt;
        ImportedFile f = std::move(queue_.front());
        queue_.pop_front();
        space_.notify_one();
        return f;
    }

private:
    void work()
    {
        for (;;) {
            const size_t i = next_.fetch_add(1);
            if (i >= todo_.size() || job_.cancelled())
                break;
            const Candidate& c = todo_[i];
            ImportedFile f = analyseAny(c.path, c.size, c.mtimeNs, tempoFor(tempos_, c.path, options_.audioTempo));
            std::unique_lock<std::mutex> lock(mutex_);
            space_.wait(lock, [&] { return queue_.size() < kMaxQueue || stopping_; });
            if (stopping_)
                break;
            queue_.push_back(std::move(f));
            ready_.notify_one();
        }
        std::lock_guard<std::mutex> lock(mutex_);
        --running_;
        ready_.notify_one();
    }

    static constexpr size_t kMaxQueue = 64;
    const std::vector<Candidate>& todo_;
    const std::unordered_map<std::string, TempoSetting>& tempos_;
    const ImportOptions& options_;
    JobContext& job_;
    std::mutex mutex_;
    std::condition_variable ready_, space_;
    std::deque<ImportedFile> queue_;
    std::atomic<size_t> next_{0};
    int running_ = 0;
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

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
    std::vector<Candidate> candidates = candidatesUnder(options.roots, summary.skipped);
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
    {
        ParsePool pool(*todo, tempos, options, job);
        while (std::optional<ImportedFile> f = pool.next()) {
            if (!status || job.cancelled())
                continue; // drain the workers; what is not committed is done by the next run
            status = writer.store(*f);
            if (!status) {
                job.cancel();
                continue;
            }
            ++done;
            tally(summary, *f);
            job.report(done, total, f->path);
        }
    }
    if (status)
        status = writer.finish();
    if (!status)
        return status.error();
    summary.cancelled = job.cancelled();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

} // namespace lm
