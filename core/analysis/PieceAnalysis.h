#pragma once
// From a MIDI file to the method's drum + bass roll, its bars and whether the
// file is usable for the models (method.md sections 1 and 2).
#include "core/model/MidiFile.h"
#include "core/model/PianoRoll.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lm {

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

    PianoRoll roll;                // parts: drums (9 rows) and/or bass (48 rows)
    int64_t markedSteps = 0;       // n: one past the last step any note reaches, or the
                                   // closing bar line when the end of track is on it
    std::vector<int64_t> barStarts; // first step of each bar; barStarts.size() = bars
    int64_t bars() const { return int64_t(barStarts.size()); }
    int64_t barEnd(int64_t bar) const
    {
        return bar + 1 < bars() ? barStarts[size_t(bar + 1)] : std::max(markedSteps, barStarts[size_t(bar)] + 1);
    }
    double firstTempoBpm() const { return tempoChanges.empty() ? 120.0 : tempoChanges.front().bpm(); }
};

struct AnalysisLimits {
    int64_t maxBars = 20000; // a longer piece is not analysed (bounds memory)
};

// Never fails: problems that make the file unusable are given in `reason`.
PieceAnalysis analysePiece(const MidiFile& file, const AnalysisLimits& limits = {});

// Fine-grid helpers (exposed for tests): round half to even of 24*tick/tpq,
// and floor of 24*tick/tpq.
int64_t fineOnset(uint64_t tick, int tpq);
int64_t fineOffset(uint64_t tick, int tpq);

} // namespace lm
