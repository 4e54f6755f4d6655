// loopminer-cli: everything the GUI can do, on the same core calls, with JSON
// on stdout and progress on stderr. Exit codes: 0 done, 1 bad input, 2 usage.
#include "CliCommon.h"
#include "Commands.h"

#include "core/base/DataPaths.h"

#include <cstring>
#include <dlfcn.h>
#include <filesystem>
#include <unistd.h>
#include <iostream>

namespace {

const char* kHelp = R"(usage: loopminer-cli COMMAND [ARGS]

commands:
  windows FILE [--keys]            every 8-bar window of a MIDI or audio file, as JSON, in any metre
                                   (--keys: the keys part counts in the bar correlation)
  ssm FILE [--spectra] [--db LIB.sqlite]
                                   the bar-by-bar self-similarity matrix, as JSON
                                   (--spectra: audio's per-bar mel spectra too); MIDI: also
                                   "all_parts" (every part's matrix), "empty_bars", and
                                   "bar_scores" (best kept window's score per bar, --db)
  roll FILE.mid --start-bar B      the 57 x 128 roll of one window, 57 lines of 0/1
  scan DIR... --db LIB.sqlite      import every MIDI and audio file under the folders
        [--threads N] [--file-timeout S] [--keys]
                                   (a file analysed for longer than S, default 30, is failed;
                                   --keys: the keys part counts in the bar correlation)
  scan DIR|--list FILES.txt --root DIR --db PART.sqlite --shard K/N
                                   scans the share K of N of the files (by a hash of the path
                                   relative to the folder or root: every host agrees)
  merge PART.sqlite... --db ALL.sqlite [--overwrite] [--allow-missing] [--root DIR]
                                   joins the parts of a sharded scan into one library
                                   (--root: parts scanned at other paths, moved under DIR)
  export-audio FILE --start-bar B [--bars 8] --out X.wav|X.flac [--db LIB.sqlite]
                                   cut bars out of an audio file at its own rate
  export --db LIB.sqlite --ids ID,ID,... --out DIR [--pattern P] [--repeat N] [--tempo BPM]
        [--drum-map FILE] [--bass-program P] [--overwrite]
                                   writes library loops (ids as 'loops' prints them: m12, g3)
                                   as MIDI files (format 1, tempo, the loop's own time signature,
                                   drums on channel 10, keys on channel 3 when it has them;
                                   audio pieces' loops as WAV cuts) and prints them as JSON;
                                   pattern fields {source} {bar} {score} {id} {tempo} {n},
                                   default {source}_bar{bar}_{id}; a drum map file has lines
                                   like 'kick 36' (classes: kick, snare, closed hi-hat, low tom,
                                   open hi-hat, mid tom, crash, high tom, ride); an existing
                                   file is kept unless --overwrite
  tempo FILE --db LIB.sqlite --bpm X [--downbeat S] | --clear
                                   set (or clear) an audio piece's tempo and re-analyse it
  loops --db LIB.sqlite [--source mined|generated] [--model NAME] [--max-score X] [--limit N]
        [--period P] [--starred] [--tag T[,T...]] [--min-tempo BPM] [--max-tempo BPM]
                                   the library's loops (mined and kept generated), best first,
                                   as a JSON array of {id, source, file, start_bar, loop_score, ...,
                                   starred, tags}; --starred: favourites only; --tag: loops with
                                   any of these tags (case-insensitive); tempo range inclusive
  star --db LIB.sqlite --id ID[,ID...] [--off]
                                   stars (favourites) the loops, or unstars them with --off;
                                   prints [{id, starred, tags}]
  tag --db LIB.sqlite --id ID[,ID...] --add T[,T...] | --remove T[,T...] | --set T[,T...]
                                   adds, removes or replaces the loops' tags (trimmed, each once,
                                   case-insensitive); prints [{id, starred, tags}]

audio options (windows, ssm, scan, export-audio): --bpm X and --downbeat SECONDS
replace the estimated tempo and first downbeat; --prefer-bpm MIN:MAX (default 50:220)
is where half/double-tempo confusion is resolved to; supported audio: WAV, AIFF, FLAC,
OGG, MP3 (as Debian's libsndfile reads them)
  train detector --db LIB.sqlite --out DIR [--epochs-ae N] [--epochs-svdd N] [--seed S]
        [--threads T] [--kind midi|audio] [--max-windows N] [--resume]
                                   trains the loop detector on the library's kept windows
                                   (--max-windows: a random subset of N, drawn with the seed)
  train detector --loops FOLDER --out DIR [...]
                                   trains it on a folder of loop files instead, one loop per
                                   file (MIDI or audio; 1, 2 or 4 bars are repeated to 8), as
                                   the paper does: it then learns what repeats, not what is typical
  train vqvae --db LIB.sqlite --out DIR [--epochs N] [--batch B] [--codes K] [--phrase-starts]
                                   trains the VQ-VAE on the library's loops (under the threshold)
  train prior --db LIB.sqlite --out DIR [--epochs N] [--layers L] [--hidden H]
                                   trains the LSTM prior on the codes of those loops
        (every train command: --seed S, --threads T, --resume after a stop or a kill)
        (data-parallel over W processes: --world-size W --rank R --master HOST:PORT [--dist-timeout S])
  score --db LIB.sqlite --model DIR
                                   scores every window of the library with the detector
  generate [--model DIR] -n 16 [--temperature 0.7] [--top-k 30 | --top-p P] [--max-score 0.001]
        [--bpm 120] [--seed S] [--max-drawn N] [--out OUTDIR] [--db LIB.sqlite --keep]
                                   samples loops with rejection; MIDI files + summary.json;
                                   --keep stores them in the library as generated loops
                                   (without --model: the active model, see models)
  evaluate --model DIR --db LIB.sqlite [-n 1000] [--repeats 10] [--subset 10000] [sampling options]
                                   loop score, unique pitch, note density and precision / recall /
                                   density / coverage (k = 5) of generated vs training loops
  interpolate [--model DIR] A.mid B.mid [--steps 8] --out OUTDIR [--bpm 120] [--overwrite]
                                   a walk in the VQ-VAE's latent space from loop A to loop B
                                   (spherical, per code position; each step quantised and decoded):
                                   step_00.mid ... and, per step, loop_score and the share of roll
                                   cells differing from A and from B (also OUTDIR/interpolation.json)
  similar --db LIB.sqlite --id ID [-k 10] [--model DIR]
                                   the k nearest loops of loop ID in the model's latent space
                                   (distance of the quantised latents, the loop left out), as JSON
                                   [{id, distance}], nearest first; the library's codes are made
                                   (or brought up to date) first
  map --db LIB.sqlite --out map.json [--method pca|tsne] [--model DIR] [--trust-rows 500] [--overwrite]
                                   every loop of the library as a 2-D point (its quantised latent
                                   laid out by PCA, or t-SNE), with its source, score, density and
                                   tempo; prints the build time and the 10-NN trustworthiness
  play FILE.mid [--tempo BPM] [--repeat N] [--port NAME | --virtual NAME | --synth]
                                   plays a MIDI file N times (default 1) at its tempo or BPM;
                                   --virtual opens a port of that client name and waits up to
                                   2 s for a connection; without an output option: the first
                                   MIDI port other than Midi Through, else the built-in synth
  ports                            the MIDI outputs and the built-in synth, as JSON
  models [list]                    the user's models (and the bundled one) as JSON: date, data,
                                   settings, metrics, which is active
  models activate NAME             makes NAME the active model (generate uses it without --model)
  version                          versions of loopminer and its libraries, and where
                                   its data is (<exe dir>/../share/loopminer)
  help                             this text

exit codes: 0 done, 1 bad input (message on stderr), 2 usage
)";

// The model commands live in loopminer-cli-models.so, so that the analysis
// commands never load LibTorch. Installed it lies in <prefix>/lib/loopminer/modules
// (no shared object in bin/); in the build tree beside this binary. Both are
// found from the executable, never from a path compiled in.
std::string modelModulePath()
{
    const std::string exe = lm::executableDir();
    const std::filesystem::path dir = exe.empty() ? std::filesystem::path(".") : std::filesystem::path(exe);
    const std::filesystem::path installed = dir.parent_path() / "lib" / "loopminer" / "modules" / "loopminer-cli-models.so";
    std::error_code ec;
    if (std::filesystem::exists(installed, ec))
        return installed.lexically_normal().string();
    return (dir / "loopminer-cli-models.so").string();
}

int runModelCommand(int argc, char** argv)
{
    const std::string module = modelModulePath();
    void* handle = ::dlopen(module.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        std::cerr << "loopminer-cli: the model commands are not available (" << ::dlerror() << ")\n";
        return lm::cli::BadInput;
    }
    using Entry = int (*)(int, char**);
    auto entry = reinterpret_cast<Entry>(::dlsym(handle, "loopminer_model_command"));
    if (!entry) {
        std::cerr << "loopminer-cli: " << module << " has no model commands\n";
        return lm::cli::BadInput;
    }
    return entry(argc, argv);
}

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
    if (cmd == "export")
        return runExportLoops(argc, argv);
    if (cmd == "train" || cmd == "score" || cmd == "generate" || cmd == "evaluate"
        || cmd == "interpolate" || cmd == "similar" || cmd == "map")
        return runModelCommand(argc, argv);
    if (cmd == "windows")
        return runWindows(argc, argv);
    if (cmd == "ssm")
        return runSsm(argc, argv);
    if (cmd == "roll")
        return runRoll(argc, argv);
    if (cmd == "scan")
        return runScan(argc, argv);
    if (cmd == "merge")
        return runMerge(argc, argv);
    if (cmd == "version")
        return runVersion(argc, argv);
    if (cmd == "loops")
        return runLoops(argc, argv);
    if (cmd == "star")
        return runStar(argc, argv);
    if (cmd == "tag")
        return runTag(argc, argv);
    if (cmd == "play")
        return runPlay(argc, argv);
    if (cmd == "ports")
        return runPorts(argc, argv);
    if (cmd == "models")
        return runModels(argc, argv);
    return usageError("unknown command '" + cmd + "'");
}
