#pragma once
// Tempo and first downbeat of audio, from aubio's beat tracker, refined by a
// straight-line fit through the beats it finds.
#include <cstddef>
#include <vector>

namespace lm {

struct TempoOptions {
    // Half/double-tempo confusion is resolved towards this range (octave folding).
    double preferMinBpm = 70;
    double preferMaxBpm = 180;
    unsigned windowHops = 4;
};

struct TempoEstimate {
    double bpm = 0;          // 0 when no beat was found
    double downbeat = 0;     // seconds: the start of bar 0
    double confidence = 0;   // share of the tracked beats that lie on the fitted grid (0..1)
    std::vector<double> beats; // seconds, as tracked
    double midRatio = 0;       // onset strength half-way between beats / on beats
};

// `samples` mono at `sampleRate`.
TempoEstimate estimateTempo(const float* samples, size_t count, int sampleRate, const TempoOptions& options = {});

// Folds `bpm` by octaves into [minBpm, maxBpm) where an octave lands there.
double foldTempo(double bpm, double minBpm, double maxBpm);

} // namespace lm
