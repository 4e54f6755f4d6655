#pragma once
// Hand-made Standard MIDI File bytes for tests: valid files and broken ones.
#include "core/model/MidiFile.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace lm::test {

using Bytes = std::vector<uint8_t>;

inline void append(Bytes& b, std::initializer_list<int> v)
{
    for (int x : v)
        b.push_back(uint8_t(x));
}

inline void put32(Bytes& b, uint32_t v)
{
    append(b, {int(v >> 24) & 0xFF, int(v >> 16) & 0xFF, int(v >> 8) & 0xFF, int(v) & 0xFF});
}

inline Bytes header(int format, int tracks, int division, uint32_t length = 6)
{
    Bytes b = {'M', 'T', 'h', 'd'};
    put32(b, length);
    append(b, {0, format, tracks >> 8, tracks & 0xFF, (division >> 8) & 0xFF, division & 0xFF});
    return b;
}

// A track chunk around the given event bytes; `length` overrides the true length.
inline Bytes track(const Bytes& events, int64_t length = -1)
{
    Bytes b = {'M', 'T', 'r', 'k'};
    put32(b, uint32_t(length < 0 ? events.size() : uint64_t(length)));
    b.insert(b.end(), events.begin(), events.end());
    return b;
}

inline Bytes concat(std::initializer_list<Bytes> parts)
{
    Bytes out;
    for (const auto& p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

inline const Bytes kEndOfTrack = {0x00, 0xFF, 0x2F, 0x00};

// Builds MidiFile objects note by note (ticks are absolute).
struct SongBuilder {
    MidiFile file;
    explicit SongBuilder(int tpq = 480, int format = 1)
    {
        file.ticksPerQuarter = tpq;
        file.format = format;
    }
    MidiTrack& track(size_t i)
    {
        while (file.tracks.size() <= i)
            file.tracks.emplace_back();
        return file.tracks[i];
    }
    SongBuilder& timeSig(int num, int den, uint64_t tick = 0, size_t t = 0)
    {
        int power = 0;
        while ((1 << power) < den)
            ++power;
        track(t).events.push_back(
            MidiEvent::meta(tick, meta::TimeSignature, std::string{char(num), char(power), 24, 8}));
        return *this;
    }
    SongBuilder& tempo(double bpm, uint64_t tick = 0, size_t t = 0)
    {
        const uint32_t us = uint32_t(60'000'000.0 / bpm + 0.5);
        track(t).events.push_back(
            MidiEvent::meta(tick, meta::Tempo, std::string{char(us >> 16), char(us >> 8), char(us)}));
        return *this;
    }
    SongBuilder& program(size_t t, int ch, int prog, uint64_t tick = 0)
    {
        track(t).events.push_back(MidiEvent::channelMessage(tick, uint8_t(0xC0 | ch), uint8_t(prog)));
        return *this;
    }
    SongBuilder& note(size_t t, int ch, int pitch, uint64_t on, uint64_t off, int vel = 100)
    {
        track(t).events.push_back(MidiEvent::channelMessage(on, uint8_t(0x90 | ch), uint8_t(pitch), uint8_t(vel)));
        track(t).events.push_back(MidiEvent::channelMessage(off, uint8_t(0x80 | ch), uint8_t(pitch), 0));
        return *this;
    }
    // Sorts events by tick (stable) and ends each track after its last event.
    MidiFile build()
    {
        MidiFile f = file;
        for (auto& t : f.tracks) {
            std::stable_sort(t.events.begin(), t.events.end(),
                             [](const MidiEvent& a, const MidiEvent& b) { return a.tick < b.tick; });
            const uint64_t end = t.events.empty() ? 0 : t.events.back().tick;
            t.events.push_back(MidiEvent::meta(end, meta::EndOfTrack, {}));
        }
        return f;
    }
};

} // namespace lm::test
