#pragma once
// Any Standard MIDI File as a schedule the player loops: every channel
// message of every track on a grid of 24 steps a quarter (the MIDI clock's
// pulses), so `loopminer-cli play FILE.mid` plays what the file holds.
#include "core/model/MidiFile.h"
#include "core/playback/Schedule.h"

namespace lm {

struct MidiSchedule {
    Schedule schedule;
    double bpm = 120;         // the file's tempo at tick 0 (120 when it has none there)
    int laterTempoChanges = 0; // tempo changes after tick 0, not followed: the player keeps one tempo
};

constexpr int kMidiScheduleStepsPerQuarter = 24;

// Ticks are rounded to the nearest 24th of a quarter; a note that rounds to
// no length keeps one step, so that its note-off never comes before its
// note-on. Channel messages other than notes at tick 0 (programs,
// controllers) are the setup. The loop is the file up to its latest end of
// track, rounded up to whole bars of its first time signature (4/4 without one).
MidiSchedule scheduleOfMidi(const MidiFile& midi);

} // namespace lm
