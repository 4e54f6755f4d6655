#include "MidiFile.h"

#include <algorithm>

namespace lm {

MidiEvent MidiEvent::channelMessage(uint64_t tick, uint8_t status, uint8_t d1, uint8_t d2)
{
    MidiEvent e;
    e.tick = tick;
    e.kind = Kind::Channel;
    e.status = status;
    e.data1 = d1;
    e.data2 = d2;
    return e;
}

MidiEvent MidiEvent::meta(uint64_t tick, uint8_t type, std::string data)
{
    MidiEvent e;
    e.tick = tick;
    e.kind = Kind::Meta;
    e.status = type;
    e.data = std::move(data);
    return e;
}

std::string MidiTrack::name() const
{
    for (const auto& e : events)
        if (e.kind == MidiEvent::Kind::Meta && e.status == meta::TrackName)
            return e.data;
    return {};
}

std::vector<TempoChange> MidiFile::tempoChanges() const
{
    std::vector<TempoChange> out;
    for (const auto& t : tracks)
        for (const auto& e : t.events)
            if (e.kind == MidiEvent::Kind::Meta && e.status == meta::Tempo && e.data.size() >= 3) {
                auto b = [&](int i) { return uint32_t(uint8_t(e.data[i])); };
                uint32_t us = (b(0) << 16) | (b(1) << 8) | b(2);
                if (us > 0)
                    out.push_back({e.tick, us});
            }
    std::stable_sort(out.begin(), out.end(),
                     [](const TempoChange& a, const TempoChange& b) { return a.tick < b.tick; });
    return out;
}

std::vector<TimeSignature> MidiFile::timeSignatures() const
{
    std::vector<TimeSignature> out;
    for (const auto& t : tracks)
        for (const auto& e : t.events)
            if (e.kind == MidiEvent::Kind::Meta && e.status == meta::TimeSignature && e.data.size() >= 2) {
                int power = uint8_t(e.data[1]);
                int denominator = power < 31 ? (1 << power) : 0;
                out.push_back({e.tick, int(uint8_t(e.data[0])), denominator});
            }
    std::stable_sort(out.begin(), out.end(),
                     [](const TimeSignature& a, const TimeSignature& b) { return a.tick < b.tick; });
    return out;
}

double MidiFile::secondsAt(uint64_t tick) const
{
    if (ticksPerQuarter <= 0)
        return 0;
    double seconds = 0;
    uint64_t at = 0;
    uint32_t us = 500000;
    for (const TempoChange& t : tempoChanges()) {
        if (t.tick >= tick)
            break;
        seconds += double(t.tick - at) * us / 1e6 / ticksPerQuarter;
        at = t.tick;
        us = t.microsPerQuarter;
    }
    return seconds + double(tick - at) * us / 1e6 / ticksPerQuarter;
}

double MidiFile::durationSeconds() const
{
    uint64_t end = 0;
    for (const auto& t : tracks)
        end = std::max(end, t.endTick());
    return secondsAt(end);
}

} // namespace lm
