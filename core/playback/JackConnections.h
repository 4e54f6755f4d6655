#pragma once
// What RtMidi cannot tell: whether anything is connected to a JACK port.
#include <chrono>
#include <optional>
#include <string>

namespace lm {

// Waits until the JACK MIDI output port `port` of client `client` (or of a
// client JACK renamed "client-01" and so on) has a connection, at most
// `timeout`. True: connected; false: timed out; nullopt: no JACK server or no such port.
std::optional<bool> waitForJackConnection(const std::string& client, const std::string& port,
                                          std::chrono::milliseconds timeout);

} // namespace lm
