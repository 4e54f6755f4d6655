// A folder of loop files as training data (LoopSet.h).
#include "LoopSet.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/audio/AudioAnalysis.h"
#include "core/audio/AudioReader.h"
#include "core/io/MidiReader.h"
#include "core/library/LibraryImport.h"

namespace lm {
namespace {

constexpr int64_t kBars = format::kBarsPerWindow;
constexpr int64_t kStepsPerBar = format::kStepsPerBar;

bool repeatable(int64_t bars) { return bars >= kBars || bars == 1 || bars == 2 || bars == 4; }

std::string barsProblem(int64_t bars)
{
    return std::to_string(bars) + (bars == 1 ? " bar" : " bars")
           + ": a loop file needs 1, 2, 4, or at least 8 bars";
}

// The MIDI loop's window, or why there is none.
Result<std::vector<uint64_t>> midiLoop(const std::string& path)
{
    auto midi = readMidiFile(path);
    if (!midi)
        return midi.error();
    const PieceAnalysis piece = analysePiece(*midi);
    if (!piece.usable)
        return Error{path, -1, piece.reason};
    if (!piece.allFourFour) // method.md 10.2: every metre has windows, but the models learn 4/4
        return Error{path, -1, "not 4/4 (the models learn 4/4 loops)"};
    if (!repeatable(piece.bars()))
        return Error{path, -1, barsProblem(piece.bars())};
    if (piece.bars() >= kBars)
        return windowSteps(piece, 0);
    return repeatToWindow(piece.roll.stackedSteps(), piece.bars());
}

// The audio loop's 28 correlations (its bar matrix, repeated when it is short).
Result<WindowCorrelation> audioLoop(const std::string& path, JobContext* job)
{
    auto piece = analyseAudioFile(path, {}, {}, job);
    if (!piece)
        return piece.error();
    const int64_t bars = piece->bars();
    if (bars < 1 || piece->bpm <= 0)
        return Error{path, -1, unusableReason(*piece).empty() ? "no bars found" : unusableReason(*piece)};
    if (!repeatable(bars))
        return Error{path, -1, barsProblem(bars)};
    WindowCorrelation c{};
    size_t k = 0;
    for (int64_t i = 0; i < kBars; ++i)
        for (int64_t j = i + 1; j < kBars; ++j)
            c[k++] = piece->matrix[size_t((i % bars) * bars + (j % bars))];
    return c;
}

} // namespace

std::vector<uint64_t> repeatToWindow(const std::vector<uint64_t>& stacked, int64_t bars)
{
    std::vector<uint64_t> steps(size_t(kBars * kStepsPerBar), 0);
    const int64_t period = std::max<int64_t>(1, bars) * kStepsPerBar;
    for (int64_t s = 0; s < kBars * kStepsPerBar; ++s) {
        const int64_t from = s % period;
        if (from < int64_t(stacked.size()))
            steps[size_t(s)] = stacked[size_t(from)];
    }
    return steps;
}

LoopFolder loadLoopFolder(const std::string& folder, JobContext* job)
{
    LoopFolder out;
    std::vector<SkippedFile> skipped;
    const std::vector<std::string> paths = listMediaFiles(folder, skipped);
    for (const SkippedFile& s : skipped)
        out.skipped.push_back(s.path + ": " + s.reason);
    for (size_t i = 0; i < paths.size(); ++i) {
        if (job && job->cancelled())
            break;
        const std::string& path = paths[i];
        if (job)
            job->report(int64_t(i), int64_t(paths.size()), path);
        if (isAudioPath(path)) {
            auto c = audioLoop(path, nullptr);
            if (!c) {
                out.skipped.push_back(path + ": " + c.error().message);
                continue;
            }
            out.correlations.push_back(*c);
        } else {
            auto steps = midiLoop(path);
            if (!steps) {
                out.skipped.push_back(path + ": " + steps.error().message);
                continue;
            }
            out.correlations.push_back(windowCorrelation(*steps, 0));
            out.rolls.push_back(std::move(*steps));
        }
        out.files.push_back(path);
    }
    if (job)
        job->report(int64_t(paths.size()), int64_t(paths.size()), "");
    return out;
}

} // namespace lm
