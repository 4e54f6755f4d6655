#pragma once
// Standard MIDI File reader: formats 0 and 1, ticks-per-quarter timing.
// Malformed input gives an Error naming the file, the byte offset and the
// problem; it never crashes and never loops without consuming input.
#include "core/base/Result.h"
#include "core/model/MidiFile.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace lm {

struct MidiReadLimits {
    uint64_t maxFileBytes = 32ull << 20;  // larger files are refused before reading
    uint64_t maxEvents = 2'000'000;       // bounds memory for hostile files
};

Result<MidiFile> parseMidi(const uint8_t* data, size_t size, const std::string& fileName,
                           const MidiReadLimits& limits = {});
Result<MidiFile> readMidiFile(const std::string& path, const MidiReadLimits& limits = {});

} // namespace lm
