#include "Schedule.h"

#include "core/model/RollToMidi.h"

#include <algorithm>

namespace lm {

namespace {

// rollToMidi's bass channel (RollToMidi.h: "bass on channel 2").
constexpr uint8_t kRollBassChannel = 1;

uint8_t clampByte(int v, int lo, int hi) { return uint8_t(std::clamp(v, lo, hi)); }

bool isNoteOn(const std::vector<uint8_t>& m) { return m.size() == 3 && (m[0] & 0xF0) == 0x90 && m[2] > 0; }

} // namespace

Schedule scheduleOfRoll(const std::vector<uint64_t>& steps, const RollPlayOptions& o)
{
    RollExportOptions exportOptions;
    exportOptions.bassProgram = o.bassProgram;
    exportOptions.drumVelocity = clampByte(o.drumVelocity, 1, 127);
    exportOptions.bassVelocity = clampByte(o.bassVelocity, 1, 127);
    exportOptions.ticksPerQuarter = format::kStepsPerQuarter; // one tick a step
    if (!o.keys.empty()) {
        exportOptions.keys = &o.keys;
        exportOptions.keysProgram = o.keysProgram;
    }
    const MidiFile midi = rollToMidi(steps, exportOptions);
    const uint64_t ticksPerStep = uint64_t(midi.ticksPerQuarter / format::kStepsPerQuarter);
    const uint8_t drumChannel = clampByte(o.drumChannel, 0, 15);
    const uint8_t bassChannel = clampByte(o.bassChannel, 0, 15);

    Schedule s;
    s.lengthSteps = int(steps.size());
    s.barSteps = std::max(1, o.barSteps);
    for (const MidiTrack& track : midi.tracks)
        for (const MidiEvent& e : track.events) {
            if (e.kind != MidiEvent::Kind::Channel)
                continue;
            const uint8_t channel = e.channel() == format::kDrumChannel ? drumChannel
                                  : e.channel() == kRollBassChannel     ? bassChannel
                                                                        : e.channel();
            std::vector<uint8_t> message{uint8_t(e.type() | channel), e.data1};
            if (e.type() != 0xC0 && e.type() != 0xD0)
                message.push_back(e.data2);
            if (e.type() == 0xC0 && e.tick == 0)
                s.setup.push_back(std::move(message));
            else
                s.events.push_back({int(e.tick / ticksPerStep), std::move(message)});
        }
    // Drums before bass within each kind (the tracks' order); note-offs first at a step.
    std::stable_sort(s.events.begin(), s.events.end(), [](const ScheduledEvent& a, const ScheduledEvent& b) {
        return a.step < b.step || (a.step == b.step && !isNoteOn(a.message) && isNoteOn(b.message));
    });
    return s;
}

} // namespace lm
