#pragma once
// A roll back to a Standard MIDI File (method.md section 9): drums on channel
// 10, one hit per active cell; bass on channel 2 with a GM bass program,
// consecutive active cells of a pitch joined into one note; tempo and 4/4.
#include "core/model/LoopFormat.h"
#include "core/model/MidiFile.h"

#include <array>

#include <cstdint>
#include <vector>

namespace lm {

struct RollExportOptions {
    double bpm = 120;
    int bassProgram = 34;  // GM 35, picked bass (0-based 34)
    int drumVelocity = 90;
    int bassVelocity = 80;
    int ticksPerQuarter = 480;
    // The note of each drum row (a drum map; General MIDI's by default). Rows
    // mapped to one note play it once where they meet.
    std::array<uint8_t, format::kDrumRows> drumNotes = format::kDrumOutputNote;
    // The loop's time signature (method.md 10.2): a 3/4 loop's roll is 8 x 12 steps.
    int numerator = 4, denominator = 4;
    // A keys part (48 rows from MIDI pitch 48, polyphonic) over the same steps,
    // written as its own track on channel 3 with its program; null: none.
    const std::vector<uint64_t>* keys = nullptr;
    int keysProgram = 0;
    int keysVelocity = 80;
};

// steps: one 57-row mask per 16th step (PianoRoll::stackedSteps, windowSteps).
// Every track ends on the bar line after the last step (steps.size() x tpq/4
// ticks; 8 x 4 x tpq for a window), so that an 8-bar loop whose last notes end
// before the end of bar 8 reads back as one 8-bar window (method.md 2).
// ticksPerQuarter must be a multiple of 4 (the 16th grid); others are rounded up to one.
MidiFile rollToMidi(const std::vector<uint64_t>& steps, const RollExportOptions& options = {});

// No cell in the last bar (the last 16 steps, or all of a shorter roll): its MIDI
// file then reads back a bar short under method.md 2 (the end of track closes
// the bar after the last note only), so it is not one whole 8-bar window.
bool lastBarEmpty(const std::vector<uint64_t>& steps);
// The same for bars of `barSteps` steps.
bool lastBarEmpty(const std::vector<uint64_t>& steps, int barSteps);

} // namespace lm
