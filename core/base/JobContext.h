#pragma once
// The one contract for long work. Every long job in core takes a JobContext&:
// it reports progress (done of total, a message and, where the job has one, a
// typed payload such as a training epoch's metrics), polls cancelled() between
// steps, and calls checkpoint() where it can stop for a pause. Front ends
// (ui/JobRunner for the GUI, the CLI's progress line) subscribe to progress.
// Modelled on Qt's Mandelbrot RenderThread (abort flag, condition variable)
// and Sonic Visualiser's ProgressReporter with its two front ends.
#include <any>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

namespace lm {

struct JobProgress {
    int64_t done = 0;
    int64_t total = 0;     // 0: unknown
    std::string message;
    std::any payload;      // e.g. ml::TrainProgress; empty for most jobs
    double fraction() const { return total > 0 ? double(done) / double(total) : -1.0; }
};

class JobContext {
public:
    using ProgressFn = std::function<void(const JobProgress&)>;

    JobContext() = default;
    explicit JobContext(ProgressFn fn) : progress_(std::move(fn)) {}
    // The older three-value form, for callers that need no payload.
    explicit JobContext(std::function<void(int64_t, int64_t, const std::string&)> fn)
        : progress_([fn = std::move(fn)](const JobProgress& p) { fn(p.done, p.total, p.message); })
    {
    }

    // Sets where progress goes; before the job starts (not while it reports).
    void setProgress(ProgressFn fn) { progress_ = std::move(fn); }

    // Thread-safe; callbacks are serialised.
    void report(const JobProgress& p)
    {
        if (!progress_)
            return;
        std::lock_guard<std::mutex> lock(mutex_);
        progress_(p);
    }
    void report(int64_t done, int64_t total, const std::string& text) { report(JobProgress{done, total, text, {}}); }

    void cancel()
    {
        cancelled_.store(true, std::memory_order_relaxed);
        std::lock_guard<std::mutex> lock(pauseMutex_);
        pauseChanged_.notify_all();
    }
    bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }

    // Pause and resume: a job that can stop between steps calls checkpoint().
    void setPaused(bool on)
    {
        std::lock_guard<std::mutex> lock(pauseMutex_);
        paused_ = on;
        pauseChanged_.notify_all();
    }
    bool paused() const
    {
        std::lock_guard<std::mutex> lock(pauseMutex_);
        return paused_;
    }
    // Blocks while paused; false when the job was cancelled (before or during the pause).
    bool checkpoint()
    {
        std::unique_lock<std::mutex> lock(pauseMutex_);
        waiting_ = paused_ && !cancelled();
        pauseChanged_.wait(lock, [this] { return !paused_ || cancelled(); });
        waiting_ = false;
        return !cancelled();
    }
    // True while the job is held in checkpoint() by a pause.
    bool waitingInPause() const
    {
        std::lock_guard<std::mutex> lock(pauseMutex_);
        return waiting_;
    }

private:
    ProgressFn progress_;
    std::mutex mutex_;
    std::atomic<bool> cancelled_{false};
    mutable std::mutex pauseMutex_;
    std::condition_variable pauseChanged_;
    bool paused_ = false;
    bool waiting_ = false;
};

// At most one progress update per interval, and always the last one: the one
// throttle of the GUI runner and the CLI progress line.
class ProgressThrottle {
public:
    explicit ProgressThrottle(std::chrono::milliseconds interval = std::chrono::milliseconds(50)) : interval_(interval) {}
    // `now` is passed in so that tests run on a virtual clock.
    bool due(int64_t done, int64_t total, std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now())
    {
        if (started_ && now - last_ < interval_ && !(total > 0 && done >= total))
            return false;
        started_ = true;
        last_ = now;
        return true;
    }

private:
    std::chrono::milliseconds interval_;
    std::chrono::steady_clock::time_point last_{};
    bool started_ = false;
};

} // namespace lm
