#pragma once
// Audio made by the tests: tone and click patterns at known tempi, written in
// any container, sample format, rate and channel count libsndfile supports.
#include <sndfile.h>

#include <cmath>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace lm::test {

// Mono signal of `bars` bars at `bpm`: each beat a decaying tone; `freqOf(bar,
// beat)` gives the tone's frequency (0: silence), plus a click on every beat.
inline std::vector<float> tonePattern(double bpm, int bars, int sampleRate,
                                      const std::function<double(int, int)>& freqOf, double leadSeconds = 0)
{
    const double beat = 60.0 / bpm;
    const size_t lead = size_t(std::lround(leadSeconds * sampleRate));
    const size_t total = lead + size_t(std::lround(bars * 4 * beat * sampleRate));
    std::vector<float> x(total, 0.0f);
    for (int bar = 0; bar < bars; ++bar)
        for (int b = 0; b < 4; ++b) {
            const size_t start = lead + size_t(std::lround((bar * 4 + b) * beat * sampleRate));
            const double f = freqOf(bar, b);
            const size_t len = size_t(0.8 * beat * sampleRate);
            for (size_t i = 0; i < len && start + i < total; ++i) {
                const double t = double(i) / sampleRate;
                double v = 0;
                if (f > 0)
                    v += 0.5 * std::exp(-t * 6) * std::sin(2 * M_PI * f * t);
                if (i < size_t(0.01 * sampleRate)) // a short click marks the beat
                    v += (b == 0 ? 0.6 : 0.35) * std::exp(-t * 400) * std::sin(2 * M_PI * 1200 * t);
                x[start + i] += float(v);
            }
        }
    return x;
}

// The same bar over and over: four beats with four different tones.
inline std::vector<float> repeatingBars(double bpm, int bars, int sampleRate, double leadSeconds = 0)
{
    static const double tones[4] = {110.0, 220.0, 330.0, 165.0};
    return tonePattern(bpm, bars, sampleRate, [](int, int b) { return tones[b]; }, leadSeconds);
}

// Every bar different: its own tone for all four beats.
inline std::vector<float> changingBars(double bpm, int bars, int sampleRate)
{
    return tonePattern(bpm, bars, sampleRate, [](int bar, int) { return 100.0 * std::pow(1.27, bar % 14); });
}

inline std::vector<float> toChannels(const std::vector<float>& mono, int channels)
{
    std::vector<float> out(mono.size() * size_t(channels));
    for (size_t i = 0; i < mono.size(); ++i)
        for (int c = 0; c < channels; ++c)
            out[i * size_t(channels) + size_t(c)] = mono[i] * (c % 2 ? 0.9f : 1.0f);
    return out;
}

inline bool writeAudio(const std::string& path, const std::vector<float>& interleaved, int channels, int sampleRate,
                       int format = SF_FORMAT_WAV | SF_FORMAT_PCM_16)
{
    SF_INFO info{};
    info.samplerate = sampleRate;
    info.channels = channels;
    info.format = format;
    SNDFILE* f = sf_open(path.c_str(), SFM_WRITE, &info);
    if (!f)
        return false;
    const sf_count_t frames = sf_count_t(interleaved.size() / size_t(channels));
    const bool ok = sf_writef_float(f, interleaved.data(), frames) == frames;
    sf_close(f);
    return ok;
}

} // namespace lm::test
