#pragma once
// A display roll of all of a MIDI file's notes (issue 19), beside the method's
// drums + bass roll: every instrument of the file (method.md 2: the notes of one
// channel within one track), drums by the 9 classes of method.md 1, every pitched
// part on all 128 pitches, polyphonic. It feeds only the piece view's all-parts
// matrix; windows, scores and models use the method's roll alone.
//
// A Part of PianoRoll holds 64 rows at most, so this roll keeps its own cells:
// per step, two 64-bit words per part (pitches 0-63, 64-127; drum classes in the
// first word), all parts of a step side by side, so that a bar is one contiguous
// run of words and the distance of two bars is one XOR + popcount loop.
#include "core/analysis/PieceAnalysis.h"
#include "core/model/MidiFile.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lm {

struct AllPartsPart {
    bool drums = false;
    int track = 0;
    int channel = 0; // 0-based
    int program = 0;
    int64_t cells = 0; // active cells within the roll's steps
    // "drums", "piano", "strings", ... (the GM family of the program)
    std::string family() const;
};

struct AllPartsRoll {
    static constexpr int kWordsPerPart = 2;
    static constexpr int kPitchRows = 128;

    std::vector<AllPartsPart> parts;   // parts with at least one cell, in (track, channel) order
    int64_t steps = 0;                 // steps kept in `words` (up to the bar limit)
    std::vector<int64_t> barStarts;    // every bar of the piece, first the method's barStarts
    int64_t endStep = 0;               // one past the last step any note reaches (or the method's n)
    std::vector<uint64_t> words;       // steps x parts x kWordsPerPart
    std::string reason;                // why there is nothing to show ("" when there are bars)

    int wordsPerStep() const { return int(parts.size()) * kWordsPerPart; }
    int64_t bars() const { return int64_t(barStarts.size()); }
    int64_t barEnd(int64_t bar) const
    {
        return bar + 1 < bars() ? barStarts[size_t(bar + 1)] : std::max(endStep, barStarts[size_t(bar)] + 1);
    }
    // Row: drum class 0..8 for a drum part, MIDI pitch 0..127 for a pitched part.
    bool cell(size_t part, int row, int64_t step) const;
    int64_t barCells(int64_t bar) const; // active cells of every part in the bar
};

struct AllPartsLimits {
    int64_t maxBars = 20000;     // more bars than this: nothing is built (as analysePiece)
    int64_t maxCellBars = 2048;  // cells are kept for the first bars only (what is drawn)
};

// Cells: drums mark their onset step (method.md 1) when the note is one of the 9
// classes; a pitched note marks steps floor(a/6) .. floor((e-1)/6), and at least
// its onset step (a note shorter than a fine tick is still a note on display).
// The bars are `piece.barStarts`, continued by the same metre rule past the
// method's n when other parts sound longer.
AllPartsRoll buildAllPartsRoll(const MidiFile& file, const PieceAnalysis& piece, const AllPartsLimits& limits = {});

// The bar self-similarity of the first `bars` bars by the XOR rule of method.md 3:
// d(i, j) = cells where bar i and bar j differ over every part (a shorter bar
// counts as empty past its end), value 1 - d / (max off-diagonal d + 1e-5).
// Row-major bars x bars. `bars` must not pass the bars whose cells are kept.
std::vector<double> allPartsSimilarity(const AllPartsRoll& roll, int64_t bars);

// Which of the first `bars` bars have no active cell (a pair of them is "empty",
// not similarity 1: nothing to compare).
std::vector<bool> emptyBars(const AllPartsRoll& roll, int64_t bars);
// The same for a stacked roll (the method's, one mask per step).
std::vector<bool> emptyBars(const std::vector<uint64_t>& stacked, const std::vector<int64_t>& barStarts, int64_t bars,
                            int64_t endStep);

// The XOR + popcount loop of allPartsSimilarity, by kernel (for tests): 0 plain,
// 1 POPCNT, 2 AVX2; -1 where the CPU has not got it. The matrix takes the best one.
int64_t xorCellCount(int kernel, const uint64_t* a, int64_t na, const uint64_t* b, int64_t nb);

} // namespace lm
