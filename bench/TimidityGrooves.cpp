// tempo_bench --timidity: grooves from Debian's MMA groove library (rendered
// to MIDI by `mma`, at a tempo in the style's usual range) rendered to WAV by
// timidity with the freepats patches, a synth and sound set other than
// FluidSynth's. Nothing is kept: the songs are written to a temporary folder.
#include "TimidityGrooves.h"

#include "core/audio/AudioAnalysis.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

namespace lm::bench {
namespace {

struct Style {
    const char* groove;
    const char* intro; // "" when the song starts with the groove itself
    double minBpm, maxBpm; // where musicians usually play the style
};

// 4/4 styles only (the models and the bar grid are 4/4).
const Style kStyles[] = {
    {"50sRock", "50sRockIntro", 100, 160},   {"60sRock", "", 110, 160},
    {"8Beat", "8BeatIntro", 90, 140},         {"BasicRock", "BasicRockIntro", 100, 150},
    {"BossaNova", "BossaNovaIntro", 110, 150}, {"Swing", "SwingIntro", 110, 180},
    {"SoftRock", "SoftRockIntro", 70, 110},   {"R&B", "R&BIntro", 80, 120},
    {"Ballad", "BalladIntro", 60, 90},        {"FolkRock", "FolkRockIntro", 100, 140},
    {"CountrySwing", "CountrySwingIntro", 120, 180}, {"Twist", "TwistIntro", 130, 170},
    {"JazzRock", "JazzRockIntro", 100, 140},  {"BVFunk", "BVFunkIntro", 90, 120},
    {"Trance", "TranceIntro", 125, 145},      {"Blues", "", 80, 130},
    {"BoggieWoggie", "", 120, 170},           {"EasySwing", "", 90, 140},
    {"Folk", "", 90, 130},                    {"Jive", "", 140, 180},
    {"PopBallad", "", 65, 90},                {"Rhumba", "", 100, 130},
    {"ShuffleBoggie", "", 100, 150},          {"SlowBlues", "", 55, 80},
    {"Strut", "", 90, 120},                   {"WesternSwing", "", 130, 180},
    {"Zydeco", "", 120, 170},                 {"BigBand", "", 120, 180},
    {"Foxtrot", "", 110, 150},                {"ChaCha", "", 110, 130},
    {"Beguine", "", 110, 140},                {"RockBallad", "", 60, 90},
    {"R&B-Ballad", "", 60, 85},               {"60sRock", "", 140, 170},
    {"8Beat", "", 70, 90},                    {"Swing", "", 180, 210},
};

const char* const kChords[16] = {"C", "Am", "F", "G7", "C", "Am", "Dm7", "G7",
                                 "C", "C7", "F", "Fm", "C", "G7", "C", "G7"};

std::string songText(const Style& s, double bpm, uint32_t seed)
{
    char head[64]; // MMA varies timing and velocity at random: seeded, the renders repeat
    std::snprintf(head, sizeof head, "RndSeed %u\nTempo %.2f\n", unsigned(seed % 100000u), bpm);
    std::string text = head;
    int bar = 1;
    if (*s.intro) {
        text += std::string("Groove ") + s.intro + "\n";
        for (int i = 0; i < 4; ++i, ++bar)
            text += std::to_string(bar) + " " + kChords[12 + i] + "\n";
    }
    text += std::string("Groove ") + s.groove + "\n";
    for (int i = 0; i < 16; ++i, ++bar)
        text += std::to_string(bar) + " " + kChords[i] + "\n";
    return text;
}

} // namespace

void dumpLevelFeatures(FILE* out, int song, double trueBpm, const TempoEstimate& e)
{
    if (!out)
        return;
    for (const MetricalLevel& l : e.levels) { // one row per candidate: song, right (0/1), the features
        double x[kLevelFeatures];
        levelFeatures(l, x);
        std::fprintf(out, "%d,%d", song, std::abs(l.bpm - trueBpm) <= 0.02 * trueBpm ? 1 : 0);
        for (double v : x)
            std::fprintf(out, ",%.5f", v);
        std::fprintf(out, "\n");
    }
}

namespace {

bool run(const std::string& command) { return std::system(command.c_str()) == 0; }

} // namespace

int runTimidityBench(int count, uint32_t seed)
{
    if (!run("command -v mma >/dev/null && command -v timidity >/dev/null && test -f /etc/timidity/freepats.cfg")) {
        std::fprintf(stderr, "tempo_bench --timidity needs mma, timidity and freepats (tools/deps.sh)\n");
        return 1;
    }
    char dirTemplate[] = "/tmp/tempo_timidity_XXXXXX";
    if (!mkdtemp(dirTemplate)) {
        std::fprintf(stderr, "cannot make a temporary folder in /tmp\n");
        return 1;
    }
    const std::string dir = dirTemplate;
    const bool verbose = std::getenv("LM_TEMPO_VERBOSE") != nullptr;
    const char* keep = std::getenv("LM_TEMPO_KEEP"); // a folder: the WAVs are kept there
    FILE* features = std::getenv("LM_TEMPO_FEATURES") ? std::fopen(std::getenv("LM_TEMPO_FEATURES"), "w") : nullptr;
    std::mt19937 rng(seed);
    const int styles = int(sizeof kStyles / sizeof kStyles[0]);
    int good = 0, half = 0, dbl = 0, other = 0, failed = 0, downbeatGood = 0;
    double analyseS = 0, audioS = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < count; ++i) {
        const Style& s = kStyles[i % styles];
        const double bpm = std::round(s.minBpm + (s.maxBpm - s.minBpm) * double(rng() % 1000) / 1000.0);
        const std::string base = dir + "/song" + std::to_string(i);
        std::ofstream(base + ".mma") << songText(s, bpm, seed * 1000u + uint32_t(i));
        if (!run("mma '" + base + ".mma' -f '" + base + ".mid' >/dev/null 2>&1") ||
            !run("timidity -c /etc/timidity/freepats.cfg -OwM -s 22050 -EFreverb=d -EFchorus=d -o '" + base +
                 ".wav' '" + base + ".mid' >/dev/null 2>&1")) {
            std::printf("%3d  %-14s true %6.1f  could not render\n", i, s.groove, bpm);
            ++failed;
            continue;
        }
        const auto t0 = std::chrono::steady_clock::now();
        auto piece = analyseAudioFile(base + ".wav");
        analyseS += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (keep)
            std::rename((base + ".wav").c_str(),
                        (std::string(keep) + "/" + std::to_string(i) + "_" + std::to_string(int(bpm)) + ".wav").c_str());
        for (const char* ext : {".mma", ".mid", ".wav"})
            std::remove((base + ext).c_str());
        if (!piece) {
            std::printf("%3d  %-14s true %6.1f  error: %s\n", i, s.groove, bpm, piece.error().toString().c_str());
            ++failed;
            continue;
        }
        audioS += piece->seconds;
        const double est = piece->bpm;
        const auto near = [&](double x) { return std::abs(x - bpm) <= 0.02 * bpm; };
        const char* verdict = near(est) ? "ok" : near(est * 2) ? "HALF" : near(est / 2) ? "DOUBLE" : "WRONG";
        good += near(est);
        half += !near(est) && near(est * 2);
        dbl += !near(est) && near(est / 2);
        other += !near(est) && !near(est * 2) && !near(est / 2);
        // MMA songs start on a bar line (an intro is whole bars).
        const double bar = 240.0 / bpm, db = std::fmod(piece->downbeat, bar);
        const bool dbOk = near(est) && std::min(db, bar - db) < 0.05;
        downbeatGood += dbOk;
        std::printf("%3d  %-14s %-18s true %6.1f  est %7.2f  %-6s  downbeat %.3f s %s\n", i, s.groove,
                    *s.intro ? s.intro : "-", bpm, est, verdict, piece->downbeat, dbOk ? "ok" : "off");
        dumpLevelFeatures(features, i, bpm, piece->estimate);
        if (verbose) { // the candidate levels: bpm parity/midRatio prior -> score
            std::printf("     tracker %.1f:", piece->estimate.trackerBpm);
            for (const MetricalLevel& l : piece->estimate.levels)
                std::printf("  %.1f %.2f/%.2f %.2f -> %.2f", l.bpm, l.parity[0], l.midRatio[0], l.barRepeat, l.score);
            std::printf("\n");
        }
    }
    rmdir(dir.c_str());
    if (features)
        std::fclose(features);
    const int n = count - failed;
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("\ntimidity + freepats, %d MMA grooves (%d could not be read)\n", n, failed);
    std::printf("tempo within 2%%: %d of %d (%.1f %%)\n", good, n, n ? 100.0 * good / n : 0.0);
    std::printf("octave errors: %d (%d read as half, %d as double); other misses: %d\n", half + dbl, half, dbl, other);
    std::printf("downbeat on a bar line (within 50 ms, of those right): %d of %d\n", downbeatGood, good);
    std::printf("audio %.0f s; analysis %.1f s; whole run %.1f s\n", audioS, analyseS, wall);
    return failed == count ? 1 : 0;
}

} // namespace lm::bench
