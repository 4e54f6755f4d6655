#include "ProgressLine.h"

#include <unistd.h>

namespace lm::cli {

namespace {
constexpr std::chrono::milliseconds kTerminalInterval{50}; // 20 a second
constexpr std::chrono::milliseconds kLogInterval{1000};    // a log gets one line a second
} // namespace

ProgressLine::ProgressLine(std::string label, bool quiet)
    : ProgressLine(std::move(label), quiet ? nullptr : stderr, ::isatty(STDERR_FILENO) == 1, [] { return Clock::now(); })
{
}

ProgressLine::ProgressLine(std::string label, std::FILE* out, bool terminal, std::function<Clock::time_point()> now)
    : label_(std::move(label)), out_(out), terminal_(terminal), now_(std::move(now)),
      throttle_(terminal ? kTerminalInterval : kLogInterval)
{
}

ProgressLine::~ProgressLine() { finish(); }

void ProgressLine::show(int64_t done, int64_t total, const std::string& text)
{
    std::string line = total > 0 ? std::to_string(done) + "/" + std::to_string(total) : std::string();
    if (!text.empty())
        line += (line.empty() ? "" : " ") + text;
    show(line, total > 0 && done >= total);
}

void ProgressLine::show(const std::string& text, bool last)
{
    if (!out_)
        return;
    if (!throttle_.due(last ? 1 : 0, 1, now_())) {
        held_ = text;
        return;
    }
    print(text);
    if (last)
        finish();
}

void ProgressLine::finish()
{
    if (!out_)
        return;
    if (!held_.empty())
        print(held_);
    if (open_)
        std::fputc('\n', out_);
    open_ = false;
    std::fflush(out_);
}

JobContext::ProgressFn ProgressLine::reporter()
{
    return [this](const JobProgress& p) { show(p.done, p.total, p.message); };
}

void ProgressLine::print(std::string text) // a copy: it may be held_
{
    held_.clear();
    if (terminal_) {
        std::fprintf(out_, "\r%s: %s\033[K", label_.c_str(), text.c_str());
        open_ = true;
    } else {
        std::fprintf(out_, "%s: %s\n", label_.c_str(), text.c_str());
    }
    std::fflush(out_);
}

} // namespace lm::cli
