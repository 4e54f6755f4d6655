#pragma once
// Shared pieces of the command-line tool: argument parsing and exit codes.
#include "core/base/Result.h"

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

} // namespace lm::cli
