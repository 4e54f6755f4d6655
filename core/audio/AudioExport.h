#pragma once
// Cutting bars out of an audio file: at the file's own sample rate, channels
// and (where the container allows) sample format, with short fades at the
// cuts, written as WAV or FLAC to a temp file that is then renamed.
#include "core/audio/AudioReader.h"
#include "core/base/Result.h"

#include <cstdint>
#include <string>

namespace lm {

struct AudioCutResult {
    int64_t firstFrame = 0;
    int64_t frames = 0;
    int sampleRate = 0;
    int channels = 0;
    std::string format; // of the written file
};

// Frames [firstFrame, firstFrame + frames) of `source`, faded in and out over
// `fadeMs`, to `out` (.wav or .flac).
Result<AudioCutResult> exportAudioFrames(const std::string& source, int64_t firstFrame, int64_t frames,
                                         const std::string& out, double fadeMs = 5.0);

// The frames [first, end) of bars [startBar, startBar + bars) on the grid
// (bpm, downbeat seconds; 4 beats a bar) of a file with `info`: the export's
// cut and the audition's loop use this one rule. An error names the file and
// how many whole bars it has when the range runs past either end.
struct BarFrames {
    int64_t first = 0;
    int64_t end = 0;
};
Result<BarFrames> barFrames(const std::string& source, const AudioInfo& info, double bpm, double downbeat,
                            int64_t startBar, int64_t bars);

// Bars [startBar, startBar + bars) on the grid (bpm, downbeat seconds; 4 beats a bar).
Result<AudioCutResult> exportAudioBars(const std::string& source, double bpm, double downbeat, int64_t startBar,
                                       int64_t bars, const std::string& out, double fadeMs = 5.0);

} // namespace lm
