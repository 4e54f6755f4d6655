#pragma once
// Shared pieces of the command-line tool: argument parsing, number options,
// exit codes, Ctrl-C, and JSON on stdout.
#include "core/base/JobContext.h"
#include "core/base/Result.h"
#include "core/base/SettingFields.h"

#include <optional>
#include <string>
#include <vector>

namespace lm::cli {

enum Exit { Done = 0, BadInput = 1, Usage = 2 };

// Arguments after the command name: positionals and --name value options.
struct Args {
    std::vector<std::string> positional;
    std::vector<std::pair<std::string, std::string>> options;
    std::vector<std::string> flags;

    std::optional<std::string> option(const std::string& name) const;
    bool flag(const std::string& name) const;
};

// `valued` lists the options that take a value; anything else starting with
// "--" is a flag. Returns false (with a message on stderr) on a bad argument.
bool parseArgs(int argc, char** argv, int first, const std::vector<std::string>& valued,
               const std::vector<std::string>& knownFlags, Args& out);

int usageError(const std::string& message);
// Prints the error (file, offset, reason) on stderr; returns BadInput.
int fail(const Error& e);
void printJson(const std::string& json);

// The one number parser of the CLI. T is int, int64_t or double; the whole
// text must be the number (no "12x"), finite and within [min, max].
template <class T>
std::optional<T> parseNumber(const std::string& text, T min, T max);
// "--epochs needs a whole number from 1 to 100000" (one-letter names: "-n ...").
template <class T>
std::string numberNeeded(const std::string& name, T min, T max);

// Reads option `name` into `out`; `out` keeps its value when the option is
// not given. A bad value prints numberNeeded(...) plus what was given as a
// usage error and returns false: the command then exits with Usage (2).
template <class T>
bool numberOption(const Args& args, const std::string& name, std::optional<T>& out, T min, T max);
template <class T>
bool numberOption(const Args& args, const std::string& name, T& out, T min, T max)
{
    std::optional<T> v;
    if (!numberOption(args, name, v, min, max))
        return false;
    if (v)
        out = *v;
    return true;
}

// The settings fields that have a command-line option, read with their
// ranges from the settings description (core/base/SettingFields.h).
template <class S>
bool settingOptions(const Args& args, S& s, const SettingFields<S>& fields)
{
    for (const SettingField<S>& f : fields) {
        if (!*f.option)
            continue;
        bool ok = true;
        if (auto m = std::get_if<int S::*>(&f.member))
            ok = numberOption(args, f.option, s.**m, int(f.min), int(f.max));
        else if (auto d = std::get_if<double S::*>(&f.member))
            ok = numberOption(args, f.option, s.**d, f.min, f.max);
        if (!ok)
            return false;
    }
    return true;
}
template <class S>
void appendOptionNames(std::vector<std::string>& names, const SettingFields<S>& fields)
{
    for (const SettingField<S>& f : fields)
        if (*f.option)
            names.emplace_back(f.option);
}

// While alive, Ctrl-C and SIGTERM cancel `job` (which then stops at its next
// step and leaves no half-written file).
class InterruptCancels {
public:
    explicit InterruptCancels(JobContext& job);
    ~InterruptCancels();
    InterruptCancels(const InterruptCancels&) = delete;
    InterruptCancels& operator=(const InterruptCancels&) = delete;
};

} // namespace lm::cli
