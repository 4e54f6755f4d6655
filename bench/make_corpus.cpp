// Writes a synthetic MIDI collection for the benchmarks and the demo library:
//   make_corpus DIR COUNT [SEED] [--audio N]
// --audio N also renders N styled grooves to WAV with FluidSynth (GM soundfont).
#include "Fixtures.h"

#include "core/playback/OfflineSynth.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: make_corpus DIR COUNT [SEED] [--audio N]\n");
        return 2;
    }
    std::filesystem::create_directories(argv[1]);
    const int count = std::atoi(argv[2]);
    const uint32_t seed = argc > 3 && argv[3][0] != '-' ? uint32_t(std::atoi(argv[3])) : 1u;
    int audio = 0;
    for (int i = 3; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--audio") == 0)
            audio = std::atoi(argv[i + 1]);
    // Spread over sub-folders as real collections are.
    for (int i = 0; i < count; i += 500) {
        const std::string sub = std::string(argv[1]) + "/part" + std::to_string(i / 500);
        std::filesystem::create_directories(sub);
        lm::test::writeCollection(sub, std::min(500, count - i), seed + uint32_t(i));
    }
    if (audio > 0) {
        auto synth = lm::OfflineSynth::create(lm::defaultSoundfontPath(), 22050);
        if (!synth) {
            std::fprintf(stderr, "make_corpus: no audio: %s\n", synth.error().toString().c_str());
            return 0; // the MIDI part of the corpus is still there
        }
        const std::string sub = std::string(argv[1]) + "/audio";
        std::filesystem::create_directories(sub);
        for (int i = 0; i < audio; ++i) {
            const double bpm = 92 + 14 * i;
            auto rendered = (*synth)->render(lm::encodeMidi(lm::test::makeStyledGroove(seed + uint32_t(i), bpm, 24)), 0.3);
            if (rendered)
                lm::writeWav16(sub + "/rendered_groove_" + std::to_string(int(bpm)) + "bpm.wav", rendered->stereo, 2,
                               rendered->sampleRate);
        }
    }
    return 0;
}
