// libFuzzer target: the audio import path from bytes: libsndfile through our
// virtual I/O, mixing, resampling, beat tracking, mel spectra and windows.
#include "core/audio/AudioAnalysis.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    lm::AudioLimits limits;
    limits.maxSeconds = 120; // keeps one input's work small
    auto audio = lm::readAudioMonoFromMemory(data, size, "fuzz.wav", lm::audioformat::kSampleRate, limits);
    if (!audio.ok()) {
        if (audio.error().message.empty())
            std::abort(); // every refusal says why
        return 0;
    }
    const lm::AudioPiece piece = lm::analyseAudio(*audio);
    const auto windows = lm::audioWindows(piece);
    if (piece.matrix.size() != size_t(piece.bars() * piece.bars()))
        std::abort();
    for (const auto& w : windows)
        for (double v : w.correlation)
            if (!(v >= -1.0 && v <= 1.0))
                std::abort(); // a correlation, never NaN
    return 0;
}
