#pragma once
// The built-in synth: a MidiOutput that plays the messages with FluidSynth and
// the General MIDI soundfont through FluidSynth's own audio driver, trying
// PulseAudio, PipeWire, ALSA and JACK in turn (whichever answers first).
#include "core/playback/MidiOutput.h"

#include <string>
#include <vector>

namespace lm {

std::vector<std::string> defaultAudioDrivers(); // pulseaudio, pipewire, alsa, jack

// The first driver that opens, or "no audio device: pulseaudio: <why>; alsa: <why>; ..."
// naming each one tried. Never waits for a server that is not there (JACK is
// not started on demand).
Result<std::unique_ptr<MidiOutput>> openSynthOutput(const std::string& soundfont = "",
                                                    const std::vector<std::string>& drivers = defaultAudioDrivers());

// Which driver would answer, without loading a soundfont (for `ports`).
Result<std::string> probeAudioDriver(const std::vector<std::string>& drivers = defaultAudioDrivers());

constexpr const char* kBuiltInSynthName = "built-in synth";

} // namespace lm
