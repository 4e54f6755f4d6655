#include "MidiSchedule.h"

#include <algorithm>
#include <map>
#include <utility>

namespace lm {

namespace {

constexpr int kSpq = kMidiScheduleStepsPerQuarter;

int64_t toStep(uint64_t tick, int tpq)
{
    return int64_t((tick * 2 * kSpq + uint64_t(tpq)) / (2 * uint64_t(tpq)));
}

bool isNoteOn(const std::vector<uint8_t>& m) { return m.size() == 3 && (m[0] & 0xF0) == 0x90 && m[2] > 0; }

int barStepsOf(const MidiFile& midi)
{
    const auto signatures = midi.timeSignatures();
    if (signatures.empty() || signatures.front().tick != 0 || signatures.front().denominator <= 0)
        return 4 * kSpq;
    const auto& ts = signatures.front();
    const int steps = (4 * kSpq * ts.numerator + ts.denominator / 2) / ts.denominator;
    return std::max(1, steps);
}

struct Timed {
    int64_t step;
    std::vector<uint8_t> message;
};

} // namespace

MidiSchedule scheduleOfMidi(const MidiFile& midi)
{
    MidiSchedule out;
    const int tpq = std::max(1, midi.ticksPerQuarter);
    for (const TempoChange& t : midi.tempoChanges()) {
        if (t.tick == 0)
            out.bpm = t.bpm();
        else
            ++out.laterTempoChanges;
    }
    uint64_t endTick = 0;
    std::vector<const MidiEvent*> events;
    for (const MidiTrack& track : midi.tracks)
        for (const MidiEvent& e : track.events) {
            endTick = std::max(endTick, e.tick);
            if (e.kind == MidiEvent::Kind::Channel)
                events.push_back(&e);
        }
    std::stable_sort(events.begin(), events.end(),
                     [](const MidiEvent* a, const MidiEvent* b) { return a->tick < b->tick; });

    Schedule& s = out.schedule;
    s.stepsPerQuarter = kSpq;
    s.barSteps = barStepsOf(midi);
    const int64_t endStep = std::max<int64_t>(1, toStep(endTick, tpq));
    const int64_t bars = (endStep + s.barSteps - 1) / s.barSteps;
    s.lengthSteps = int(std::min<int64_t>(bars * s.barSteps, int64_t(1) << 30));

    std::map<std::pair<uint8_t, uint8_t>, int64_t> onAt; // (channel, note) -> step of its note-on
    std::vector<Timed> timed;
    for (const MidiEvent* e : events) {
        std::vector<uint8_t> m{e->status, e->data1};
        if (e->type() != 0xC0 && e->type() != 0xD0)
            m.push_back(e->data2);
        int64_t step = toStep(e->tick, tpq);
        const std::pair<uint8_t, uint8_t> key{e->channel(), e->data1};
        if (e->isNoteOn()) {
            if (step >= s.lengthSteps)
                continue; // a note at the very end would never be turned off
            onAt[key] = step;
        } else if (e->isNoteOff()) {
            auto on = onAt.find(key);
            if (on == onAt.end())
                continue; // no note sounding: nothing to turn off
            step = std::max(step, on->second + 1);
            onAt.erase(on);
        } else if (e->tick == 0) {
            s.setup.push_back(std::move(m));
            continue;
        }
        timed.push_back({std::min<int64_t>(step, s.lengthSteps), std::move(m)});
    }
    for (const auto& [key, step] : onAt) // notes the file never ends: off at the loop's end
        timed.push_back({s.lengthSteps, {uint8_t(0x80 | key.first), key.second, 0}});
    std::stable_sort(timed.begin(), timed.end(), [](const Timed& a, const Timed& b) {
        return a.step < b.step || (a.step == b.step && !isNoteOn(a.message) && isNoteOn(b.message));
    });
    s.events.reserve(timed.size());
    for (Timed& t : timed)
        s.events.push_back({int(t.step), std::move(t.message)});
    return out;
}

} // namespace lm
