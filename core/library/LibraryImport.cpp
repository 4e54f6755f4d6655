#include "LibraryImport.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/audio/AudioAnalysis.h"
#include "core/base/FileBytes.h"
#include "core/io/MidiReader.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <mutex>
#include <sys/stat.h>
#include <thread>

namespace fs = std::filesystem;

namespace lm {

bool isMidiPath(const std::string& path)
{
    const std::string ext = lowerExtension(path);
    return ext == "mid" || ext == "midi" || ext == "smf" || ext == "kar";
}

std::string contentHash(const uint8_t* data, size_t size)
{
    uint64_t h = 1469598103934665603ull; // FNV-1a 64
    for (size_t i = 0; i < size; ++i) {
        h ^= data[i];
        h *= 1099511628211ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

namespace {

std::string describeTimeSignatures(const std::vector<TimeSignature>& ts)
{
    std::string s;
    for (const auto& t : ts) {
        if (!s.empty())
            s += ' ';
        s += std::to_string(t.numerator) + "/" + std::to_string(t.denominator) + "@" + std::to_string(t.tick);
    }
    return s;
}

struct Candidate {
    std::string path;
    int64_t size;
    int64_t mtimeNs;
};

void collect(const std::string& root, std::vector<Candidate>& out, std::vector<SkippedFile>& skipped)
{
    auto consider = [&](const fs::path& p) {
        struct stat st {};
        if (::stat(p.c_str(), &st) != 0) {
            skipped.push_back({p.string(), "cannot read file information (broken link?)"});
            return;
        }
        if (S_ISREG(st.st_mode) && (isMidiPath(p.string()) || isAudioPath(p.string())))
            out.push_back({p.string(), int64_t(st.st_size), int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec});
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

ImportedFile analyseMidiFile(const std::string& path, int64_t size, int64_t mtimeNs)
{
    auto bytes = readFileBytes(path, MidiReadLimits().maxFileBytes);
    if (!bytes) {
        ImportedFile f;
        f.path = path;
        f.size = size;
        f.mtimeNs = mtimeNs;
        f.error = bytes.error().message;
        return f;
    }
    return analyseMidiBytes(bytes->data(), bytes->size(), path, mtimeNs);
}

ImportedFile analyseMidiBytes(const uint8_t* data, size_t size, const std::string& path, int64_t mtimeNs)
{
    ImportedFile f;
    f.path = path;
    f.size = int64_t(size);
    f.mtimeNs = mtimeNs;
    f.hash = contentHash(data, size);
    auto midi = parseMidi(data, size, path);
    if (!midi) {
        const Error& e = midi.error();
        f.error = (e.offset >= 0 ? "byte " + std::to_string(e.offset) + ": " : std::string()) + e.message;
        return f;
    }
    const PieceAnalysis a = analysePiece(*midi);
    StoredPiece p;
    p.tpq = a.ticksPerQuarter;
    p.tempoBpm = a.firstTempoBpm();
    p.tempoChanges = int(a.tempoChanges.size());
    p.timeSignatures = describeTimeSignatures(a.timeSignatures);
    p.assumedFourFour = a.assumedFourFour;
    p.bars = a.bars();
    p.steps = a.markedSteps;
    f.piece = p;
    f.status = a.usable ? FileStatus::Usable : FileStatus::Unusable;
    f.error = a.reason;
    for (const WindowInfo& w : computeWindows(a))
        f.windows.push_back(
            StoredWindow{w.startBar, w.drumCells, w.bassCells, w.kept, w.correlation, {}, w.noteDensity, w.uniquePitch});
    return f;
}

ImportedFile analyseAudioForLibrary(const std::string& path, int64_t size, int64_t mtimeNs, const TempoSetting& tempo)
{
    ImportedFile f;
    f.path = path;
    f.size = size;
    f.mtimeNs = mtimeNs;
    f.kind = "audio";
    auto audio = readAudioMono(path, audioformat::kSampleRate);
    if (!audio) {
        f.error = audio.error().message;
        return f;
    }
    // A cheap content fingerprint: size plus the decoded samples.
    f.hash = contentHash(reinterpret_cast<const uint8_t*>(audio->samples.data()), audio->samples.size() * sizeof(float));
    TempoOptions range;
    range.preferMinBpm = tempo.preferMinBpm;
    range.preferMaxBpm = tempo.preferMaxBpm;
    const AudioPiece a = analyseAudio(*audio, TempoOverride{tempo.bpm, tempo.downbeat}, range);
    StoredPiece p;
    p.tempoBpm = a.bpm;
    p.timeSignatures = "4/4";
    p.bars = a.bars();
    p.steps = a.bars() * format::kStepsPerBar;
    p.sampleRate = a.info.sampleRate;
    p.channels = a.info.channels;
    p.seconds = a.seconds;
    p.downbeat = a.downbeat;
    p.bpmConfidence = a.confidence;
    p.tempoFromUser = a.bpmFromUser || a.downbeatFromUser;
    p.matrix.assign(a.matrix.begin(), a.matrix.end());
    f.piece = p;
    f.error = unusableReason(a);
    if (!f.error.empty()) {
        f.status = FileStatus::Unusable;
        return f;
    }
    f.status = FileStatus::Usable;
    // Every audio window is a candidate: the drum/bass cell rule is MIDI's.
    for (const AudioWindow& w : audioWindows(a))
        f.windows.push_back(StoredWindow{w.startBar, 0, 0, true, w.correlation, {}, 0, 0});
    return f;
}

namespace {
ImportedFile analyseAny(const std::string& path, int64_t size, int64_t mtimeNs, const TempoSetting& tempo)
{
    return isAudioPath(path) ? analyseAudioForLibrary(path, size, mtimeNs, tempo) : analyseMidiFile(path, size, mtimeNs);
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
} // namespace

Result<ImportedFile> reanalyseFile(LibraryDb& db, const std::string& path, const TempoSetting& runTempo)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return Error{path, -1, std::string("cannot read file information: ") + std::strerror(errno)};
    const int64_t mtime = int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    ImportedFile f = analyseAny(path, int64_t(st.st_size), mtime, tempoFor(db.tempoSettings(), path, runTempo));
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
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    ImportSummary summary;

    std::vector<Candidate> candidates;
    for (const auto& root : options.roots)
        collect(root, candidates, summary.skipped);
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.path < b.path; });
    candidates.erase(std::unique(candidates.begin(), candidates.end(),
                                 [](const Candidate& a, const Candidate& b) { return a.path == b.path; }),
                     candidates.end());
    summary.seen = int64_t(candidates.size());

    const auto known = db.fileStates();
    const auto tempos = db.tempoSettings();
    std::vector<Candidate> todo;
    for (auto& c : candidates) {
        auto it = known.find(c.path);
        if (it != known.end() && it->second.size == c.size && it->second.mtimeNs == c.mtimeNs)
            ++summary.unchanged;
        else
            todo.push_back(std::move(c));
    }
    const int64_t total = int64_t(todo.size());
    job.report(0, total, "");

    // Workers parse; this thread writes. The queue is bounded so memory stays flat.
    std::mutex mutex;
    std::condition_variable ready, space;
    std::deque<ImportedFile> queue;
    const size_t maxQueue = 64;
    std::atomic<size_t> next{0};
    int threads = options.threads > 0 ? options.threads : int(std::max(1u, std::thread::hardware_concurrency()));
    threads = int(std::min<int64_t>(threads, std::max<int64_t>(total, 1)));
    int running = threads;
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&] {
            for (;;) {
                const size_t i = next.fetch_add(1);
                if (i >= todo.size() || job.cancelled())
                    break;
                const Candidate& c = todo[i];
                ImportedFile f = analyseAny(c.path, c.size, c.mtimeNs, tempoFor(tempos, c.path, options.audioTempo));
                std::unique_lock<std::mutex> lock(mutex);
                space.wait(lock, [&] { return queue.size() < maxQueue; });
                queue.push_back(std::move(f));
                ready.notify_one();
            }
            std::lock_guard<std::mutex> lock(mutex);
            --running;
            ready.notify_one();
        });

    Result<bool> status = true;
    int64_t done = 0;
    int inBatch = 0;
    auto batchStart = Clock::now();
    for (;;) {
        std::unique_lock<std::mutex> lock(mutex);
        ready.wait(lock, [&] { return !queue.empty() || running == 0; });
        if (queue.empty())
            break;
        ImportedFile f = std::move(queue.front());
        queue.pop_front();
        space.notify_one();
        lock.unlock();
        if (!status || job.cancelled())
            continue; // drain the workers; what is not committed is done by the next run

        if (inBatch == 0) {
            status = db.begin();
            batchStart = Clock::now();
            if (!status) {
                job.cancel();
                continue;
            }
        }
        status = db.store(f);
        ++inBatch;
        if (!status) {
            job.cancel();
            continue;
        }
        ++done;
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
        const auto sinceBatch = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - batchStart);
        if (inBatch >= options.batchFiles || sinceBatch.count() >= options.batchMillis) {
            status = db.commit();
            inBatch = 0;
            if (!status)
                job.cancel();
        }
        job.report(done, total, f.path);
    }
    for (auto& w : workers)
        w.join();
    if (status && inBatch > 0)
        status = db.commit();
    if (!status)
        return status.error();
    summary.cancelled = job.cancelled();
    summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return summary;
}

} // namespace lm
