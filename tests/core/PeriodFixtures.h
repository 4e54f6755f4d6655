#pragma once
// Hand-made drum + bass songs with a known period of repetition (method.md
// 10.1): each bar is one of 16 distinct bar types (or empty), so a song is a
// list of types, e.g. {0, 1, 0, 1, ...} repeats every 2 bars. The types differ
// in bass pitch (three semitones apart, disjoint cells) and in their drums, so
// two different types are far under 0.9 similar in MIDI and in audio.
#include "MidiBytes.h"

#include "core/base/FileBytes.h"
#include "core/io/MidiWriter.h"

#include <string>
#include <vector>

namespace lm::test {

constexpr int kEmptyBar = -1;

// A song of the given bar types at `bpm`, 4/4, tpq 480, tracks named "Drums"
// and "Bass"; it ends exactly on the bar line after its last bar.
inline MidiFile periodSong(const std::vector<int>& types, double bpm = 120)
{
    const int tpq = 480;
    const uint64_t step = tpq / 4, barTicks = 16 * step;
    SongBuilder b(tpq);
    b.tempo(bpm).timeSig(4, 4);
    b.track(1).events.push_back(MidiEvent::meta(0, meta::TrackName, "Drums"));
    b.track(2).events.push_back(MidiEvent::meta(0, meta::TrackName, "Bass"));
    b.program(2, 1, 33);
    const int accents[4] = {38, 45, 49, 51}; // snare, low tom, crash, ride
    for (size_t bar = 0; bar < types.size(); ++bar) {
        const int t = types[bar];
        if (t < 0)
            continue;
        const uint64_t at = uint64_t(bar) * barTicks;
        for (int s = 0; s < 16; s += 2) // eighth hats in every type
            b.note(1, 9, 42, at + uint64_t(s) * step, at + uint64_t(s) * step + step / 2, 70);
        b.note(1, 9, 36, at, at + step, 110);
        b.note(1, 9, accents[t % 4], at + uint64_t(4 + (t / 4) * 2) * step, at + uint64_t(5 + (t / 4) * 2) * step, 105);
        for (int q = 0; q < 4; ++q) // four bass notes of the type's pitch
            b.note(2, 1, 24 + 3 * t, at + uint64_t(4 * q) * step, at + uint64_t(4 * q + 3) * step, 100);
    }
    // The end of track on the closing bar line (method.md 2): the last bar counts whole.
    b.track(0).events.push_back(MidiEvent::meta(uint64_t(types.size()) * barTicks, meta::Text, "end"));
    return b.build();
}

// `pattern` repeated to `bars` bars.
inline std::vector<int> repeatTypes(const std::vector<int>& pattern, int bars)
{
    std::vector<int> out;
    for (int i = 0; i < bars; ++i)
        out.push_back(pattern[size_t(i) % pattern.size()]);
    return out;
}

inline bool writePeriodSong(const std::string& path, const std::vector<int>& types, double bpm = 120)
{
    return bool(writeFileAtomically(path, encodeMidi(periodSong(types, bpm))));
}

} // namespace lm::test
