// Makes the demo library's material at build time (see bench/CMakeLists.txt):
//   make_demo songs DIR [--audio N]   MMA grooves (drums, bass and the style's
//                                     other parts) rendered to MIDI by `mma`
//                                     from Debian's groove library; N of them
//                                     also to WAV with FluidSynth
//   make_demo mark DB DATA_DIR        records the data folder the library was made in
// Only the songs' text is ours (a chord chart); the grooves are MMA's (GPL-2+),
// so nothing made here is committed: the build makes it, the .deb carries it.
#include "core/base/FileBytes.h"
#include "core/library/DemoLibrary.h"
#include "core/playback/OfflineSynth.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

struct Style {
    const char* groove;
    int bpm; // in the style's usual range, so that the set spans 70 to 180 BPM
};

// 4/4 styles of MMA's stdlib with drums and a bass part whose 8-bar windows
// meet the method's cell rule (checked by scanning them: 44 of the 63 tried;
// BossaNova, ChaCha, Charleston, ... have no bass track, 60sRock, Blues,
// Folk, ... too few bass notes).
const Style kStyles[] = {
    {"WesternSwing", 150}, {"RockBallad", 72},   {"FolkRock", 120},    {"CountrySwing", 140}, {"EasySwing", 110},
    {"LFusion", 100},      {"BlueGrass", 170},   {"SoftShoe", 116},    {"CountryBlues", 96},  {"Beguine", 124},
    {"BubbleRock", 128},   {"Rhumba", 112},      {"SoftRock", 92},     {"Samba", 104},        {"R&B", 96},
    {"Merengue", 132},     {"Ska", 150},         {"Jive", 160},        {"HillCountry", 108},  {"Foxtrot", 126},
    {"PopBallad", 76},     {"DSoul", 98},        {"Broadway", 136},    {"BoneyM", 126},       {"Ballad", 70},
    {"BasicRock", 122},    {"Strut", 100},       {"ModernJazz", 144},  {"Twist", 152},        {"Bebop", 180},
    {"Zydeco", 146},       {"8Beat", 118},       {"Trance", 136},      {"JazzRock", 114},     {"Swing", 132},
    {"Quickstep", 176},    {"FastBlues", 164},   {"ShuffleBoggie", 124}, {"JazzCombo", 120},  {"Tango", 112},
    {"BigBand", 154},      {"50sRock", 138},     {"Spiritual", 84},    {"MellowJazz", 90},
};

// Four bars of chords, four times: the 8-bar windows hold a phrase twice, as loops do.
const char* const kChords[4] = {"C", "Am", "F", "G7"};

std::string fileName(const Style& s)
{
    std::string name;
    for (const char* c = s.groove; *c; ++c)
        if (std::isalnum(static_cast<unsigned char>(*c)))
            name += *c;
    return name + "_" + std::to_string(s.bpm) + "bpm";
}

int songs(const std::string& dir, int audio)
{
    std::filesystem::create_directories(dir);
    int made = 0;
    for (const Style& s : kStyles) {
        const std::string base = dir + "/" + fileName(s);
        { // MMA varies timing and velocity at random: seeded, the build repeats
            std::ofstream song(base + ".mma");
            song << "RndSeed " << (made + 1) << "\nTempo " << s.bpm << "\nGroove " << s.groove << "\n";
            for (int bar = 1; bar <= 16; ++bar)
                song << bar << " " << kChords[(bar - 1) % 4] << "\n";
        }
        // Run in the folder with bare names: mma writes its input's name into the
        // MIDI file, and an installed file must not carry the build's path.
        const std::string cmd = "cd '" + dir + "' && mma '" + fileName(s) + ".mma' -f '" + fileName(s) + ".mid' >/dev/null 2>&1";
        const bool ok = std::system(cmd.c_str()) == 0 && std::filesystem::exists(base + ".mid");
        std::filesystem::remove(base + ".mma");
        if (!ok) {
            std::fprintf(stderr, "make_demo: mma could not render the groove %s (%s.mma)\n", s.groove, base.c_str());
            return 1;
        }
        ++made;
    }
    if (audio > 0) {
        auto synth = lm::OfflineSynth::create(lm::defaultSoundfontPath(), 22050);
        if (!synth) { // the MIDI part of the demo is still there
            std::fprintf(stderr, "make_demo: no audio: %s\n", synth.error().toString().c_str());
            return 0;
        }
        const std::string sub = dir + "/audio";
        std::filesystem::create_directories(sub);
        for (int i = 0; i < audio && i < made; ++i) {
            const Style& s = kStyles[size_t(i) * 7 % made]; // a few styles apart
            auto bytes = lm::readFileBytes(dir + "/" + fileName(s) + ".mid", 1 << 20);
            auto rendered = bytes ? (*synth)->render(*bytes, 0.3) : lm::Result<lm::RenderedAudio>(bytes.error());
            if (!rendered || !lm::writeWav16(sub + "/" + fileName(s) + ".wav", rendered->stereo, 2, rendered->sampleRate)) {
                std::fprintf(stderr, "make_demo: cannot render %s to audio\n", s.groove);
                return 1;
            }
        }
    }
    std::printf("make_demo: %d MMA grooves in %s\n", made, dir.c_str());
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc >= 3 && std::strcmp(argv[1], "songs") == 0) {
        const int audio = argc >= 5 && std::strcmp(argv[3], "--audio") == 0 ? std::atoi(argv[4]) : 0;
        return songs(argv[2], audio);
    }
    if (argc == 4 && std::strcmp(argv[1], "mark") == 0) {
        if (auto r = lm::markDemoLibrary(argv[2], argv[3]); !r) {
            std::fprintf(stderr, "make_demo: %s\n", r.error().toString().c_str());
            return 1;
        }
        return 0;
    }
    std::fprintf(stderr, "usage: make_demo songs DIR [--audio N] | make_demo mark DB DATA_DIR\n");
    return 2;
}
