#include "TempoEstimate.h"

#include "MelSpectra.h"
#include "MetricalLevel.h"

#include <aubio/aubio.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace lm {

double foldTempo(double bpm, double minBpm, double maxBpm)
{
    if (!(bpm > 0))
        return bpm;
    while (bpm < minBpm && bpm * 2 < maxBpm)
        bpm *= 2;
    while (bpm >= maxBpm && bpm / 2 >= minBpm)
        bpm /= 2;
    return bpm;
}

namespace {

// Least-squares line t = a + p * k through beats given integer indices.
void fitLine(const std::vector<double>& t, const std::vector<double>& k, double& a, double& p)
{
    const double n = double(t.size());
    double sk = 0, st = 0, skk = 0, skt = 0;
    for (size_t i = 0; i < t.size(); ++i) {
        sk += k[i];
        st += t[i];
        skk += k[i] * k[i];
        skt += k[i] * t[i];
    }
    const double d = n * skk - sk * sk;
    p = d != 0 ? (n * skt - sk * st) / d : 0;
    a = (st - p * sk) / n;
}

// Log-magnitude flux (rises only) of one frame in the low, mid and high bands.
void addBandFlux(const cvec_t& grain, std::vector<float>& prev, int sampleRate, uint_t win, OnsetBands& bands)
{
    const double hzPerBin = double(sampleRate) / win;
    double f[3] = {0, 0, 0};
    for (uint_t i = 1; i < grain.length && i < prev.size(); ++i) {
        const float v = std::log1p(100.0f * grain.norm[i]);
        const double hz = i * hzPerBin;
        f[hz < 200 ? 0 : hz < 1500 ? 1 : 2] += std::max(0.0f, v - prev[i]);
        prev[i] = v;
    }
    bands.low.push_back(float(f[0]));
    bands.mid.push_back(float(f[1]));
    bands.high.push_back(float(f[2]));
}

// aubio's beats and our own onset envelope (spectral flux), in one pass.
struct OnsetTrack {
    std::vector<double> beats;
    std::vector<float> odf;   // one value per hop
    OnsetBands bands;         // the same frames' flux in three bands
    double frameSeconds = 0;  // seconds per hop
    double delay = 0;         // the envelope lags the signal by about half a window
    bool ok = false;
};

OnsetTrack trackOnsets(const float* samples, size_t count, int sampleRate, const TempoOptions& options)
{
    OnsetTrack track;
    // Window and hop for 8 kHz (about 8 ms per onset frame); scaled for other rates.
    uint_t hop = 32;
    while (hop * 2 <= uint_t(std::lround(64.0 * sampleRate / audioformat::kSampleRate)))
        hop *= 2;
    const uint_t win = hop * options.windowHops;
    std::unique_ptr<aubio_tempo_t, void (*)(aubio_tempo_t*)> tempo(
        new_aubio_tempo("default", win, hop, uint_t(sampleRate)), del_aubio_tempo);
    std::unique_ptr<fvec_t, void (*)(fvec_t*)> in(new_fvec(hop), del_fvec), out(new_fvec(1), del_fvec),
        flux(new_fvec(1), del_fvec);
    std::unique_ptr<aubio_pvoc_t, void (*)(aubio_pvoc_t*)> pvoc(new_aubio_pvoc(win, hop), del_aubio_pvoc);
    std::unique_ptr<cvec_t, void (*)(cvec_t*)> grain(new_cvec(win), del_cvec);
    std::unique_ptr<aubio_specdesc_t, void (*)(aubio_specdesc_t*)> desc(new_aubio_specdesc("specflux", win),
                                                                      del_aubio_specdesc);
    if (!tempo || !in || !out || !flux || !pvoc || !grain || !desc)
        return track;
    track.odf.reserve(count / hop + 1);
    std::vector<float> prevNorm(win / 2 + 1, 0.0f);
    for (size_t pos = 0; pos + hop <= count; pos += hop) {
        std::copy(samples + pos, samples + pos + hop, in->data);
        aubio_tempo_do(tempo.get(), in.get(), out.get());
        if (out->data[0] != 0)
            track.beats.push_back(double(aubio_tempo_get_last_s(tempo.get())));
        aubio_pvoc_do(pvoc.get(), in.get(), grain.get());
        aubio_specdesc_do(desc.get(), grain.get(), flux.get());
        track.odf.push_back(flux->data[0]);
        addBandFlux(*grain, prevNorm, sampleRate, win, track.bands);
    }
    track.frameSeconds = double(hop) / sampleRate;
    track.delay = double(win - hop) / sampleRate / 2;
    track.bands.full = track.odf;
    track.bands.frameSeconds = track.frameSeconds;
    track.bands.delay = track.delay;
    track.ok = true;
    return track;
}

// Median inter-beat interval, then a robust line fit through the beats.
void fitBeatGrid(const std::vector<double>& beats, double& period, double& origin, double& confidence)
{
    std::vector<double> ioi;
    for (size_t i = 1; i < beats.size(); ++i)
        ioi.push_back(beats[i] - beats[i - 1]);
    std::nth_element(ioi.begin(), ioi.begin() + long(ioi.size() / 2), ioi.end());
    period = ioi[ioi.size() / 2];
    origin = beats.front();
    for (int round = 0; round < 3 && period > 0; ++round) {
        std::vector<double> t, k;
        for (double b : beats) {
            const double idx = std::round((b - origin) / period);
            if (std::abs(b - (origin + idx * period)) < 0.12 * period) {
                t.push_back(b);
                k.push_back(idx);
            }
        }
        if (t.size() < 4)
            break;
        double a = 0, p = 0;
        fitLine(t, k, a, p);
        if (!(p > 0))
            break;
        origin = a;
        period = p;
        confidence = double(t.size()) / double(beats.size());
    }
}

// Octave check: onsets half-way between the tracked beats nearly as strong as
// on them mean the tracker took every other beat. (Kick-versus-snare and
// alternate-beat measures were tried too and did not separate better.)
double midBeatRatio(const OnsetTrack& track, double period, double origin, double seconds)
{
    auto odfAt = [&](double t) {
        const long c = long(std::lround((t + track.delay) / track.frameSeconds));
        float m = 0;
        for (long i = c - 2; i <= c + 2; ++i)
            if (i >= 0 && i < long(track.odf.size()))
                m = std::max(m, track.odf[size_t(i)]);
        return double(m);
    };
    double onBeat = 0, midBeat = 0;
    for (double k = std::ceil(-origin / period); origin + k * period < seconds - period; k += 1) {
        const double t = origin + k * period;
        onBeat += odfAt(t);
        midBeat += odfAt(t + period / 2);
    }
    return onBeat > 0 ? midBeat / onBeat : 0;
}

// Fine tuning once the octave is settled, on our onset envelope over the whole
// piece: aubio's beats follow its period in whole onset frames (8 ms), which
// over a 5-minute song drifts by beats. A comb over periods within 3 % (steps
// of 0.05 %) and every phase picks the grid the onsets fit best.
void refineByComb(const OnsetTrack& track, double seconds, double& period, double& origin)
{
    auto envAt = [&](double t) { // linear interpolation of the envelope at time t
        const double f = (t + track.delay) / track.frameSeconds;
        const long i = long(std::floor(f));
        if (i < 0 || i + 1 >= long(track.odf.size()))
            return 0.0;
        const double a = f - double(i);
        return (1 - a) * track.odf[size_t(i)] + a * track.odf[size_t(i) + 1];
    };
    double bestScore = -1, bestPeriod = period, bestOrigin = origin;
    for (int step = -60; step <= 60; ++step) {
        const double p = period * (1.0 + 0.0005 * step);
        const int phases = std::max(1, int(p / track.frameSeconds));
        for (int ph = 0; ph < phases; ++ph) {
            const double o = std::fmod(origin, p) + (double(ph) - phases / 2) * track.frameSeconds;
            double sum = 0;
            int n = 0;
            for (double t = o - std::floor(o / p) * p; t < seconds; t += p, ++n)
                sum += envAt(t);
            if (n > 0 && sum / n > bestScore) {
                bestScore = sum / n;
                bestPeriod = p;
                bestOrigin = o - std::floor(o / p) * p;
            }
        }
    }
    period = bestPeriod;
    origin = bestOrigin;
}

// Where the first sound starts: the first sample above a tenth of the peak.
double firstSoundSeconds(const float* samples, size_t count, int sampleRate)
{
    float peak = 0;
    for (size_t i = 0; i < count; ++i)
        peak = std::max(peak, std::abs(samples[i]));
    size_t onset = 0;
    while (onset < count && std::abs(samples[onset]) < 0.1f * peak)
        ++onset;
    return double(onset) / sampleRate;
}

} // namespace

TempoEstimate estimateTempo(const float* samples, size_t count, int sampleRate, const TempoOptions& options)
{
    TempoEstimate est;
    const OnsetTrack track = trackOnsets(samples, count, sampleRate, options);
    if (!track.ok || track.beats.size() < 4)
        return est;
    est.beats = track.beats;
    double period = 0, origin = 0;
    fitBeatGrid(track.beats, period, origin, est.confidence);
    if (!(period > 0))
        return est;
    const double seconds = double(count) / sampleRate;
    est.midRatio = midBeatRatio(track, period, origin, seconds);
    est.trackerBpm = 60.0 / period;
    // The metrical level: the tracker's period, half, double or 3/2 of it (MetricalLevel).
    LevelPrior prior;
    prior.centreBpm = std::sqrt(options.preferMinBpm * options.preferMaxBpm);
    est.levels = rankLevels(track.bands, period, origin, seconds, prior, options.levelScorer,
                            sampleRate == audioformat::kSampleRate ? samples : nullptr, count);
    if (!est.levels.empty()) {
        period = est.levels.front().period;
        origin = est.levels.front().origin;
    }
    est.bpm = foldTempo(60.0 / period, options.preferMinBpm, options.preferMaxBpm);
    period = 60.0 / est.bpm;
    refineByComb(track, seconds, period, origin);
    est.bpm = 60.0 / period;
    // Downbeat: which beat of the bar is beat 1 (MetricalLevel), on the comb's grid. Without
    // 8 kHz samples, the grid beat nearest the first sound, or the first sound when the grid fits poorly.
    const double firstSound = firstSoundSeconds(samples, count, sampleRate);
    if (sampleRate == audioformat::kSampleRate)
        est.downbeat = chooseDownbeat(samples, count, track.bands, period, origin, firstSound);
    else if (est.confidence < 0.8)
        est.downbeat = firstSound;
    else
        est.downbeat = std::max(0.0, origin + std::round((firstSound - origin) / period) * period);
    return est;
}

} // namespace lm
