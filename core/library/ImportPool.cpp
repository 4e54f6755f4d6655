// The import's working threads and the watch on each file's time (ImportPool.h).
//
// Storing: a thread that has analysed a file appends it to `pending`; if no
// thread is storing at that moment it becomes the storer and stores until
// `pending` is empty, while the others go on analysing. So the one SQLite
// connection is used by one thread at a time and never waits for a parse.
//
// The state lives in a shared_ptr that every thread holds: a thread left
// behind on a stuck file may outlive the call and must find it still there.
#include "ImportPool.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

namespace lm {

namespace {

using Clock = std::chrono::steady_clock;

struct Slot {
    std::thread thread;
    bool busy = false;       // analysing `task`
    bool abandoned = false;  // given up; its result is thrown away
    size_t task = 0;
    Clock::time_point started;
};

struct PoolState {
    std::vector<AnalysisTask> tasks;
    AnalyseFn analyse;
    std::string hangFile;
    std::mutex mutex;
    std::condition_variable changed; // a thread finished, a file was stored, room in pending
    std::deque<Slot> slots;          // a deque: a thread keeps a reference to its slot
    std::vector<ImportedFile> pending;
    size_t next = 0;
    int running = 0; // threads not finished and not abandoned
    bool storing = false;
};

constexpr size_t kMaxPending = 64; // files analysed but not yet stored, at most (memory stays flat)

std::string fileName(const std::string& path)
{
    const size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The test hook of ImportPool.h: blocks for ever (until the process ends).
void hangIfAsked(const PoolState& state, const std::string& path)
{
    if (state.hangFile.empty() || fileName(path) != state.hangFile)
        return;
    std::promise<void> never;
    never.get_future().wait();
}

// Stores what is pending, and what comes in meanwhile, unless another thread
// is already at it. Called with the lock held; returns with it held.
void storePending(PoolState& s, std::unique_lock<std::mutex>& lock, const StoreFn& store)
{
    if (s.storing)
        return;
    s.storing = true;
    while (!s.pending.empty()) {
        std::vector<ImportedFile> batch;
        batch.swap(s.pending);
        s.changed.notify_all(); // room for the analysing threads
        lock.unlock();
        for (ImportedFile& f : batch)
            store(std::move(f));
        lock.lock();
    }
    s.storing = false;
    s.changed.notify_all();
}

void work(const std::shared_ptr<PoolState>& state, Slot& slot, const StoreFn& store, JobContext& job)
{
    PoolState& s = *state;
    std::unique_lock<std::mutex> lock(s.mutex);
    for (;;) {
        if (s.next >= s.tasks.size() || job.cancelled())
            break;
        slot.task = s.next++;
        slot.busy = true;
        slot.started = Clock::now();
        const AnalysisTask& task = s.tasks[slot.task];
        lock.unlock();
        hangIfAsked(s, task.path);
        ImportedFile f = s.analyse(task);
        lock.lock();
        if (slot.abandoned)
            return; // stored as timed out by the watch; `store` and `job` may be gone by now
        slot.busy = false;
        s.changed.wait(lock, [&] { return s.pending.size() < kMaxPending || !s.storing; });
        s.pending.push_back(std::move(f));
        storePending(s, lock, store);
    }
    --s.running;
    s.changed.notify_all();
}

void startThread(const std::shared_ptr<PoolState>& state, const StoreFn& store, JobContext& job)
{
    Slot& slot = state->slots.emplace_back();
    ++state->running;
    slot.thread = std::thread([state, &slot, &store, &job] { work(state, slot, store, job); });
}

// Gives up the files analysed for longer than the limit (lock held): each is
// stored as failed and its thread replaced. The earliest time one may run over.
std::optional<Clock::time_point> watch(const std::shared_ptr<PoolState>& state, const StoreFn& store,
                                       std::chrono::nanoseconds limit, JobContext& job, int64_t& givenUp)
{
    PoolState& s = *state;
    const auto now = Clock::now();
    std::optional<Clock::time_point> earliest;
    for (Slot& slot : s.slots) {
        if (!slot.busy || slot.abandoned)
            continue;
        if (now - slot.started < limit) {
            earliest = std::min(earliest.value_or(slot.started + limit), slot.started + limit);
            continue;
        }
        slot.abandoned = true;
        slot.thread.detach();
        --s.running;
        ++givenUp;
        const AnalysisTask& t = s.tasks[slot.task];
        ImportedFile f;
        f.path = t.path;
        f.size = t.size;
        f.mtimeNs = t.mtimeNs;
        f.kind = t.kind;
        f.error = timeoutReason(std::chrono::duration<double>(limit).count());
        s.pending.push_back(std::move(f));
        if (s.next < s.tasks.size() && !job.cancelled())
            startThread(state, store, job);
    }
    return earliest;
}

} // namespace

std::string timeoutReason(double seconds)
{
    char buf[96];
    std::snprintf(buf, sizeof buf, "given up: the analysis took longer than the time limit of %g s", seconds);
    return buf;
}

int64_t runAnalysisPool(std::vector<AnalysisTask> tasks, AnalyseFn analyse, const StoreFn& store,
                        const AnalysisPoolOptions& options, JobContext& job)
{
    auto state = std::make_shared<PoolState>();
    state->tasks = std::move(tasks);
    state->analyse = std::move(analyse);
    if (const char* hang = std::getenv(kHangFileVariable))
        state->hangFile = hang;
    const int threads = int(std::clamp<int64_t>(options.threads, 1, std::max<int64_t>(1, int64_t(state->tasks.size()))));
    const auto limit = options.fileTimeoutSeconds > 0
                           ? std::chrono::duration_cast<std::chrono::nanoseconds>(
                                 std::chrono::duration<double>(options.fileTimeoutSeconds))
                           : std::chrono::nanoseconds::max();
    int64_t givenUp = 0;
    PoolState& s = *state;
    std::unique_lock<std::mutex> lock(s.mutex);
    for (int t = 0; t < threads; ++t)
        startThread(state, store, job);
    // This thread only watches the clock (it sleeps until a file may run over
    // or a thread ends); it stores what the watch gave up when no one else does.
    while (s.running > 0) {
        const auto earliest = limit == std::chrono::nanoseconds::max() ? std::nullopt
                                                                        : watch(state, store, limit, job, givenUp);
        storePending(s, lock, store);
        if (s.running == 0)
            break;
        if (earliest)
            s.changed.wait_until(lock, *earliest);
        else
            s.changed.wait(lock);
    }
    s.changed.wait(lock, [&] { return !s.storing; });
    storePending(s, lock, store);
    std::vector<std::thread> finished;
    for (Slot& slot : s.slots)
        if (!slot.abandoned && slot.thread.joinable())
            finished.push_back(std::move(slot.thread));
    lock.unlock();
    for (std::thread& t : finished)
        t.join();
    return givenUp;
}

} // namespace lm
