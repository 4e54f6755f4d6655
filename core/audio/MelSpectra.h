#pragma once
// Per-bar mel power spectra of audio and their correlation matrix (method.md
// section 3, audio): 8 kHz mono, one frame per bar over the whole bar (Hann,
// FFT length = samples per bar, power 2), 128 Slaney mel bands with area
// normalisation from 0 Hz to 4 kHz, Pearson correlation between bars.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace lm {

namespace audioformat {
constexpr int kSampleRate = 8000;
constexpr int kMelBands = 128;
constexpr int kBeatsPerBar = 4;
} // namespace audioformat

// Slaney's mel scale (linear below 1 kHz, logarithmic above), as in librosa.
double hzToMelSlaney(double hz);
double melToHzSlaney(double mel);

// One band's weights over FFT bins [firstBin, firstBin + weights.size()).
struct MelBand {
    int firstBin = 0;
    std::vector<double> weights;
};
// nBands triangular filters for an FFT of nfft points at sampleRate, area-normalised.
std::vector<MelBand> melFilterbank(int sampleRate, int nfft, int nBands, double fminHz, double fmaxHz);

struct BarGrid {
    double bpm = 120;
    double downbeatSeconds = 0; // where bar 0 starts
    double barSamples(int sampleRate) const { return sampleRate * 60.0 * audioformat::kBeatsPerBar / bpm; }
};

struct BarSpectra {
    int64_t bars = 0;
    int nfft = 0;               // samples per bar, rounded
    std::vector<double> mel;    // bars x kMelBands, row-major
    std::vector<int64_t> barStartSamples;
};

// Every whole bar of `samples` (at audioformat::kSampleRate) on the grid.
BarSpectra barMelSpectra(const float* samples, size_t count, const BarGrid& grid);

// N x N Pearson correlation of the bars' spectra (row-major). A bar with a flat
// spectrum (silence) correlates 0 with others and 1 with itself.
std::vector<double> spectraCorrelation(const BarSpectra& spectra);

} // namespace lm
