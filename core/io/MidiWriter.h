#pragma once
// Standard MIDI File writer. What it writes, MidiReader reads back equal.
#include "core/base/Result.h"
#include "core/model/MidiFile.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lm {

// Encodes the file as it is (format 0 or 1). Events of each track are written
// in tick order; an end-of-track event is added where a track has none.
std::vector<uint8_t> encodeMidi(const MidiFile& file);

// Encodes and writes through a temporary file that is renamed over path.
Result<bool> writeMidiFile(const std::string& path, const MidiFile& file);

} // namespace lm
