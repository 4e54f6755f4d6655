#pragma once
// Instruments and notes of a MIDI file (method.md sections 1 and 2): the notes
// of one channel within one track form one instrument.
#include "core/model/MidiFile.h"

#include <cstdint>
#include <vector>

namespace lm {

struct Note {
    uint64_t on = 0;  // ticks
    uint64_t off = 0; // ticks
    uint8_t pitch = 0;
    uint8_t velocity = 0;
};

struct Instrument {
    int track = 0;
    int channel = 0;   // 0-based; 9 is the GM drum channel
    int program = 0;   // last program change at or before its first note, else 0
    std::vector<Note> notes; // in onset order
    bool isDrums() const;
    bool isBass() const;
};

// Every (track, channel) that has at least one note, in order of (track, channel).
// Note pairing: velocity-0 note-on is a note-off; a note-on for a pitch already
// sounding on that channel ends the earlier note first; notes still sounding at
// the end of their track end there.
std::vector<Instrument> extractInstruments(const MidiFile& file);

} // namespace lm
