#pragma once
// Where the player's MIDI bytes go: a small interface, so that the player can be
// tested into a recording fake, and RtMidi's ports behind it (ALSA, JACK).
#include "core/base/Result.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lm {

class MidiOutput {
public:
    virtual ~MidiOutput() = default;
    // One complete MIDI message (status byte and its data bytes).
    virtual Result<bool> send(const std::vector<uint8_t>& message) = 0;
    virtual std::string name() const = 0;
};

struct MidiPort {
    std::string name; // as the API names it, what openMidiOutput takes
    std::string api;  // "ALSA", "Jack"
};

// The output ports of every compiled API. Never throws and never crashes when
// there is no ALSA sequencer or no JACK server; when the list is empty,
// *whyNone says why, API by API ("no MIDI output: ALSA sequencer not
// available (...); JACK server not running (...)").
std::vector<MidiPort> listMidiOutputs(std::string* whyNone = nullptr);

// Connects to the port of that name (an exact name first, else the one port
// whose name contains it).
Result<std::unique_ptr<MidiOutput>> openMidiOutput(const std::string& portName);

// A port of our own that synths and other programs connect to (ALSA or JACK).
Result<std::unique_ptr<MidiOutput>> openVirtualMidiOutput(const std::string& clientName);

// Until something connects to a port of openVirtualMidiOutput, at most
// `timeout`. RtMidi cannot tell connections; on JACK libjack can (a second
// client asks the server, woken by its port-connect callback). Elsewhere
// (ALSA) nothing tells: CannotTell after the whole timeout.
enum class ConnectionWait { Connected, TimedOut, CannotTell };
ConnectionWait waitForConnection(const MidiOutput& virtualPort, std::chrono::milliseconds timeout);

} // namespace lm
