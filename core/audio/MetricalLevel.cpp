#include "MetricalLevel.h"

#include "MelSpectra.h"

#include <algorithm>
#include <cmath>

namespace lm {

double OnsetBands::at(const std::vector<float>& env, double t) const
{
    if (!(frameSeconds > 0))
        return 0;
    const long c = long(std::lround((t + delay) / frameSeconds));
    float m = 0;
    for (long i = c - 2; i <= c + 2; ++i)
        if (i >= 0 && i < long(env.size()))
            m = std::max(m, env[size_t(i)]);
    return double(m);
}

namespace {

// Low + mid band, each scaled to mean 1 so that neither drowns the other. The
// high band (hats, ride) is left out: it marks the subdivision, not the beat.
std::vector<float> beatBand(const OnsetBands& b)
{
    auto mean = [](const std::vector<float>& v) {
        double s = 0;
        for (float x : v)
            s += x;
        return v.empty() ? 0.0 : s / double(v.size());
    };
    const double ml = mean(b.low), mm = mean(b.mid);
    std::vector<float> out(b.low.size(), 0.0f);
    for (size_t i = 0; i < out.size() && i < b.mid.size(); ++i)
        out[i] = float((ml > 0 ? b.low[i] / ml : 0) + (mm > 0 ? b.mid[i] / mm : 0));
    return out;
}

// Mean envelope at origin + (k + offset) * period over the piece.
double gridMean(const OnsetBands& b, const std::vector<float>& env, double period, double origin, double offset,
                double seconds)
{
    double sum = 0;
    int n = 0;
    for (double k = std::ceil(-origin / period - offset); origin + (k + offset) * period < seconds; k += 1, ++n)
        sum += b.at(env, origin + (k + offset) * period);
    return n > 0 ? sum / n : 0;
}

// Mean correlation of every bar with the next on the level's grid (bars of four beats).
double barRepeat(const float* samples, size_t count, double period, double origin)
{
    if (!samples)
        return 0;
    const double o0 = origin - std::floor(origin / period) * period;
    const BarSpectra bars = barMelSpectra(samples, count, BarGrid{60.0 / period, o0});
    const std::vector<double> r = spectraCorrelation(bars);
    const size_t n = size_t(bars.bars);
    double sum = 0;
    for (size_t i = 0; i + 1 < n; ++i)
        sum += r[i * n + i + 1];
    return n > 1 ? sum / double(n - 1) : 0;
}

// Normalised autocorrelation of the envelope (mean removed) at `lag` seconds.
double autocorrelation(const OnsetBands& b, const std::vector<float>& e, double lagSeconds)
{
    const size_t lag = size_t(std::lround(lagSeconds / b.frameSeconds));
    if (e.size() < 2 || lag == 0 || lag >= e.size())
        return 0;
    double mean = 0;
    for (float x : e)
        mean += x;
    mean /= double(e.size());
    double zero = 0, at = 0;
    for (size_t i = 0; i < e.size(); ++i) {
        const double a = e[i] - mean;
        zero += a * a;
        if (i + lag < e.size()) {
            // the best of three neighbouring lags: the period is not a whole number of hops
            double best = -1e300;
            for (size_t d = lag - 1; d <= lag + 1; ++d)
                if (i + d < e.size())
                    best = std::max(best, a * (e[i + d] - mean));
            at += best;
        }
    }
    return zero > 0 ? at / zero : 0;
}

MetricalLevel measure(const OnsetBands& b, const std::vector<float>* env[4], double period, double origin,
                      double seconds, const LevelPrior& prior)
{
    MetricalLevel l;
    l.period = period;
    l.origin = origin;
    l.bpm = 60.0 / period;
    for (int k = 0; k < 4; ++k) {
        const std::vector<float>& e = *env[k];
        const double even = gridMean(b, e, 2 * period, origin, 0, seconds);
        const double odd = gridMean(b, e, 2 * period, origin, 0.5, seconds);
        l.parity[k] = even > 0 && odd > 0 ? std::min(even, odd) / std::max(even, odd) : 0;
        const double on = gridMean(b, e, period, origin, 0, seconds);
        l.midRatio[k] = on > 0 ? gridMean(b, e, period, origin, 0.5, seconds) / on : 0;
        double mean = 0;
        for (float x : e)
            mean += x;
        mean = e.empty() ? 0 : mean / double(e.size());
        l.salience[k] = mean > 0 ? on / mean : 0;
        l.periodicity[k] = autocorrelation(b, e, period);
        for (int m = 1; m <= 4; ++m)
            l.comb[k] += autocorrelation(b, e, m * period) / 4;
    }
    const double oct = std::log2(l.bpm / prior.centreBpm) / prior.octaves;
    l.prior = -0.5 * oct * oct;
    return l;
}

// Weights of the features (levelFeatures), fitted as a conditional logit over
// the candidates of rendered grooves: bench/fit_tempo_levels.py on the CSV of
// tempo_bench with LM_TEMPO_FEATURES (timidity seeds 2 to 5, FluidSynth 2 and 3;
// seed 1 of each, which the README reports, was left out of the fit).
const double kWeights[kLevelFeatures] = {-1.166, -0.214, -1.822, -0.366, -2.064, -2.727, -0.992, -2.792, 0.239, 0.466, -0.122, 0.571, 2.029, -0.693, 3.051, 2.621, 1.650, 0.518, -0.047, -0.850, -1.850, -0.613, -3.400, -1.505, 2.816, 1.022};

} // namespace

void levelFeatures(const MetricalLevel& l, double out[kLevelFeatures])
{
    int i = 0;
    for (int k = 0; k < 4; ++k)
        out[i++] = l.midRatio[k];
    for (int k = 0; k < 4; ++k)
        out[i++] = l.parity[k];
    for (int k = 0; k < 4; ++k)
        out[i++] = std::log(1e-3 + l.salience[k]);
    for (int k = 0; k < 4; ++k)
        out[i++] = l.periodicity[k];
    for (int k = 0; k < 4; ++k)
        out[i++] = l.comb[k];
    out[i++] = l.barRepeat;
    out[i++] = std::log2(l.factor);
    const double f = l.factor;
    out[i++] = std::abs(f - 1.5) < 0.01 || std::abs(f - 2.0 / 3.0) < 0.01 ? 1 : 0; // 3 against 2
    out[i++] = std::abs(f - 4.0 / 3.0) < 0.01 || std::abs(f - 0.75) < 0.01 ? 1 : 0; // 4 against 3
    out[i++] = l.prior;
    out[i++] = std::abs(std::log2(l.factor)) < 0.01 ? 1 : 0; // the tracker's own level
}

std::vector<MetricalLevel> rankLevels(const OnsetBands& bands, double period, double origin, double seconds,
                                      const LevelPrior& prior, const LevelScorer& scorer, const float* samples,
                                      size_t count)
{
    const std::vector<float> beatEnv = beatBand(bands);
    const std::vector<float>* env[4] = {&bands.full, &bands.low, &bands.mid, &bands.high};
    std::vector<MetricalLevel> out;
    for (double f : {0.5, 1.0, 2.0, 1.5, 2.0 / 3.0, 4.0 / 3.0, 0.75}) {
        const double p = period * f;
        if (60.0 / p < prior.minBpm || 60.0 / p > prior.maxBpm)
            continue;
        // A slower level's grid: on the tracker's beat with the stronger low + mid onsets.
        double o = origin;
        if (f > 1.01) {
            const double a = gridMean(bands, beatEnv, p, origin, 0, seconds);
            const double c = gridMean(bands, beatEnv, p, origin + period, 0, seconds);
            o = c > a ? origin + period : origin;
        }
        MetricalLevel l = measure(bands, env, p, o, seconds, prior);
        l.factor = f;
        l.barRepeat = barRepeat(samples, count, p, o);
        double x[kLevelFeatures];
        levelFeatures(l, x);
        for (int i = 0; i < kLevelFeatures; ++i)
            l.score += kWeights[i] * x[i];
        if (scorer) {
            l.extra = scorer(l.bpm, o);
            l.score += l.extra;
        }
        out.push_back(l);
    }
    std::stable_sort(out.begin(), out.end(), [](const MetricalLevel& x, const MetricalLevel& y) { return x.score > y.score; });
    return out;
}

namespace {

// Log mel spectrum of every beat, z-scored, for the change from beat to beat.
std::vector<std::vector<double>> beatSpectra(const float* samples, size_t count, double period, double origin)
{
    const BarSpectra s = barMelSpectra(samples, count, BarGrid{60.0 / period * audioformat::kBeatsPerBar, origin});
    std::vector<std::vector<double>> out(size_t(s.bars));
    for (int64_t i = 0; i < s.bars; ++i) {
        std::vector<double>& v = out[size_t(i)];
        v.resize(audioformat::kMelBands);
        double mean = 0;
        for (int m = 0; m < audioformat::kMelBands; ++m)
            mean += v[size_t(m)] = std::log(1e-9 + s.mel[size_t(i * audioformat::kMelBands + m)]);
        mean /= audioformat::kMelBands;
        double ss = 0;
        for (double& x : v)
            ss += (x - mean) * (x - mean);
        const double inv = ss > 0 ? 1 / std::sqrt(ss) : 0;
        for (double& x : v)
            x = (x - mean) * inv;
    }
    return out;
}

} // namespace

// How much more the spectral change plus the kick (each relative to its mean
// over the four beats) must say for another beat than the first sound's.
constexpr double kDownbeatMargin = 0.9;

double chooseDownbeat(const float* samples, size_t count, const OnsetBands& bands, double period, double origin,
                      double firstSound)
{
    // Beat 0: the grid beat nearest the first sound (a few ms before 0 reads from 0).
    const double o0 = std::max(0.0, origin + std::round((firstSound - origin) / period) * period);
    const auto spectra = beatSpectra(samples, count, period, o0);
    const int beatsPerBar = audioformat::kBeatsPerBar;
    double change[4] = {0, 0, 0, 0}, kick[4] = {0, 0, 0, 0};
    int n[4] = {0, 0, 0, 0};
    for (size_t k = 1; k < spectra.size(); ++k) {
        double r = 0;
        for (int m = 0; m < audioformat::kMelBands; ++m)
            r += spectra[k][size_t(m)] * spectra[k - 1][size_t(m)];
        const size_t ph = k % size_t(beatsPerBar);
        change[ph] += 1 - r;
        kick[ph] += bands.at(bands.low, o0 + double(k) * period);
        ++n[ph];
    }
    double changeMean = 0, kickMean = 0;
    for (int ph = 0; ph < beatsPerBar; ++ph) {
        if (n[ph] == 0)
            return o0;
        change[ph] /= n[ph];
        kick[ph] /= n[ph];
        changeMean += change[ph] / beatsPerBar;
        kickMean += kick[ph] / beatsPerBar;
    }
    // Most songs open on a downbeat: another beat is taken only when the evidence for it
    // clearly beats the first sound's (tone patterns with no bass or chords stay put).
    double score[4];
    int best = 0;
    for (int ph = 0; ph < beatsPerBar; ++ph) {
        score[ph] = (changeMean > 0 ? change[ph] / changeMean : 0) + (kickMean > 0 ? kick[ph] / kickMean : 0);
        if (score[ph] > score[best])
            best = ph;
    }
    if (score[best] - score[0] < kDownbeatMargin)
        best = 0;
    return o0 + double(best) * period;
}

} // namespace lm
