#include "AudioAnalysis.h"

#include "core/model/LoopFormat.h"

#include <cstdio>

namespace lm {

AudioPiece analyseAudio(const MonoAudio& audio, const TempoOverride& override, const TempoOptions& options)
{
    AudioPiece p;
    p.info = audio.info;
    p.seconds = audio.seconds();
    const float* x = audio.samples.data();
    const size_t n = audio.samples.size();
    if (!override.bpm || !override.downbeat) {
        p.estimate = estimateTempo(x, n, audio.sampleRate, options);
        const TempoEstimate& est = p.estimate;
        p.bpm = est.bpm;
        p.downbeat = est.downbeat;
        p.confidence = est.confidence;
    }
    if (override.bpm) {
        p.bpm = *override.bpm;
        p.bpmFromUser = true;
    }
    if (override.downbeat) {
        p.downbeat = *override.downbeat;
        p.downbeatFromUser = true;
    }
    if (p.bpmFromUser && p.downbeatFromUser)
        p.confidence = 1;
    if (p.bpm > 0) {
        p.spectra = barMelSpectra(x, n, BarGrid{p.bpm, p.downbeat});
        p.matrix = spectraCorrelation(p.spectra);
    }
    return p;
}

Result<AudioPiece> analyseAudioFile(const std::string& path, const TempoOverride& override, const TempoOptions& options,
                                    JobContext* job)
{
    auto audio = readAudioMono(path, audioformat::kSampleRate, {}, job);
    if (!audio)
        return audio.error();
    return analyseAudio(*audio, override, options);
}

std::string unusableReason(const AudioPiece& a)
{
    if (!(a.bpm > 0))
        return "no steady beat found; set the tempo by hand";
    if (a.bars() < format::kBarsPerWindow) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "shorter than %d bars at %.1f BPM (%lld bars)", format::kBarsPerWindow, a.bpm,
                      static_cast<long long>(a.bars()));
        return buf;
    }
    return {};
}

std::vector<AudioWindow> audioWindows(const AudioPiece& piece)
{
    std::vector<AudioWindow> out;
    const int64_t n = piece.bars();
    const int B = format::kBarsPerWindow;
    for (int64_t b = 0; b + B <= n; ++b) {
        AudioWindow w;
        w.startBar = b;
        size_t k = 0;
        for (int i = 0; i < B; ++i)
            for (int j = i + 1; j < B; ++j)
                w.correlation[k++] = piece.matrix[size_t((b + i) * n + b + j)];
        out.push_back(w);
    }
    return out;
}

} // namespace lm
