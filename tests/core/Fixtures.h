#pragma once
// Synthetic MIDI collections for tests and benchmarks: drum + bass grooves in
// the shapes found in the wild (many resolutions, variations, fills), plus
// unusable and broken files. No one else's music is needed.
#include "MidiBytes.h"

#include "core/base/FileBytes.h"
#include "core/io/MidiWriter.h"

#include <random>
#include <string>

namespace lm::test {

inline MidiFile makeGroove(uint32_t seed, int numerator = 4, bool withBass = true)
{
    std::mt19937 rng(seed);
    const int tpqs[] = {96, 120, 192, 240, 384, 480, 960};
    const int tpq = tpqs[rng() % 7];
    SongBuilder b(tpq);
    b.tempo(80 + rng() % 80).timeSig(numerator, 4);
    const int bars = 12 + int(rng() % 40);
    const int period = 1 + int(rng() % 2);
    const uint64_t step = uint64_t(tpq) / 4;
    const uint64_t barTicks = step * uint64_t(numerator * 4);
    uint32_t pattern[2][3];
    for (auto& p : pattern)
        for (auto& row : p)
            row = rng();
    const int drumNotes[3] = {36, 38, 42};
    b.program(2, 1, 33 + int(rng() % 6));
    for (int bar = 0; bar < bars; ++bar) {
        const bool fill = rng() % 8 == 0;
        const uint32_t* p = pattern[bar % period];
        for (int s = 0; s < numerator * 4; ++s) {
            const uint64_t t = uint64_t(bar) * barTicks + uint64_t(s) * step;
            for (int d = 0; d < 3; ++d) {
                const bool on = d == 2 ? (s % 2 == 0) || ((p[d] >> s) & 1u) : ((p[d] >> (s + 8 * d)) & 1u);
                if (on || (fill && rng() % 3 == 0))
                    b.note(1, 9, fill && d == 1 ? 45 + int(rng() % 6) : drumNotes[d], t, t + step / 2, 100);
            }
            if (withBass && s % 2 == 0) {
                const int pitch = 28 + int((p[0] >> s) % 12);
                b.note(2, 1, pitch, t, t + step * 2 - 1, 90);
            }
        }
    }
    return b.build();
}

// A drum + bass groove in a common style at a given tempo, for rendering to
// audio: kick on the downbeat, snare on the backbeat, hats on eighths (or
// sixteenths), bass following the kick, with seeded variations.
inline MidiFile makeStyledGroove(uint32_t seed, double bpm, int bars = 16)
{
    std::mt19937 rng(seed);
    const int tpq = 480;
    SongBuilder b(tpq);
    b.tempo(bpm).timeSig(4, 4);
    const uint64_t step = tpq / 4, barTicks = step * 16;
    const int style = int(rng() % 4); // 0 rock, 1 four on the floor, 2 funk, 3 half-time
    uint32_t kick = style == 1 ? 0x1111u : style == 3 ? 0x0001u : 0x0101u;
    uint32_t snare = style == 3 ? 0x0100u : 0x1010u;
    kick |= (rng() & 0x2424u) & (style == 2 ? 0xFFFFu : 0x0400u);
    const bool sixteenths = style == 2 || rng() % 3 == 0;
    const int root = 28 + int(rng() % 8);
    const int shape[4] = {0, int(rng() % 2) ? 7 : 5, 12, int(rng() % 2) ? 10 : 3};
    b.program(2, 1, 33 + int(rng() % 3));
    for (int bar = 0; bar < bars; ++bar)
        for (int s = 0; s < 16; ++s) {
            const uint64_t t = uint64_t(bar) * barTicks + uint64_t(s) * step;
            if ((kick >> s) & 1u)
                b.note(1, 9, 36, t, t + step, 110);
            if ((snare >> s) & 1u)
                b.note(1, 9, 38, t, t + step, 105);
            if (sixteenths || s % 2 == 0)
                b.note(1, 9, s % 4 == 2 && style == 1 ? 46 : 42, t, t + step / 2, s % 4 == 0 ? 90 : 70);
            if (bar % 4 == 3 && s == 0)
                b.note(1, 9, 49, t, t + step, 100);
            if ((kick >> s) & 1u || s % 4 == 0)
                b.note(2, 1, root + shape[(bar + s / 4) % 4], t, t + step * 2 - 1, 95);
        }
    return b.build();
}

// Writes `count` files into dir: mostly 4/4 grooves, some in 3/4, some
// without bass, and about one in twenty truncated.
inline void writeCollection(const std::string& dir, int count, uint32_t seed = 1)
{
    for (int i = 0; i < count; ++i) {
        const uint32_t s = seed * 100003u + uint32_t(i);
        const int kind = i % 20;
        const MidiFile f = makeGroove(s, kind == 7 ? 3 : 4, kind != 11);
        std::vector<uint8_t> bytes = encodeMidi(f);
        if (kind == 13)
            bytes.resize(bytes.size() / 2);
        const std::string name = dir + "/groove_" + std::to_string(i) + (kind == 5 ? ".MIDI" : ".mid");
        writeFileAtomically(name, bytes);
    }
}

} // namespace lm::test
