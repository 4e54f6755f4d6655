#include "RollToMidi.h"

#include "core/model/LoopFormat.h"

#include <algorithm>
#include <cmath>

namespace lm {

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
    meta.events.push_back(MidiEvent::meta(0, meta::TimeSignature, std::string{4, 2, 24, 8}));
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

    MidiTrack bass;
    const uint8_t ch = 1;
    bass.events.push_back(MidiEvent::meta(0, meta::TrackName, "Bass"));
    bass.events.push_back(MidiEvent::channelMessage(0, 0xC0 | ch, uint8_t(std::clamp(o.bassProgram, 0, 127))));
    std::vector<MidiEvent> notes;
    for (int r = kDrumRows; r < kRows; ++r) {
        const uint8_t pitch = uint8_t(kBassLowestPitch + r - kDrumRows);
        for (size_t s = 0; s < steps.size();) {
            if (!((steps[s] >> r) & 1u)) {
                ++s;
                continue;
            }
            size_t e = s;
            while (e < steps.size() && ((steps[e] >> r) & 1u))
                ++e;
            notes.push_back(MidiEvent::channelMessage(s * step, 0x90 | ch, pitch, uint8_t(o.bassVelocity)));
            notes.push_back(MidiEvent::channelMessage(e * step, 0x80 | ch, pitch, 0));
            s = e;
        }
    }
    std::stable_sort(notes.begin(), notes.end(), [](const MidiEvent& a, const MidiEvent& b) {
        return a.tick < b.tick || (a.tick == b.tick && a.isNoteOff() && !b.isNoteOff());
    });
    bass.events.insert(bass.events.end(), notes.begin(), notes.end());
    bass.events.push_back(MidiEvent::meta(end, meta::EndOfTrack, ""));

    f.tracks = {std::move(meta), std::move(drums), std::move(bass)};
    return f;
}

bool lastBarEmpty(const std::vector<uint64_t>& steps)
{
    const size_t from = steps.size() > size_t(format::kStepsPerBar) ? steps.size() - format::kStepsPerBar : 0;
    return std::all_of(steps.begin() + std::ptrdiff_t(from), steps.end(), [](uint64_t m) { return m == 0; });
}

} // namespace lm
