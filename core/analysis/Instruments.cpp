#include "Instruments.h"

#include "core/model/LoopFormat.h"

#include <array>

namespace lm {

bool Instrument::isDrums() const { return channel == format::kDrumChannel; }

bool Instrument::isBass() const
{
    return channel != format::kDrumChannel && program >= format::kBassProgramFirst
        && program <= format::kBassProgramLast;
}

std::vector<Instrument> extractInstruments(const MidiFile& file)
{
    std::vector<Instrument> out;
    constexpr uint64_t kSilent = ~uint64_t(0);
    for (size_t t = 0; t < file.tracks.size(); ++t) {
        const MidiTrack& track = file.tracks[t];
        std::array<Instrument, 16> inst;
        std::array<int, 16> program{};
        std::array<bool, 16> started{};
        // Index into inst[ch].notes of the sounding note per (channel, pitch).
        std::array<std::array<uint64_t, 128>, 16> sounding;
        for (auto& row : sounding)
            row.fill(kSilent);

        for (const MidiEvent& e : track.events) {
            if (e.kind != MidiEvent::Kind::Channel)
                continue;
            const int ch = e.channel();
            const uint8_t type = e.type();
            if (type == 0xC0) {
                program[ch] = e.data1;
            } else if (e.isNoteOn()) {
                Instrument& in = inst[ch];
                if (!started[ch]) {
                    started[ch] = true;
                    in.program = program[ch];
                }
                uint64_t& idx = sounding[ch][e.data1];
                if (idx != kSilent)
                    in.notes[idx].off = e.tick;
                idx = in.notes.size();
                in.notes.push_back(Note{e.tick, e.tick, e.data1, e.data2});
            } else if (e.isNoteOff()) {
                uint64_t& idx = sounding[ch][e.data1];
                if (idx != kSilent) {
                    inst[ch].notes[idx].off = e.tick;
                    idx = kSilent;
                }
            }
        }
        const uint64_t end = track.endTick();
        for (int ch = 0; ch < 16; ++ch) {
            if (!started[ch])
                continue;
            for (uint64_t idx : sounding[ch])
                if (idx != kSilent)
                    inst[ch].notes[idx].off = end;
            inst[ch].track = int(t);
            inst[ch].channel = ch;
            out.push_back(std::move(inst[ch]));
        }
    }
    return out;
}

} // namespace lm
