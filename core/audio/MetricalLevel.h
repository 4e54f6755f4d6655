#pragma once
// The tempo a musician means: which metrical level of a beat grid is the beat
// (the tracker's period, half or double it, or 3/2 of it), and which beat of
// the bar is the downbeat. Used by TempoEstimate; apart so it can be tested.
#include <cstddef>
#include <functional>
#include <vector>

namespace lm {

// Onset envelopes, one value per hop: all bands, and low (under 200 Hz: kick,
// bass), mid (200 Hz to 1.5 kHz: snare body, chords) and high (hats, cymbals).
struct OnsetBands {
    std::vector<float> full, low, mid, high;
    double frameSeconds = 0; // seconds per hop
    double delay = 0;        // the envelope lags the signal by this much
    // The largest value within two hops of time t (0 outside).
    double at(const std::vector<float>& env, double t) const;
};

// One candidate level: a beat period and the phase of its grid.
struct MetricalLevel {
    double period = 0, origin = 0; // seconds
    double bpm = 0;
    double factor = 1;    // period / the tracker's period
    // Per band (all, low, mid, high): onsets half-way between beats / on beats,
    // the weaker / stronger of odd and even beats, and on-beat / mean onsets.
    double midRatio[4] = {0, 0, 0, 0};
    double parity[4] = {0, 0, 0, 0};
    double salience[4] = {0, 0, 0, 0};
    double periodicity[4] = {0, 0, 0, 0}; // autocorrelation of the band's onsets at the period
    double comb[4] = {0, 0, 0, 0};        // ... averaged over 1 to 4 periods
    double barRepeat = 0; // mean correlation of each bar with the next (method.md 3, audio)
    double prior = 0;     // log prior of the tempo (musicians' range)
    double extra = 0;     // the caller's score (LevelScorer), 0 without one
    double score = 0;     // what the choice maximises
};
constexpr int kLevelFeatures = 26;
// The features the score weighs, in a fixed order (the bench prints them).
void levelFeatures(const MetricalLevel& l, double out[kLevelFeatures]);

// An optional judge from above (e.g. the loop detector on the windows a level
// gives): bpm and downbeat in, a score around 0..1 out (higher: more plausible).
using LevelScorer = std::function<double(double bpm, double downbeat)>;

struct LevelPrior {
    double centreBpm = 105; // where the log-normal prior peaks
    double octaves = 0.75;  // its standard deviation in octaves
    double minBpm = 40, maxBpm = 250;
};

// Scores `period` (the tracker's) and its half, double, 3/2, 2/3, 4/3 and 3/4
// and returns them best first.
// `samples` (8 kHz, or null) give the bar matrix term.
std::vector<MetricalLevel> rankLevels(const OnsetBands& bands, double period, double origin, double seconds,
                                      const LevelPrior& prior, const LevelScorer& scorer = {},
                                      const float* samples = nullptr, size_t count = 0);

// The first bar line: which of the four beats of a bar is beat 1, from the
// spectral change from one beat to the next (chords and bass change at bar
// lines) and the low band (the kick), then the first such beat at or after
// the first sound, so that a pickup or a count-in lies before bar 0.
// `samples` at 8 kHz.
double chooseDownbeat(const float* samples, size_t count, const OnsetBands& bands, double period, double origin,
                      double firstSound);

} // namespace lm
