#pragma once
// Generating loops (method.md sections 6, 7): sample code sequences from the
// prior, decode them with the VQ-VAE, and keep those whose loop score (MIDI
// bar correlation of the decoded roll, then the detector) is under a threshold.
#include "CodePrior.h"
#include "LoopDetector.h"
#include "VqVae.h"

#include <functional>

namespace lm::ml {

struct GenerateSettings {
    int count = 16;
    SamplingSettings sampling{0.7, 30, 0.0};
    double maxScore = 0.001;  // rejection threshold (ten times stricter than detection in the paper)
    uint64_t seed = 1;
    int batch = 64;
    int64_t maxDrawn = 0;     // give up after this many draws; 0: 500 per loop asked for
};

struct GeneratedLoop {
    Roll steps;
    CodeSequence codes{};
    double score = 0;
    double noteDensity = 0;
    double uniquePitch = 0;
};

struct GenerateResult {
    std::vector<GeneratedLoop> loops;
    int64_t drawn = 0;
    int64_t tooSparse = 0;           // under the score threshold but under 32 drum or bass cells
    int64_t emptyLastBar = 0;        // under the score threshold, dense enough, but bar 8 empty
    std::vector<double> drawnScores; // the loop score of every draw, for reporting
    double seconds = 0;
    bool cancelled = false;
};

// The three networks of a model folder, loaded through the checked loader.
struct LoopModel {
    LoopDetector detector;
    VqVae vqvae;
    CodePrior prior;
    static Result<LoopModel> load(const std::string& dir);
};

// The rejection step of generation, for one decoded roll and its loop score:
// Kept, or why not. A kept roll reads back from its MIDI file as one 8-bar window.
enum class Rejection { Kept, Score, TooSparse, EmptyLastBar };
Rejection rejectDecoded(const Roll& roll, double score, double maxScore);

// Loop score of rolls (method.md 3 for MIDI, then the detector).
std::vector<double> scoreRolls(const LoopDetector& detector, const std::vector<Roll>& rolls);

Result<GenerateResult> generateLoops(const LoopModel& model, const GenerateSettings& settings, JobContext& job);

// The rejection loop of generateLoops with any source of rolls (the CNN-VAE's
// too): `draw(n, round)` gives n decoded rolls (and their codes, when they have
// any) for round 0, 1, ...; the bass is made monophonic, then scored and kept.
struct Draws {
    std::vector<Roll> rolls;
    std::vector<CodeSequence> codes; // empty, or one per roll
};
using DrawFn = std::function<Result<Draws>(int n, uint64_t round)>;
Result<GenerateResult> generateFrom(const LoopDetector& detector, const DrawFn& draw, const GenerateSettings& settings,
                                    JobContext& job);

} // namespace lm::ml
