#pragma once
// From a MIDI file to the method's drum + bass roll, its bars and whether the
// file is usable for the models (method.md sections 1 and 2).
#include "core/model/MidiFile.h"
#include "core/model/PianoRoll.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lm {

// One time signature's stretch of the bar grid (method.md 10.2): bars of
// `barSteps` steps (16 * numerator / denominator) from bar `firstBar`; a
// window's 8 bars lie inside one stretch. An all-4/4 piece is one stretch.
struct MetreStretch {
    int numerator = 4;
    int denominator = 4;
    int barSteps = 16;
    int64_t firstBar = 0;   // index into barStarts
    int64_t firstStep = 0;
    int64_t endStep = 0;    // the next stretch's first step, or markedSteps
    bool fourFour() const { return numerator == 4 && denominator == 4; }
};

struct PieceAnalysis {
    int ticksPerQuarter = 0;
    bool usable = false;
    std::string reason;            // why not usable (empty when usable)
    bool assumedFourFour = false;  // no time signature: read as 4/4 (counted apart)
    bool allFourFour = false;
    std::vector<TimeSignature> timeSignatures;
    std::vector<TempoChange> tempoChanges;
    int drumTrack = -1, drumChannel = -1;
    int bassTrack = -1, bassChannel = -1, bassProgram = -1;
    // The keys (a third voice, not in the method's 57 rows): the first pitched
    // instrument of a GM keys family (isKeysProgram), neither drums nor bass.
    int keysTrack = -1, keysChannel = -1, keysProgram = -1;

    PianoRoll roll;                // parts: drums (9 rows), bass (48 rows), then keys (48 rows)
                                   // when the file has a keys instrument
    int64_t markedSteps = 0;       // n: one past the last step any note reaches, or the
                                   // closing bar line when the end of track is on it
    std::vector<int64_t> barStarts; // first step of each bar; barStarts.size() = bars
    int64_t bars() const { return int64_t(barStarts.size()); }
    int64_t barEnd(int64_t bar) const
    {
        return bar + 1 < bars() ? barStarts[size_t(bar + 1)] : std::max(markedSteps, barStarts[size_t(bar)] + 1);
    }
    std::vector<MetreStretch> stretches; // the bar grid's time signatures, in order
    // The stretch that bar `bar` belongs to (the last one for a bar past the end).
    const MetreStretch& stretchOfBar(int64_t bar) const;
    const Part* keys() const { return roll.parts.size() > 2 ? &roll.parts[2] : nullptr; }
    double firstTempoBpm() const { return tempoChanges.empty() ? 120.0 : tempoChanges.front().bpm(); }
};

struct AnalysisLimits {
    int64_t maxBars = 20000; // a longer piece is not analysed (bounds memory)
};

// Never fails: problems that make the file unusable are given in `reason`.
PieceAnalysis analysePiece(const MidiFile& file, const AnalysisLimits& limits = {});

// GM program families of the keys voice (0-based): piano 0-7, organ 16-23,
// guitar 24-31, strings and ensemble 40-55, synth lead and pad 80-95.
bool isKeysProgram(int program);
constexpr int kKeysRows = 48;
constexpr int kKeysLowestPitch = 48; // C3 (row 0) .. B6 (row 47, pitch 95)

// Fine-grid helpers (exposed for tests): round half to even of 24*tick/tpq,
// and floor of 24*tick/tpq.
int64_t fineOnset(uint64_t tick, int tpq);
int64_t fineOffset(uint64_t tick, int tpq);

} // namespace lm
