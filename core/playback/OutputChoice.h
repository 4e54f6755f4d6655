#pragma once
// Which output plays: the one rule for the CLI's play and the window's
// transport. A named MIDI port, a virtual port of our own, the built-in synth,
// or "automatic": the first MIDI port that goes somewhere (not ALSA's
// "Midi Through"), else the built-in synth.
#include "core/playback/MidiOutput.h"

#include <functional>
#include <string>
#include <vector>

namespace lm {

struct OutputChoice {
    enum class Kind { Automatic, Port, Virtual, Synth };
    Kind kind = Kind::Automatic;
    std::string name; // the port (Port) or client (Virtual) name

    // "auto", "synth", "port:NAME", "virtual:NAME": how the window remembers it.
    std::string key() const;
    static OutputChoice fromKey(const std::string& key);
};

// The parts the rule is made of, so that it can be tested without a sound card.
struct OutputBackends {
    std::function<std::vector<MidiPort>(std::string* whyNone)> list = [](std::string* w) { return listMidiOutputs(w); };
    std::function<Result<std::unique_ptr<MidiOutput>>(const std::string&)> port = openMidiOutput;
    std::function<Result<std::unique_ptr<MidiOutput>>(const std::string&)> virtualPort = openVirtualMidiOutput;
    std::function<Result<std::unique_ptr<MidiOutput>>()> synth;
};
OutputBackends realOutputBackends();

// Automatic without a port and without an audio device: "no MIDI output: ...;
// no audio device: ..." (both reasons).
Result<std::unique_ptr<MidiOutput>> openOutput(const OutputChoice& choice, const OutputBackends& backends);

bool isThroughPort(const std::string& name);

} // namespace lm
