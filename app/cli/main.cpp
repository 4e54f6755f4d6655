// loopminer-cli: everything the GUI can do, on the same core calls, with JSON
// on stdout and progress on stderr. Exit codes: 0 done, 1 bad input, 2 usage.
#include "CliCommon.h"
#include "Commands.h"

#include <cstring>
#include <iostream>

namespace {

const char* kHelp = R"(usage: loopminer-cli COMMAND [ARGS]

commands:
  windows FILE                     every 8-bar window of a MIDI or audio file, as JSON
  ssm FILE [--spectra]             the bar-by-bar self-similarity matrix, as JSON
                                   (--spectra: audio's per-bar mel spectra too)
  roll FILE.mid --start-bar B      the 57 x 128 roll of one window, 57 lines of 0/1
  scan DIR... --db LIB.sqlite      import every MIDI and audio file under the folders
        [--threads N]
  export-audio FILE --start-bar B [--bars 8] --out X.wav|X.flac [--db LIB.sqlite]
                                   cut bars out of an audio file at its own rate
  tempo FILE --db LIB.sqlite --bpm X [--downbeat S] | --clear
                                   set (or clear) an audio piece's tempo and re-analyse it

audio options (windows, ssm, scan, export-audio): --bpm X and --downbeat SECONDS
replace the estimated tempo and first downbeat; supported audio: WAV, AIFF, FLAC,
OGG, MP3 (as Debian's libsndfile reads them)
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
    if ((cmd == "windows" || cmd == "ssm") && isAudioCommandLine(argc, argv))
        return runAudioPiece(cmd, argc, argv);
    if (cmd == "export-audio")
        return runExportAudio(argc, argv);
    if (cmd == "tempo")
        return runTempo(argc, argv);
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
