#pragma once
// Tempo and first downbeat of audio, from aubio's beat tracker, refined by a
// straight-line fit through the beats it finds.
#include "core/audio/MetricalLevel.h"

#include <cstddef>
#include <vector>

namespace lm {

struct TempoOptions {
    // The estimate is folded by octaves into this range; its geometric mean is
    // the centre of the prior that, with the onsets, picks the metrical level.
    double preferMinBpm = 50;
    double preferMaxBpm = 220;
    // Optional: a judge of each candidate level from above (e.g. the loop detector).
    LevelScorer levelScorer;
    unsigned windowHops = 4;
};

struct TempoEstimate {
    double bpm = 0;          // 0 when no beat was found
    double downbeat = 0;     // seconds: the start of bar 0
    double confidence = 0;   // share of the tracked beats that lie on the fitted grid (0..1)
    std::vector<double> beats; // seconds, as tracked
    double midRatio = 0;       // onset strength half-way between beats / on beats
    double trackerBpm = 0;     // the beat tracker's own level, before the level is chosen
    std::vector<MetricalLevel> levels; // the candidate levels, best (the one taken) first
};

// `samples` mono at `sampleRate`.
TempoEstimate estimateTempo(const float* samples, size_t count, int sampleRate, const TempoOptions& options = {});

// Folds `bpm` by octaves into [minBpm, maxBpm) where an octave lands there.
double foldTempo(double bpm, double minBpm, double maxBpm);

} // namespace lm
