#pragma once
// The loops the generative models learn from: the library's kept MIDI windows
// under the detector's threshold (all kept MIDI windows when nothing is scored
// yet), as 57 x 128 rolls read back from their files.
#include "core/base/JobContext.h"
#include "core/library/LibraryDb.h"

#include <string>
#include <vector>

namespace lm {

struct LoopSetOptions {
    bool phraseStartsOnly = false; // kick and crash both on the first step (method.md 5, off by default)
    int64_t limit = 0;             // 0: all
};

struct LoopSet {
    std::vector<std::vector<uint64_t>> rolls; // 128 step masks each
    std::vector<WindowRecord> windows;        // where each came from
    std::string selection;                    // in words: which windows were taken
    std::vector<std::string> unreadable;      // files that could not be read again (moved, changed)
};

// `job` (when given) hears the windows read so far and may stop the reading early.
LoopSet loadLoopSet(LibraryDb& db, const LoopSetOptions& options = {}, JobContext* job = nullptr);

// A folder of loop files, each file one loop (as the paper's detector data):
// MIDI files read by the method (drums + bass, 4/4) and audio files analysed
// at their estimated tempo. A file of 8 bars or more gives its first 8 bars; a
// file of 1, 2 or 4 bars is repeated to 8 bars (a loop file is meant to
// repeat); any other file is skipped, with why.
struct LoopFolder {
    std::vector<WindowCorrelation> correlations; // one per loop file used (MIDI and audio)
    std::vector<std::string> files;              // the file of each correlation
    std::vector<std::vector<uint64_t>> rolls;    // the MIDI loops' 128 step masks
    std::vector<std::string> skipped;            // "path: why", for every file not used
};

// `job` (when given) hears each file read and may stop the reading early.
LoopFolder loadLoopFolder(const std::string& folder, JobContext* job = nullptr);

// One loop of `bars` bars (16 steps each) repeated to the 128 steps of a window.
std::vector<uint64_t> repeatToWindow(const std::vector<uint64_t>& stacked, int64_t bars);

} // namespace lm
