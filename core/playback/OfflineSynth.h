#pragma once
// Renders MIDI to audio with FluidSynth and a General MIDI soundfont, with no
// sound card: the player's clock is the synth's sample count.
#include "core/base/Result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lm {

std::string defaultSoundfontPath(); // Debian's fluid-soundfont-gm

struct RenderedAudio {
    int sampleRate = 0;
    std::vector<float> stereo; // interleaved L R
    int64_t frames() const { return int64_t(stereo.size() / 2); }
};

class OfflineSynth {
public:
    // Loads the soundfont once (about a second for FluidR3_GM); render() reuses it.
    static Result<std::unique_ptr<OfflineSynth>> create(const std::string& soundfont, int sampleRate = 44100,
                                                       double gain = 0.6);
    ~OfflineSynth();
    OfflineSynth(const OfflineSynth&) = delete;
    OfflineSynth& operator=(const OfflineSynth&) = delete;

    // Plays a whole Standard MIDI File; the silence FluidSynth adds after the
    // last note is cut so that the audio ends where the MIDI does (tail kept
    // up to `tailSeconds`).
    Result<RenderedAudio> render(const std::vector<uint8_t>& midiBytes, double tailSeconds = 0.0);

private:
    OfflineSynth() = default;
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Writes interleaved float audio to WAV (16-bit PCM) through a temp file.
Result<bool> writeWav16(const std::string& path, const std::vector<float>& interleaved, int channels, int sampleRate);

} // namespace lm
