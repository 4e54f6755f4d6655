#include "MidiWriter.h"

#include "core/base/FileBytes.h"

#include <algorithm>

namespace lm {
namespace {

void put32(std::vector<uint8_t>& out, uint32_t v)
{
    for (int s = 24; s >= 0; s -= 8)
        out.push_back(uint8_t(v >> s));
}

void putVlq(std::vector<uint8_t>& out, uint32_t v)
{
    uint8_t buf[5];
    int n = 0;
    buf[n++] = uint8_t(v & 0x7F);
    while (v >>= 7)
        buf[n++] = uint8_t(0x80 | (v & 0x7F));
    while (n)
        out.push_back(buf[--n]);
}

void encodeTrack(std::vector<uint8_t>& out, const MidiTrack& track)
{
    std::vector<const MidiEvent*> events;
    events.reserve(track.events.size() + 1);
    for (const auto& e : track.events)
        events.push_back(&e);
    std::stable_sort(events.begin(), events.end(),
                     [](const MidiEvent* a, const MidiEvent* b) { return a->tick < b->tick; });
    // Drop any end-of-track in the middle; one is written last.
    uint64_t endTick = events.empty() ? 0 : events.back()->tick;
    events.erase(std::remove_if(events.begin(), events.end(),
                                [](const MidiEvent* e) {
                                    return e->kind == MidiEvent::Kind::Meta && e->status == meta::EndOfTrack;
                                }),
                 events.end());
    MidiEvent eot = MidiEvent::meta(endTick, meta::EndOfTrack, {});
    events.push_back(&eot);

    std::vector<uint8_t> body;
    uint64_t last = 0;
    for (const MidiEvent* e : events) {
        uint64_t delta = e->tick - last;
        // Deltas longer than a VLQ can hold are split with empty text events.
        while (delta > 0x0FFFFFFF) {
            putVlq(body, 0x0FFFFFFF);
            body.insert(body.end(), {0xFF, 0x01, 0x00});
            delta -= 0x0FFFFFFF;
        }
        putVlq(body, uint32_t(delta));
        last = e->tick;
        switch (e->kind) {
        case MidiEvent::Kind::Channel: {
            body.push_back(e->status);
            body.push_back(e->data1 & 0x7F);
            const uint8_t t = e->status & 0xF0;
            if (t != 0xC0 && t != 0xD0)
                body.push_back(e->data2 & 0x7F);
            break;
        }
        case MidiEvent::Kind::Meta:
            body.push_back(0xFF);
            body.push_back(e->status & 0x7F);
            putVlq(body, uint32_t(e->data.size()));
            body.insert(body.end(), e->data.begin(), e->data.end());
            break;
        case MidiEvent::Kind::SysEx:
            body.push_back(e->status);
            putVlq(body, uint32_t(e->data.size()));
            body.insert(body.end(), e->data.begin(), e->data.end());
            break;
        }
    }
    out.insert(out.end(), {'M', 'T', 'r', 'k'});
    put32(out, uint32_t(body.size()));
    out.insert(out.end(), body.begin(), body.end());
}

} // namespace

std::vector<uint8_t> encodeMidi(const MidiFile& file)
{
    std::vector<uint8_t> out;
    out.insert(out.end(), {'M', 'T', 'h', 'd', 0, 0, 0, 6});
    out.push_back(0);
    out.push_back(uint8_t(file.format));
    out.push_back(uint8_t(file.tracks.size() >> 8));
    out.push_back(uint8_t(file.tracks.size()));
    out.push_back(uint8_t((file.ticksPerQuarter >> 8) & 0x7F));
    out.push_back(uint8_t(file.ticksPerQuarter));
    for (const auto& t : file.tracks)
        encodeTrack(out, t);
    return out;
}

Result<bool> writeMidiFile(const std::string& path, const MidiFile& file)
{
    return writeFileAtomically(path, encodeMidi(file));
}

} // namespace lm
