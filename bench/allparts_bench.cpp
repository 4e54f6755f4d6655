// What the all-parts matrix (issue 19) costs when a piece is shown: a long file
// of many parts, timed part by part, beside the method's own matrix. Prints
// numbers; never pass/fail. Usage: allparts_bench [BARS [PARTS]]
#include "MidiBytes.h"

#include "core/analysis/AllPartsRoll.h"
#include "core/analysis/BarCorrelation.h"
#include "core/base/FileBytes.h"
#include "core/io/MidiReader.h"
#include "core/io/MidiWriter.h"
#include "core/library/PieceDisplay.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

using namespace lm;

namespace {

double secondsSince(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

} // namespace

int main(int argc, char** argv)
{
    const int bars = argc > 1 ? std::atoi(argv[1]) : 2048;
    const int parts = argc > 2 ? std::atoi(argv[2]) : 12;
    std::mt19937 rng(19);
    test::SongBuilder b(480);
    b.tempo(120).timeSig(4, 4).program(2, 1, 33);
    for (int p = 0; p < parts; ++p)
        b.program(size_t(3 + p), p % 9, 8 * (p % 16));
    for (int bar = 0; bar < bars; ++bar) {
        const uint64_t t0 = uint64_t(bar) * 1920;
        for (int s = 0; s < 16; ++s) {
            const uint64_t t = t0 + uint64_t(s) * 120;
            b.note(1, 9, s % 4 == 0 ? 36 : 42, t, t + 60);
            if (s % 2 == 0)
                b.note(2, 1, 36 + int(rng() % 12), t, t + 200);
            for (int p = 0; p < parts; ++p) // chords of 3 notes each eighth
                if (s % 2 == 0)
                    for (int k = 0; k < 3; ++k)
                        b.note(size_t(3 + p), p % 9, 40 + int(rng() % 60), t, t + 220);
        }
    }
    const std::string file = "/tmp/allparts_bench.mid";
    if (!writeFileAtomically(file, encodeMidi(b.build())).ok())
        return 1;
    auto t = std::chrono::steady_clock::now();
    auto midi = readMidiFile(file);
    if (!midi)
        return 1;
    const double read = secondsSince(t);
    t = std::chrono::steady_clock::now();
    const PieceAnalysis piece = analysePiece(*midi);
    const double analyse = secondsSince(t);
    const int64_t shown = std::min<int64_t>(piece.bars(), PieceDisplay::kMaxShownBars);
    t = std::chrono::steady_clock::now();
    const auto stacked = piece.roll.stackedSteps();
    std::vector<int64_t> starts(piece.barStarts.begin(), piece.barStarts.begin() + shown);
    const auto method = selfSimilarity(stacked, starts, shown < piece.bars() ? piece.barStarts[size_t(shown)] : piece.markedSteps);
    const double methodMatrix = secondsSince(t);
    AllPartsLimits limits;
    limits.maxCellBars = PieceDisplay::kMaxShownBars;
    t = std::chrono::steady_clock::now();
    const AllPartsRoll roll = buildAllPartsRoll(*midi, piece, limits);
    const double build = secondsSince(t);
    t = std::chrono::steady_clock::now();
    const auto all = allPartsSimilarity(roll, shown);
    const double allMatrix = secondsSince(t);
    JobContext job;
    t = std::chrono::steady_clock::now();
    const PieceDisplay d = loadPieceDisplay(nullptr, file, job);
    const double whole = secondsSince(t);
    std::printf("file: %d bars, %zu parts in the all-parts roll (%d pitched + drums + bass), %zu tracks\n", bars,
                roll.parts.size(), parts, size_t(midi->tracks.size()));
    std::printf("read %.3f s, analysePiece %.3f s\n", read, analyse);
    std::printf("method matrix (%lld bars): %.3f s\n", (long long)shown, methodMatrix);
    std::printf("all-parts roll: %.3f s (%.1f MB of cells), matrix: %.3f s\n", build,
                double(roll.words.size() * 8) / 1e6, allMatrix);
    std::printf("loadPieceDisplay (all of it, as the piece view does): %.3f s; matrix sizes %zu, %zu, %zu\n", whole,
                method.size(), all.size(), d.allParts.matrix.size());
    return 0;
}
