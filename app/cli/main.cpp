// loopminer-cli: everything the GUI can do, on the same core calls, with JSON
// on stdout and progress on stderr. Exit codes: 0 done, 1 bad input, 2 usage.
#include "CliCommon.h"
#include "Commands.h"

#include <cstring>
#include <iostream>

namespace {

const char* kHelp = R"(usage: loopminer-cli COMMAND [ARGS]

commands:
  windows FILE.mid                 every 8-bar window of a MIDI file, as JSON
  ssm FILE.mid                     the bar-by-bar self-similarity matrix, as JSON
  roll FILE.mid --start-bar B      the 57 x 128 roll of one window, 57 lines of 0/1
  scan DIR... --db LIB.sqlite      import every MIDI file under the folders
        [--threads N]
  version                          versions of loopminer and its libraries
  help                             this text

exit codes: 0 done, 1 bad input (message on stderr), 2 usage
)";

} // namespace

int main(int argc, char** argv)
{
    using namespace lm::cli;
    if (argc < 2)
        return usageError("no command given");
    const std::string cmd = argv[1];
    if (cmd == "help" || cmd == "--help" || cmd == "-h") {
        std::cout << kHelp;
        return Done;
    }
    if (cmd == "windows")
        return runWindows(argc, argv);
    if (cmd == "ssm")
        return runSsm(argc, argv);
    if (cmd == "roll")
        return runRoll(argc, argv);
    if (cmd == "scan")
        return runScan(argc, argv);
    if (cmd == "version")
        return runVersion(argc, argv);
    return usageError("unknown command '" + cmd + "'");
}
