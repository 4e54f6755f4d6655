#pragma once
// One way to run long work: every long job takes a JobContext, reports
// progress through it and polls cancelled(). The GUI shows it as a progress
// bar with Cancel, the command-line tool as a progress line.
#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

namespace lm {

class JobContext {
public:
    using ProgressFn = std::function<void(int64_t done, int64_t total, const std::string& text)>;

    JobContext() = default;
    explicit JobContext(ProgressFn fn) : progress_(std::move(fn)) {}

    // Thread-safe; callbacks are serialised.
    void report(int64_t done, int64_t total, const std::string& text)
    {
        if (!progress_)
            return;
        std::lock_guard<std::mutex> lock(mutex_);
        progress_(done, total, text);
    }

    void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
    bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }

private:
    ProgressFn progress_;
    std::mutex mutex_;
    std::atomic<bool> cancelled_{false};
};

} // namespace lm
