// Speed of one audio piece: a 5-minute stereo 44.1 kHz WAV (a rendered groove)
// is read, mixed, resampled to 8 kHz, beat-tracked, and its bar matrix
// computed, on one core. Prints each stage and the audio seconds per second.
//   audio_bench [MINUTES]
#include "Fixtures.h"

#include "core/audio/AudioAnalysis.h"
#include "core/playback/OfflineSynth.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

int main(int argc, char** argv)
{
    using namespace lm;
    using Clock = std::chrono::steady_clock;
    const double minutes = argc > 1 ? std::atof(argv[1]) : 5.0;
    const double bpm = 124;
    const int bars = int(minutes * bpm / 4);
    auto synth = OfflineSynth::create(defaultSoundfontPath(), 44100);
    if (!synth) {
        std::fprintf(stderr, "%s\n", synth.error().toString().c_str());
        return 1;
    }
    auto audio = (*synth)->render(encodeMidi(test::makeStyledGroove(11, bpm, bars)), 0.5);
    const std::string wav = "/tmp/loopminer_audio_bench_" + std::to_string(::getpid()) + ".wav";
    writeWav16(wav, audio->stereo, 2, audio->sampleRate);
    const double seconds = double(audio->frames()) / audio->sampleRate;

    double best[4] = {1e9, 1e9, 1e9, 1e9};
    AudioPiece piece;
    for (int run = 0; run < 3; ++run) {
        const auto t0 = Clock::now();
        auto mono = readAudioMono(wav, audioformat::kSampleRate);
        const auto t1 = Clock::now();
        const TempoEstimate est = estimateTempo(mono->samples.data(), mono->samples.size(), mono->sampleRate);
        const auto t2 = Clock::now();
        const BarSpectra spectra = barMelSpectra(mono->samples.data(), mono->samples.size(), BarGrid{est.bpm, est.downbeat});
        const auto matrix = spectraCorrelation(spectra);
        const auto t3 = Clock::now();
        const double parts[4] = {std::chrono::duration<double>(t1 - t0).count(),
                                 std::chrono::duration<double>(t2 - t1).count(),
                                 std::chrono::duration<double>(t3 - t2).count(),
                                 std::chrono::duration<double>(t3 - t0).count()};
        for (int i = 0; i < 4; ++i)
            best[i] = std::min(best[i], parts[i]);
        piece.bpm = est.bpm;
        piece.spectra = spectra;
    }
    std::remove(wav.c_str());
    std::printf("audio: %.1f s stereo 44.1 kHz WAV (%d bars at %.0f BPM); best of 3 runs, one thread\n", seconds, bars, bpm);
    std::printf("  read + mix + resample to 8 kHz: %.3f s\n", best[0]);
    std::printf("  beat tracking (aubio) + octave check + downbeat: %.3f s\n", best[1]);
    std::printf("  per-bar mel spectra (FFTW) + %lld x %lld matrix: %.3f s\n", static_cast<long long>(piece.spectra.bars),
                static_cast<long long>(piece.spectra.bars), best[2]);
    std::printf("  total: %.3f s (target under 2 s) = %.0f s of audio per second of compute; tempo found %.2f BPM\n",
                best[3], seconds / best[3], piece.bpm);
    return 0;
}
