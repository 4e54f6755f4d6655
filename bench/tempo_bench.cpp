// Tempo estimation on rendered grooves: renders drum + bass grooves at known
// tempi with FluidSynth and the GM soundfont, estimates tempo and downbeat,
// and prints how many are within 2 % (an octave error counts as wrong).
//   tempo_bench [COUNT] [SEED] [--keep DIR]
//   tempo_bench --timidity [COUNT] [SEED]   MMA grooves rendered by timidity + freepats
#include "Fixtures.h"
#include "TimidityGrooves.h"

#include "core/audio/AudioAnalysis.h"
#include "core/playback/OfflineSynth.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

int main(int argc, char** argv)
{
    using namespace lm;
    if (argc > 1 && std::strcmp(argv[1], "--timidity") == 0)
        return bench::runTimidityBench(argc > 2 ? std::atoi(argv[2]) : 40, argc > 3 ? uint32_t(std::atoi(argv[3])) : 1u);
    const int count = argc > 1 ? std::atoi(argv[1]) : 40;
    const uint32_t seed = argc > 2 ? uint32_t(std::atoi(argv[2])) : 1u;
    const char* keep = argc > 4 && std::strcmp(argv[3], "--keep") == 0 ? argv[4] : nullptr;
    auto synth = OfflineSynth::create(defaultSoundfontPath(), 44100);
    if (!synth) {
        std::fprintf(stderr, "%s\n", synth.error().toString().c_str());
        return 1;
    }
    std::mt19937 rng(seed);
    FILE* features = std::getenv("LM_TEMPO_FEATURES") ? std::fopen(std::getenv("LM_TEMPO_FEATURES"), "w") : nullptr;
    int good = 0, octave = 0, downbeatGood = 0;
    double renderS = 0, analyseS = 0, audioS = 0;
    for (int i = 0; i < count; ++i) {
        const double bpm = 70.0 + double(rng() % 10600) / 100.0; // 70 .. 176
        const MidiFile groove = test::makeStyledGroove(seed * 1000u + uint32_t(i), bpm, 16);
        const auto t0 = std::chrono::steady_clock::now();
        auto audio = (*synth)->render(encodeMidi(groove));
        const auto t1 = std::chrono::steady_clock::now();
        if (!audio) {
            std::fprintf(stderr, "%s\n", audio.error().toString().c_str());
            return 1;
        }
        // Mixed and resampled by the same reader path as files: write, then read.
        const std::string wav = (keep ? std::string(keep) : std::string("/tmp")) + "/tempo_" + std::to_string(i) + ".wav";
        writeWav16(wav, audio->stereo, 2, audio->sampleRate);
        const auto t2 = std::chrono::steady_clock::now();
        auto piece = analyseAudioFile(wav);
        const auto t3 = std::chrono::steady_clock::now();
        if (!keep)
            std::remove(wav.c_str());
        renderS += std::chrono::duration<double>(t1 - t0).count();
        analyseS += std::chrono::duration<double>(t3 - t2).count();
        audioS += double(audio->frames()) / audio->sampleRate;
        if (!piece) {
            std::printf("%3d  true %7.2f  error: %s\n", i, bpm, piece.error().toString().c_str());
            continue;
        }
        bench::dumpLevelFeatures(features, i, bpm, piece->estimate);
        const double err = std::abs(piece->bpm - bpm) / bpm;
        const bool ok = err <= 0.02;
        const bool oct = !ok && (std::abs(piece->bpm * 2 - bpm) / bpm <= 0.02 || std::abs(piece->bpm / 2 - bpm) / bpm <= 0.02);
        const double bar = 240.0 / bpm;
        double db = std::fmod(piece->downbeat, bar);
        const bool dbOk = std::min(db, bar - db) < 0.05;
        good += ok;
        octave += oct;
        downbeatGood += dbOk;
        std::printf("%3d  true %7.2f  est %7.2f  conf %.2f  %s  downbeat %.3f s %s  mid %.2f\n", i, bpm, piece->bpm,
                    piece->confidence, ok ? "ok" : oct ? "OCTAVE" : "WRONG", piece->downbeat, dbOk ? "ok" : "off",
                    piece->estimate.midRatio);
    }
    std::printf("\ntempo within 2%%: %d of %d (%.1f %%), octave errors %d\n", good, count, 100.0 * good / count, octave);
    std::printf("downbeat on a bar line (within 50 ms): %d of %d\n", downbeatGood, count);
    std::printf("audio %.1f s; rendering %.2f s; reading + resampling + tempo + matrix %.2f s (%.0f s of audio per second)\n",
                audioS, renderS, analyseS, audioS / analyseS);
    if (features)
        std::fclose(features);
    return 0;
}
