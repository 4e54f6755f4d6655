#pragma once
// What the player plays: MIDI messages on the 16th grid of one loop, which the
// player repeats. scheduleOfRoll turns a roll into one (method.md section 9).
#include "core/model/LoopFormat.h"

#include <cstdint>
#include <vector>

// scheduleOfMidi (any Standard MIDI File) is in MidiSchedule.h.

namespace lm {

struct ScheduledEvent {
    int step = 0;                 // 16ths from the loop's start, 0..Schedule::lengthSteps
    std::vector<uint8_t> message; // one complete MIDI message
    bool operator==(const ScheduledEvent& o) const { return step == o.step && message == o.message; }
};

struct Schedule {
    int lengthSteps = 0;                     // the loop's length; the player repeats it
    // The grid: steps a quarter note, a divisor of 24 (the MIDI clock's pulses
    // a quarter, on which the player keeps its time): 4 for a roll's 16ths,
    // 24 for a MIDI file. barSteps: where switches and tempo changes land.
    int stepsPerQuarter = format::kStepsPerQuarter;
    int barSteps = format::kStepsPerBar;
    std::vector<std::vector<uint8_t>> setup; // sent once when the schedule starts (program changes)
    // Sorted by step; at one step every note-off comes before the note-ons.
    // Events at lengthSteps (notes that end on the loop's last line) are sent
    // when the loop ends, before the next repeat's step 0.
    std::vector<ScheduledEvent> events;
};

struct RollPlayOptions {
    int drumChannel = format::kDrumChannel; // 0-based: 9 is MIDI channel 10
    int bassChannel = 1;                    // MIDI channel 2, as in a roll's MIDI file
    int bassProgram = 34;                   // GM 35, picked bass (0-based 34)
    int drumVelocity = 90;
    int bassVelocity = 80;
    // A keys part over the same steps (48 rows from pitch 48), played on MIDI
    // channel 3 with its program; empty: none.
    std::vector<uint64_t> keys;
    int keysProgram = 0;
    int barSteps = format::kStepsPerBar; // the loop's bar (3/4: 12), where switches land
};

// steps: one 57-row mask per 16th step (PianoRoll::stackedSteps, windowSteps).
// The notes are rollToMidi's: one drum hit a step long per active drum cell,
// consecutive active cells of a bass pitch joined into one note; the bass
// program is the setup.
Schedule scheduleOfRoll(const std::vector<uint64_t>& steps, const RollPlayOptions& options = {});

} // namespace lm
