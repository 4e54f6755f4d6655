#pragma once
// An in-memory Standard MIDI File: tracks of events with absolute ticks.
#include <cstdint>
#include <string>
#include <vector>

namespace lm {

struct MidiEvent {
    enum class Kind : uint8_t { Channel, Meta, SysEx };

    uint64_t tick = 0;        // absolute ticks from the start of the track
    Kind kind = Kind::Channel;
    uint8_t status = 0;       // Channel: status byte (0x80..0xEF); Meta: meta type; SysEx: 0xF0 or 0xF7
    uint8_t data1 = 0;        // Channel only
    uint8_t data2 = 0;        // Channel only (0 for one-data-byte messages)
    std::string data;         // Meta and SysEx payload

    uint8_t channel() const { return status & 0x0F; }
    uint8_t type() const { return status & 0xF0; }
    bool isNoteOn() const { return kind == Kind::Channel && type() == 0x90 && data2 > 0; }
    bool isNoteOff() const
    {
        return kind == Kind::Channel && (type() == 0x80 || (type() == 0x90 && data2 == 0));
    }
    bool operator==(const MidiEvent& o) const
    {
        return tick == o.tick && kind == o.kind && status == o.status && data1 == o.data1
            && data2 == o.data2 && data == o.data;
    }

    static MidiEvent channelMessage(uint64_t tick, uint8_t status, uint8_t d1, uint8_t d2 = 0);
    static MidiEvent meta(uint64_t tick, uint8_t type, std::string data);
};

namespace meta {
constexpr uint8_t Text = 0x01;
constexpr uint8_t TrackName = 0x03;
constexpr uint8_t EndOfTrack = 0x2F;
constexpr uint8_t Tempo = 0x51;
constexpr uint8_t TimeSignature = 0x58;
constexpr uint8_t KeySignature = 0x59;
} // namespace meta

struct MidiTrack {
    std::vector<MidiEvent> events; // in file order; ends with the end-of-track meta event
    uint64_t endTick() const { return events.empty() ? 0 : events.back().tick; }
    std::string name() const;
};

struct TempoChange {
    uint64_t tick;
    uint32_t microsPerQuarter;
    double bpm() const { return 60'000'000.0 / microsPerQuarter; }
};

struct TimeSignature {
    uint64_t tick;
    int numerator;
    int denominator; // the real denominator (4, 8, ...), not its power of two
    bool operator==(const TimeSignature& o) const
    {
        return tick == o.tick && numerator == o.numerator && denominator == o.denominator;
    }
};

struct MidiFile {
    int format = 1;
    int ticksPerQuarter = 480;
    std::vector<MidiTrack> tracks;

    // Collected from every track, sorted by tick (stable across tracks).
    std::vector<TempoChange> tempoChanges() const;
    std::vector<TimeSignature> timeSignatures() const;
    // Seconds from the start to `tick` through the tempo map (120 BPM before the first tempo).
    double secondsAt(uint64_t tick) const;
    // Seconds to the latest end of track.
    double durationSeconds() const;
};

} // namespace lm
