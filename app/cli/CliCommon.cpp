#include "CliCommon.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iostream>

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

} // namespace lm::cli
