#include "MelSpectra.h"

#include <fftw3.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>

namespace lm {

namespace {
constexpr double kFSp = 200.0 / 3.0;
constexpr double kMinLogHz = 1000.0;
constexpr double kMinLogMel = kMinLogHz / kFSp; // 15
const double kLogStep = std::log(6.4) / 27.0;

// FFTW's planner is not thread-safe; executing a plan on new arrays is.
std::mutex& plannerMutex()
{
    static std::mutex m;
    return m;
}
} // namespace

double hzToMelSlaney(double hz)
{
    return hz >= kMinLogHz ? kMinLogMel + std::log(hz / kMinLogHz) / kLogStep : hz / kFSp;
}

double melToHzSlaney(double mel)
{
    return mel >= kMinLogMel ? kMinLogHz * std::exp(kLogStep * (mel - kMinLogMel)) : mel * kFSp;
}

std::vector<MelBand> melFilterbank(int sampleRate, int nfft, int nBands, double fminHz, double fmaxHz)
{
    const int bins = nfft / 2 + 1;
    std::vector<double> edges(size_t(nBands) + 2);
    const double m0 = hzToMelSlaney(fminHz), m1 = hzToMelSlaney(fmaxHz);
    for (size_t i = 0; i < edges.size(); ++i)
        edges[i] = melToHzSlaney(m0 + (m1 - m0) * double(i) / double(nBands + 1));
    const double binHz = double(sampleRate) / nfft; // == linspace(0, sr/2, bins) spacing
    std::vector<MelBand> bands(static_cast<size_t>(nBands));
    for (int b = 0; b < nBands; ++b) {
        const double lo = edges[size_t(b)], mid = edges[size_t(b) + 1], hi = edges[size_t(b) + 2];
        const double norm = 2.0 / (hi - lo);
        MelBand& band = bands[size_t(b)];
        band.firstBin = -1;
        for (int k = std::max(0, int(std::floor(lo / binHz))); k < bins; ++k) {
            const double f = k * binHz;
            if (f > hi)
                break;
            const double w = std::max(0.0, std::min((f - lo) / (mid - lo), (hi - f) / (hi - mid)));
            if (band.firstBin < 0) {
                if (w <= 0)
                    continue;
                band.firstBin = k;
            }
            band.weights.push_back(w * norm);
        }
        if (band.firstBin < 0)
            band.firstBin = 0;
        while (!band.weights.empty() && band.weights.back() <= 0)
            band.weights.pop_back();
    }
    return bands;
}

BarSpectra barMelSpectra(const float* samples, size_t count, const BarGrid& grid)
{
    using namespace audioformat;
    BarSpectra out;
    const double barLen = grid.barSamples(kSampleRate);
    const int nfft = int(std::lround(barLen));
    out.nfft = nfft;
    if (nfft < 16 || !(grid.bpm > 0))
        return out;
    const double first = grid.downbeatSeconds * kSampleRate;
    for (int64_t i = 0;; ++i) {
        const int64_t start = int64_t(std::llround(first + double(i) * barLen));
        if (start < 0)
            continue;
        // A last bar short by a few milliseconds (resampler edges, rounding) is zero-padded.
        if (start + nfft > int64_t(count) + nfft / 200)
            break;
        out.barStartSamples.push_back(start);
    }
    out.bars = int64_t(out.barStartSamples.size());
    if (out.bars == 0)
        return out;

    const auto bands = melFilterbank(kSampleRate, nfft, kMelBands, 0.0, kSampleRate / 2.0);
    std::vector<double> window(static_cast<size_t>(nfft));
    for (int n = 0; n < nfft; ++n) // periodic Hann, as a spectrogram frame uses
        window[size_t(n)] = 0.5 - 0.5 * std::cos(2.0 * M_PI * n / nfft);

    const int bins = nfft / 2 + 1;
    std::unique_ptr<double, decltype(&fftw_free)> in(fftw_alloc_real(size_t(nfft)), fftw_free);
    std::unique_ptr<fftw_complex, decltype(&fftw_free)> spec(fftw_alloc_complex(size_t(bins)), fftw_free);
    fftw_plan plan;
    {
        std::lock_guard<std::mutex> lock(plannerMutex());
        plan = fftw_plan_dft_r2c_1d(nfft, in.get(), spec.get(), FFTW_ESTIMATE);
    }
    std::vector<double> power(static_cast<size_t>(bins));
    out.mel.assign(size_t(out.bars) * kMelBands, 0.0);
    for (int64_t b = 0; b < out.bars; ++b) {
        const float* x = samples + out.barStartSamples[size_t(b)];
        const int64_t have = std::min<int64_t>(nfft, int64_t(count) - out.barStartSamples[size_t(b)]);
        for (int n = 0; n < nfft; ++n)
            in.get()[n] = n < have ? double(x[n]) * window[size_t(n)] : 0.0;
        fftw_execute(plan);
        for (int k = 0; k < bins; ++k) {
            const double re = spec.get()[k][0], im = spec.get()[k][1];
            power[size_t(k)] = re * re + im * im;
        }
        double* row = out.mel.data() + b * kMelBands;
        for (int m = 0; m < kMelBands; ++m) {
            const MelBand& band = bands[size_t(m)];
            double s = 0;
            for (size_t j = 0; j < band.weights.size(); ++j)
                s += band.weights[j] * power[size_t(band.firstBin) + j];
            row[m] = s;
        }
    }
    {
        std::lock_guard<std::mutex> lock(plannerMutex());
        fftw_destroy_plan(plan);
    }
    return out;
}

std::vector<double> spectraCorrelation(const BarSpectra& spectra)
{
    using namespace audioformat;
    const size_t n = size_t(spectra.bars);
    std::vector<double> z(n * kMelBands, 0.0);
    std::vector<bool> flat(n, true);
    for (size_t b = 0; b < n; ++b) {
        const double* row = spectra.mel.data() + b * kMelBands;
        double mean = 0;
        for (int m = 0; m < kMelBands; ++m)
            mean += row[m];
        mean /= kMelBands;
        double ss = 0;
        for (int m = 0; m < kMelBands; ++m)
            ss += (row[m] - mean) * (row[m] - mean);
        if (!(ss > 0) || !std::isfinite(ss))
            continue;
        flat[b] = false;
        const double inv = 1.0 / std::sqrt(ss);
        for (int m = 0; m < kMelBands; ++m)
            z[b * kMelBands + size_t(m)] = (row[m] - mean) * inv;
    }
    std::vector<double> r(n * n, 0.0);
    for (size_t i = 0; i < n; ++i) {
        r[i * n + i] = 1.0;
        if (flat[i])
            continue;
        for (size_t j = i + 1; j < n; ++j) {
            if (flat[j])
                continue;
            double s = 0;
            for (int m = 0; m < kMelBands; ++m)
                s += z[i * kMelBands + size_t(m)] * z[j * kMelBands + size_t(m)];
            s = std::clamp(s, -1.0, 1.0);
            r[i * n + j] = r[j * n + i] = s;
        }
    }
    return r;
}

} // namespace lm
