#include "CliCommon.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>

namespace lm::cli {

std::optional<std::string> Args::option(const std::string& name) const
{
    for (const auto& [k, v] : options)
        if (k == name)
            return v;
    return std::nullopt;
}

bool Args::flag(const std::string& name) const
{
    return std::find(flags.begin(), flags.end(), name) != flags.end();
}

bool parseArgs(int argc, char** argv, int first, const std::vector<std::string>& valued,
               const std::vector<std::string>& knownFlags, Args& out)
{
    for (int i = first; i < argc; ++i) {
        const std::string a = argv[i];
        // "-n 16" is "--n 16": one-letter options may take one dash.
        const bool shortOption = a.size() == 2 && a[0] == '-' && std::isalpha(static_cast<unsigned char>(a[1]));
        if ((a.size() > 2 && a.compare(0, 2, "--") == 0) || shortOption) {
            const std::string name = a.substr(shortOption ? 1 : 2);
            if (std::find(valued.begin(), valued.end(), name) != valued.end()) {
                if (i + 1 >= argc) {
                    std::cerr << "loopminer-cli: --" << name << " needs a value\n";
                    return false;
                }
                out.options.emplace_back(name, argv[++i]);
            } else if (std::find(knownFlags.begin(), knownFlags.end(), name) != knownFlags.end()) {
                out.flags.push_back(name);
            } else {
                std::cerr << "loopminer-cli: unknown option " << a << "\n";
                return false;
            }
        } else {
            out.positional.push_back(a);
        }
    }
    return true;
}

int usageError(const std::string& message)
{
    std::cerr << "loopminer-cli: " << message << "\nRun 'loopminer-cli help' for the commands.\n";
    return Usage;
}

int fail(const Error& e)
{
    std::cerr << "loopminer-cli: " << e.toString() << "\n";
    return BadInput;
}

void printJson(const std::string& json)
{
    std::fwrite(json.data(), 1, json.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

template <class T>
std::optional<T> parseNumber(const std::string& text, T min, T max)
{
    if (text.empty() || std::isspace(static_cast<unsigned char>(text[0])))
        return std::nullopt;
    char* end = nullptr;
    errno = 0;
    // Parsed wide, compared, then narrowed: "3000000000" is out of an int's range, not wrapped.
    using Wide = std::conditional_t<std::is_floating_point_v<T>, double, long long>;
    Wide v{};
    if constexpr (std::is_floating_point_v<T>)
        v = std::strtod(text.c_str(), &end);
    else
        v = std::strtoll(text.c_str(), &end, 10);
    if (errno == ERANGE || end != text.c_str() + text.size())
        return std::nullopt;
    if constexpr (std::is_floating_point_v<T>)
        if (!std::isfinite(v))
            return std::nullopt;
    if (!(v >= Wide(min) && v <= Wide(max)))
        return std::nullopt;
    return T(v);
}

template <class T>
std::string numberNeeded(const std::string& name, T min, T max)
{
    std::ostringstream s;
    s.precision(12); // 1000000000, not 1e+09
    s << (name.size() == 1 ? "-" : "--") << name << " needs " << (std::is_integral_v<T> ? "a whole number" : "a number")
      << " from " << min << " to " << max;
    return s.str();
}

template <class T>
bool numberOption(const Args& args, const std::string& name, std::optional<T>& out, T min, T max)
{
    const auto text = args.option(name);
    if (!text)
        return true;
    const auto v = parseNumber<T>(*text, min, max);
    if (!v) {
        usageError(numberNeeded(name, min, max) + ", not '" + *text + "'");
        return false;
    }
    out = v;
    return true;
}

template std::optional<int> parseNumber(const std::string&, int, int);
template std::optional<int64_t> parseNumber(const std::string&, int64_t, int64_t);
template std::optional<double> parseNumber(const std::string&, double, double);
template std::string numberNeeded(const std::string&, int, int);
template std::string numberNeeded(const std::string&, int64_t, int64_t);
template std::string numberNeeded(const std::string&, double, double);
template bool numberOption(const Args&, const std::string&, std::optional<int>&, int, int);
template bool numberOption(const Args&, const std::string&, std::optional<int64_t>&, int64_t, int64_t);
template bool numberOption(const Args&, const std::string&, std::optional<double>&, double, double);

namespace {
JobContext* g_job = nullptr;
void onInterrupt(int)
{
    if (g_job)
        g_job->cancel();
}
} // namespace

InterruptCancels::InterruptCancels(JobContext& job)
{
    g_job = &job;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

InterruptCancels::~InterruptCancels()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    g_job = nullptr;
}

} // namespace lm::cli
