#include "RollToMidi.h"

#include "core/model/LoopFormat.h"

#include <algorithm>
#include <cmath>

namespace lm {

namespace {
MidiTrack pitchedTrack(const std::vector<uint64_t>& steps, const char* name, uint8_t ch, int program, int firstRow,
                       int endRow, int lowestPitch, int velocity, uint64_t end, uint64_t step);
} // namespace

MidiFile rollToMidi(const std::vector<uint64_t>& steps, const RollExportOptions& o)
{
    using namespace format;
    MidiFile f;
    f.format = 1;
    // A whole number of ticks per step, so that the end of track lies on the bar line.
    const int tpq = std::max(kStepsPerQuarter, (o.ticksPerQuarter + kStepsPerQuarter - 1) / kStepsPerQuarter * kStepsPerQuarter);
    f.ticksPerQuarter = tpq;
    const uint64_t step = uint64_t(tpq / kStepsPerQuarter);
    const uint64_t end = step * steps.size(); // the bar line after the last step of a whole-bar roll
    const uint32_t us = uint32_t(std::lround(60'000'000.0 / std::clamp(o.bpm, 1.0, 1000.0)));

    MidiTrack meta;
    meta.events.push_back(MidiEvent::meta(0, meta::TrackName, "loopminer"));
    meta.events.push_back(
        MidiEvent::meta(0, meta::Tempo, std::string{char((us >> 16) & 0xFF), char((us >> 8) & 0xFF), char(us & 0xFF)}));
    int power = 0;
    while (power < 7 && (1 << power) < o.denominator)
        ++power;
    meta.events.push_back(
        MidiEvent::meta(0, meta::TimeSignature, std::string{char(std::clamp(o.numerator, 1, 255)), char(power), 24, 8}));
    meta.events.push_back(MidiEvent::meta(end, meta::EndOfTrack, ""));

    MidiTrack drums;
    drums.events.push_back(MidiEvent::meta(0, meta::TrackName, "Drums"));
    for (size_t s = 0; s < steps.size(); ++s)
        for (int r = 0; r < kDrumRows; ++r)
            if ((steps[s] >> r) & 1u) {
                const uint8_t note = std::min<uint8_t>(o.drumNotes[size_t(r)], 127);
                bool played = false; // by an earlier row of this step mapped to the same note
                for (int q = 0; q < r; ++q)
                    played = played || (((steps[s] >> q) & 1u) && o.drumNotes[size_t(q)] == o.drumNotes[size_t(r)]);
                if (played)
                    continue;
                drums.events.push_back(MidiEvent::channelMessage(s * step, 0x90 | kDrumChannel, note, uint8_t(o.drumVelocity)));
                drums.events.push_back(MidiEvent::channelMessage(s * step + step, 0x80 | kDrumChannel, note, 0));
            }
    std::stable_sort(drums.events.begin() + 1, drums.events.end(), [](const MidiEvent& a, const MidiEvent& b) {
        return a.tick < b.tick || (a.tick == b.tick && a.isNoteOff() && !b.isNoteOff());
    });
    drums.events.push_back(MidiEvent::meta(end, meta::EndOfTrack, ""));

    f.tracks = {std::move(meta), std::move(drums),
                pitchedTrack(steps, "Bass", 1, o.bassProgram, kDrumRows, kRows, kBassLowestPitch, o.bassVelocity, end, step)};
    if (o.keys)
        f.tracks.push_back(pitchedTrack(*o.keys, "Keys", 2, o.keysProgram, 0, 48, 48, o.keysVelocity, end, step));
    return f;
}

namespace {

// A pitched part's track: consecutive active cells of a pitch joined into one note.
MidiTrack pitchedTrack(const std::vector<uint64_t>& steps, const char* name, uint8_t ch, int program, int firstRow,
                       int endRow, int lowestPitch, int velocity, uint64_t end, uint64_t step)
{
    MidiTrack bass;
    bass.events.push_back(MidiEvent::meta(0, meta::TrackName, name));
    bass.events.push_back(MidiEvent::channelMessage(0, 0xC0 | ch, uint8_t(std::clamp(program, 0, 127))));
    std::vector<MidiEvent> notes;
    for (int r = firstRow; r < endRow; ++r) {
        const uint8_t pitch = uint8_t(lowestPitch + r - firstRow);
        for (size_t s = 0; s < steps.size();) {
            if (!((steps[s] >> r) & 1u)) {
                ++s;
                continue;
            }
            size_t e = s;
            while (e < steps.size() && ((steps[e] >> r) & 1u))
                ++e;
            notes.push_back(MidiEvent::channelMessage(s * step, 0x90 | ch, pitch, uint8_t(velocity)));
            notes.push_back(MidiEvent::channelMessage(e * step, 0x80 | ch, pitch, 0));
            s = e;
        }
    }
    std::stable_sort(notes.begin(), notes.end(), [](const MidiEvent& a, const MidiEvent& b) {
        return a.tick < b.tick || (a.tick == b.tick && a.isNoteOff() && !b.isNoteOff());
    });
    bass.events.insert(bass.events.end(), notes.begin(), notes.end());
    bass.events.push_back(MidiEvent::meta(end, meta::EndOfTrack, ""));
    return bass;
}

} // namespace

bool lastBarEmpty(const std::vector<uint64_t>& steps) { return lastBarEmpty(steps, format::kStepsPerBar); }

bool lastBarEmpty(const std::vector<uint64_t>& steps, int barSteps)
{
    const size_t from = steps.size() > size_t(barSteps) ? steps.size() - size_t(barSteps) : 0;
    return std::all_of(steps.begin() + std::ptrdiff_t(from), steps.end(), [](uint64_t m) { return m == 0; });
}

} // namespace lm
