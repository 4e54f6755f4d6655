#pragma once
// An audio file as a piece: tempo and downbeat (estimated or set by the user),
// bars, the bar-by-bar correlation matrix and its 8-bar windows (method.md 3).
#include "core/analysis/BarCorrelation.h"
#include "core/audio/AudioReader.h"
#include "core/audio/MelSpectra.h"
#include "core/audio/TempoEstimate.h"
#include "core/base/Result.h"

#include <optional>
#include <string>
#include <vector>

namespace lm {

struct TempoOverride {
    std::optional<double> bpm;
    std::optional<double> downbeat; // seconds
    bool any() const { return bpm || downbeat; }
};

struct AudioPiece {
    AudioInfo info;
    double seconds = 0;          // duration read
    double bpm = 0;
    double downbeat = 0;
    double confidence = 0;       // of the estimate; 1 when the user set the tempo
    TempoEstimate estimate;      // what the tracker found (before any override)
    bool bpmFromUser = false;
    bool downbeatFromUser = false;
    BarSpectra spectra;          // per-bar mel spectra
    std::vector<double> matrix;  // bars x bars
    int64_t bars() const { return spectra.bars; }
};

struct AudioWindow {
    int64_t startBar = 0;
    WindowCorrelation correlation{};
};

// From 8 kHz mono samples.
AudioPiece analyseAudio(const MonoAudio& audio, const TempoOverride& override = {}, const TempoOptions& options = {});
Result<AudioPiece> analyseAudioFile(const std::string& path, const TempoOverride& override = {},
                                    const TempoOptions& options = {}, JobContext* job = nullptr);

// Why the piece gives no windows ("" when it is usable): no beat, or under 8 bars.
std::string unusableReason(const AudioPiece& piece);

// Every 8-bar window b = 0, 1, ... with b + 8 <= bars: the 28 values above the
// diagonal of its 8 x 8 block of the matrix, row-major.
std::vector<AudioWindow> audioWindows(const AudioPiece& piece);

} // namespace lm
