#pragma once
// The CLI's one progress line, on stderr. On a terminal one line is rewritten
// in place (\r) at most 20 times a second; anywhere else (a log file, a pipe)
// whole lines at most once a second. The last update always shows, and the
// line is ended when the job ends.
#include "core/base/JobContext.h"

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

namespace lm::cli {

class ProgressLine {
public:
    using Clock = std::chrono::steady_clock;

    // On stderr, a terminal or not as isatty(2) says; `quiet`: print nothing.
    explicit ProgressLine(std::string label, bool quiet = false);
    // For tests: any stream, terminal or not, on a clock of their own.
    ProgressLine(std::string label, std::FILE* out, bool terminal, std::function<Clock::time_point()> now);
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    // "label: done/total text" (without the count when total is 0); done >= total is the last.
    void show(int64_t done, int64_t total, const std::string& text);
    // "label: text"; `last` always shows.
    void show(const std::string& text, bool last);
    // Prints an update that the throttle held back, and ends the line.
    void finish();

    // For a JobContext: shows each report.
    JobContext::ProgressFn reporter();

private:
    void print(std::string text);

    std::string label_;
    std::FILE* out_ = nullptr;
    bool terminal_ = false;
    std::function<Clock::time_point()> now_;
    ProgressThrottle throttle_;
    std::string held_;      // the latest update not printed
    bool open_ = false;     // a terminal line without its newline yet
};

} // namespace lm::cli
