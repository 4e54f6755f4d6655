#pragma once
// What the piece view draws for one file, computed off the GUI thread: for a
// MIDI file its analysis (method.md 1-3), stacked roll, bar matrix and windows;
// for an audio piece the library's stored analysis. Loop scores come from the
// library only while its record still matches the file (size and time); a
// changed file shows no stale scores. Very long pieces draw the matrix of
// their first kMaxShownBars bars only, so that no N x N buffer of a
// 20,000-bar piece is ever made.
#include "core/analysis/PieceAnalysis.h"
#include "core/library/AllPartsDisplay.h"
#include "core/analysis/Windows.h"
#include "core/base/JobContext.h"
#include "core/model/LibraryRecords.h"

#include <optional>
#include <string>
#include <vector>

namespace lm {

class LibraryDb;

struct PieceDisplay {
    static constexpr int64_t kMaxShownBars = 2048;

    std::string path;
    std::string error;                  // why it cannot be shown ("" when it can)
    bool audio = false;
    std::optional<PieceAnalysis> midi;  // MIDI pieces
    std::optional<ImportedFile> stored; // the library's record, when it has one (audio: with its matrix)
    double seconds = 0;                 // MIDI: to the last end of track
    std::vector<uint64_t> stacked;      // MIDI: the 57-row roll, stacked once
    int64_t bars = 0;
    int64_t shownBars = 0;              // bars in `matrix`: min(bars, kMaxShownBars)
    std::vector<double> matrix;         // shownBars x shownBars, row-major
    std::vector<WindowInfo> windows;    // every window start (audio: all kept)
    std::vector<std::optional<double>> scores; // per window start, from the library
    std::optional<double> threshold;
    bool changedSinceImport = false;    // the file is not what the library analysed
    std::vector<bool> emptyBars;        // MIDI: the shown bars of `matrix` with no drum or bass cell
    AllPartsDisplay allParts;           // MIDI: every note of every part, for display (issue 19)
};

// `db` may be null (no library: no scores, and audio pieces cannot be shown).
PieceDisplay loadPieceDisplay(LibraryDb* db, const std::string& path, JobContext& job);

} // namespace lm
