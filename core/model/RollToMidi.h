#pragma once
// A roll back to a Standard MIDI File (method.md section 9): drums on channel
// 10, one hit per active cell; bass on channel 2 with a GM bass program,
// consecutive active cells of a pitch joined into one note; tempo and 4/4.
#include "core/io/MidiFile.h"

#include <cstdint>
#include <vector>

namespace lm {

struct RollExportOptions {
    double bpm = 120;
    int bassProgram = 34;  // GM 35, picked bass (0-based 34)
    int drumVelocity = 90;
    int bassVelocity = 80;
    int ticksPerQuarter = 480;
};

// steps: one 57-row mask per 16th step (PianoRoll::stackedSteps, windowSteps).
MidiFile rollToMidi(const std::vector<uint64_t>& steps, const RollExportOptions& options = {});

} // namespace lm
