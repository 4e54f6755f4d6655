#pragma once
// Writing library loops to files (issue 14, export): a mined or generated
// loop as a Standard MIDI File (format 1: a tempo track with tempo and 4/4,
// named drum and bass tracks, drums on channel 10 through a drum map, bass
// with a GM program), repeated N times, at the source tempo or a chosen one;
// an audio piece's loop as a WAV cut of its own bars at its own rate.
// Every write goes to a temporary name in the target folder first; without
// `replace` an existing file is never touched (the final step is link(2),
// which refuses an existing name, so a file that appears meanwhile is safe too).
#include "core/base/Result.h"
#include "core/library/LoopRolls.h"
#include "core/model/DrumMap.h"
#include "core/model/ExportNames.h"
#include "core/model/MidiFile.h"

#include <optional>
#include <string>
#include <vector>

namespace lm {

struct LoopExportSettings {
    static constexpr int kMaxRepeat = 64;
    std::string pattern = kDefaultExportPattern; // batch file names (core/model/ExportNames)
    int repeat = 1;                              // the 8 bars written this many times (MIDI)
    std::optional<double> bpm;                   // none: the source tempo (MIDI)
    int bassProgram = 34;                        // 0-based GM program (34: picked bass)
    DrumMap drums;
    bool atPeriod = false; // cut a loop at its period (method.md 10.1): a 2-bar loop as 2 bars, repeated
};

// The bars a loop is written with: its period when the settings ask for it and
// it has one (1, 2 or 4), else the window's 8.
int exportBars(const LoopInfo& info, const LoopExportSettings& settings);

// The tempo a loop is written at.
double exportTempo(const LoopInfo& info, const LoopExportSettings& settings);

// The file's extension for a loop: "wav" for an audio piece's loop, else "mid".
std::string exportExtension(const LoopInfo& info);

// One path per loop in `dir`, named by the pattern ({n} counts from 1 in the
// given order), unique within the batch. Does not look at what is in `dir`.
std::vector<std::string> exportPaths(const std::vector<LoopInfo>& loops, const LoopExportSettings& settings,
                                     const std::string& dir);

// The MIDI file of a roll as the settings ask: steps repeated, tempo, drum map, program.
MidiFile loopMidi(const std::vector<uint64_t>& steps, double bpm, const LoopExportSettings& settings);
// The same for a loop of the library: in its own time signature (method.md
// 10.2), with its keys part on its own track and program when it has one.
MidiFile loopMidi(const LoopRoll& loop, double bpm, const LoopExportSettings& settings);

// Writes one loop to `path`. Without `replace`, an existing file is an error
// ("PATH: exists; not replaced") and stays as it was.
Result<bool> writeLoopFile(const LoopRoll& loop, const LoopExportSettings& settings, const std::string& path,
                           bool replace);

// `bytes` to a new file `path` through a temp name; an existing path is refused, untouched.
Result<bool> writeNewFileAtomically(const std::string& path, const std::vector<uint8_t>& bytes);

} // namespace lm
