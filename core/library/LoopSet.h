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

} // namespace lm
