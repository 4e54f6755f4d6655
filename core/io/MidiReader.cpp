#include "MidiReader.h"

#include "core/base/FileBytes.h"

#include <cstdio>

namespace lm {
namespace {

std::string hex(unsigned v)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", v & 0xFFu);
    return buf;
}

class Parser {
public:
    Parser(const uint8_t* d, size_t n, const std::string& name, const MidiReadLimits& l)
        : data_(d), size_(n), name_(name), limits_(l) {}

    Result<MidiFile> run();

private:
    Error fail(size_t offset, std::string message) const
    {
        return Error{name_, static_cast<long long>(offset), std::move(message)};
    }
    uint32_t be32(size_t at) const
    {
        return (uint32_t(data_[at]) << 24) | (uint32_t(data_[at + 1]) << 16)
            | (uint32_t(data_[at + 2]) << 8) | uint32_t(data_[at + 3]);
    }
    uint16_t be16(size_t at) const { return uint16_t((data_[at] << 8) | data_[at + 1]); }

    // Reads a variable-length quantity inside [pos, end); false with err set on failure.
    bool readVlq(size_t& pos, size_t end, uint32_t& out, const char* what, Error& err) const;
    bool parseTrack(size_t begin, size_t end, int index, MidiTrack& track, Error& err);

    const uint8_t* data_;
    size_t size_;
    const std::string& name_;
    MidiReadLimits limits_;
    uint64_t events_ = 0;
};

bool Parser::readVlq(size_t& pos, size_t end, uint32_t& out, const char* what, Error& err) const
{
    const size_t start = pos;
    out = 0;
    for (int i = 0; i < 4; ++i) {
        if (pos >= end) {
            err = fail(start, std::string(what) + " runs past the end of the track");
            return false;
        }
        const uint8_t b = data_[pos++];
        out = (out << 7) | (b & 0x7F);
        if (!(b & 0x80))
            return true;
    }
    err = fail(start, std::string(what) + " is longer than 4 bytes (overflow)");
    return false;
}

bool Parser::parseTrack(size_t pos, size_t end, int index, MidiTrack& track, Error& err)
{
    uint64_t tick = 0;
    uint8_t running = 0;
    const std::string trackName = "track " + std::to_string(index);
    track.events.reserve(track.events.size() + (end - pos) / 4); // an event takes 3 bytes or more: one growth at most
    while (pos < end) {
        uint32_t delta = 0;
        if (!readVlq(pos, end, delta, "delta time", err))
            return false;
        tick += delta;
        if (pos >= end) {
            err = fail(pos, trackName + ": event missing after delta time");
            return false;
        }
        if (++events_ > limits_.maxEvents) {
            err = fail(pos, "more than " + std::to_string(limits_.maxEvents) + " events (limit)");
            return false;
        }
        const size_t eventStart = pos;
        uint8_t status = data_[pos];
        if (status & 0x80) {
            ++pos;
        } else {
            if (!running) {
                err = fail(eventStart, trackName + ": data byte " + hex(status) + " with no running status");
                return false;
            }
            status = running;
        }

        if (status == 0xFF) { // meta event
            if (pos >= end) {
                err = fail(eventStart, trackName + ": meta event truncated");
                return false;
            }
            const uint8_t type = data_[pos++];
            uint32_t len = 0;
            if (!readVlq(pos, end, len, "meta event length", err))
                return false;
            if (len > end - pos) {
                err = fail(eventStart, trackName + ": meta event " + hex(type) + " claims "
                                           + std::to_string(len) + " bytes, only "
                                           + std::to_string(end - pos) + " left in the track");
                return false;
            }
            if ((type == meta::Tempo && len < 3) || (type == meta::TimeSignature && len < 2)) {
                err = fail(eventStart, trackName + ": meta event " + hex(type) + " is too short ("
                                           + std::to_string(len) + " bytes)");
                return false;
            }
            track.events.push_back(MidiEvent::meta(
                tick, type, std::string(reinterpret_cast<const char*>(data_ + pos), len)));
            pos += len;
            if (type == meta::EndOfTrack)
                return true; // bytes after end-of-track inside the chunk are ignored
            continue;
        }
        if (status == 0xF0 || status == 0xF7) { // SysEx or escape
            uint32_t len = 0;
            if (!readVlq(pos, end, len, "SysEx length", err))
                return false;
            if (len > end - pos) {
                err = fail(eventStart, trackName + ": SysEx claims " + std::to_string(len)
                                           + " bytes, only " + std::to_string(end - pos) + " left");
                return false;
            }
            MidiEvent e;
            e.tick = tick;
            e.kind = MidiEvent::Kind::SysEx;
            e.status = status;
            e.data.assign(reinterpret_cast<const char*>(data_ + pos), len);
            track.events.push_back(std::move(e));
            pos += len;
            continue;
        }
        if (status >= 0xF1) { // system common / real-time bytes do not belong in a file
            err = fail(eventStart, trackName + ": unexpected status byte " + hex(status));
            return false;
        }
        const uint8_t type = status & 0xF0;
        const int nData = (type == 0xC0 || type == 0xD0) ? 1 : 2;
        if (end - pos < size_t(nData)) {
            err = fail(eventStart, trackName + ": channel message truncated");
            return false;
        }
        uint8_t d[2] = {0, 0};
        for (int i = 0; i < nData; ++i) {
            d[i] = data_[pos + i];
            if (d[i] & 0x80) {
                err = fail(pos + i, trackName + ": data byte " + hex(d[i]) + " has its top bit set");
                return false;
            }
        }
        pos += nData;
        running = status;
        track.events.push_back(MidiEvent::channelMessage(tick, status, d[0], d[1]));
    }
    err = fail(end, trackName + ": no end-of-track event");
    return false;
}

Result<MidiFile> Parser::run()
{
    if (size_ < 14 || data_[0] != 'M' || data_[1] != 'T' || data_[2] != 'h' || data_[3] != 'd') {
        if (size_ >= 4 && data_[0] == 'M' && data_[1] == 'T' && data_[2] == 'h' && data_[3] == 'd')
            return fail(size_, "header truncated (" + std::to_string(size_) + " bytes)");
        return fail(0, "not a Standard MIDI File (no MThd header)");
    }
    const uint32_t headerLen = be32(4);
    if (headerLen < 6)
        return fail(4, "header chunk length " + std::to_string(headerLen) + " is less than 6");
    if (headerLen > size_ - 8)
        return fail(4, "header chunk claims " + std::to_string(headerLen) + " bytes, file has "
                           + std::to_string(size_ - 8));
    MidiFile file;
    file.format = be16(8);
    const uint16_t declaredTracks = be16(10);
    const uint16_t division = be16(12);
    if (file.format == 2)
        return fail(8, "format 2 (independent sequences) is not supported");
    if (file.format > 2)
        return fail(8, "unknown format " + std::to_string(file.format));
    if (division & 0x8000)
        return fail(12, "SMPTE timing is not supported (only ticks per quarter note)");
    if (division == 0)
        return fail(12, "zero ticks per quarter note");
    file.ticksPerQuarter = division;

    size_t pos = 8 + size_t(headerLen);
    int found = 0;
    while (found < declaredTracks && pos < size_) {
        if (size_ - pos < 8)
            return fail(pos, "chunk header truncated");
        const bool isTrack = data_[pos] == 'M' && data_[pos + 1] == 'T' && data_[pos + 2] == 'r'
            && data_[pos + 3] == 'k';
        const uint32_t len = be32(pos + 4);
        const size_t body = pos + 8;
        if (len > size_ - body)
            return fail(pos + 4, std::string(isTrack ? "track" : "chunk") + " claims " + std::to_string(len)
                                     + " bytes, only " + std::to_string(size_ - body) + " left (truncated)");
        if (isTrack) {
            MidiTrack track;
            Error err;
            if (!parseTrack(body, body + len, found, track, err))
                return err;
            file.tracks.push_back(std::move(track));
            ++found;
        }
        pos = body + len;
    }
    if (found == 0)
        return fail(pos, "no track chunks");
    return file;
}

} // namespace

Result<MidiFile> parseMidi(const uint8_t* data, size_t size, const std::string& fileName,
                           const MidiReadLimits& limits)
{
    return Parser(data, size, fileName, limits).run();
}

Result<MidiFile> readMidiFile(const std::string& path, const MidiReadLimits& limits)
{
    auto bytes = readFileBytes(path, limits.maxFileBytes);
    if (!bytes)
        return bytes.error();
    return parseMidi(bytes->data(), bytes->size(), path, limits);
}

} // namespace lm
