#pragma once
// The note each of the method's nine drum classes plays on export: General
// MIDI by default, or a user's map for drum plug-ins that use other notes,
// read from a small text file of `CLASS NOTE` lines, e.g.
//
//     # my sampler
//     kick 36
//     snare 40
//     closed hi-hat 44
//
// Class names are the method's (kick, snare, closed hi-hat, low tom, open
// hi-hat, mid tom, crash, high tom, ride), matched without case, spaces,
// hyphens or underscores ("closed_hihat" is "Closed hi-hat"). Classes the
// file does not name keep their General MIDI note.
#include "core/base/Result.h"
#include "core/model/LoopFormat.h"

#include <array>
#include <cstdint>
#include <string>

namespace lm {

struct DrumMap {
    std::array<uint8_t, format::kDrumRows> notes = format::kDrumOutputNote;
    std::string name = "General MIDI"; // the file it came from, for messages and settings

    bool isGeneralMidi() const { return notes == format::kDrumOutputNote; }
};

// `file` names the source in errors: "map.txt: line 3: unknown drum class 'cowbell' (...)".
Result<DrumMap> parseDrumMap(const std::string& text, const std::string& file);
Result<DrumMap> readDrumMapFile(const std::string& path);

// The drum class of a name as the map file writes it, or -1.
int drumClassOf(const std::string& name);

} // namespace lm
