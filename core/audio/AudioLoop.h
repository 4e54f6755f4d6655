#pragma once
// An audio piece's bars as a loop for the audition (issue 14 item 4): the
// samples of bars [startBar, startBar + bars) at the file's own rate and
// channels, cut on the same bar lines as the export (AudioExport barFrames),
// and a reader that hands them out over and over, so that the stream loops at
// the bar line without a gap. Qt-free: the ui feeds a QAudioSink from it.
#include "core/audio/AudioReader.h"
#include "core/base/Result.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace lm {

struct AudioLoop {
    std::string path;
    int sampleRate = 0;
    int channels = 0;
    double bpm = 0;
    double downbeat = 0;
    int64_t startBar = 0;
    int64_t bars = 0;
    int64_t firstFrame = 0;          // of the cut, in the file
    std::vector<float> samples;      // interleaved, frames() x channels
    std::vector<int64_t> barStarts;  // bars + 1 frame offsets in the loop: 0, ..., frames()
    int64_t frames() const { return channels > 0 ? int64_t(samples.size() / size_t(channels)) : 0; }
    int steps() const { return int(bars) * 16; }
    // The 16th step (0 .. steps() - 1) that frame `f` of the loop falls in.
    int stepOfFrame(int64_t f) const;
};

// Reads bars [startBar, startBar + bars) of `path` on the grid (bpm, downbeat seconds).
Result<AudioLoop> readAudioLoop(const std::string& path, double bpm, double downbeat, int64_t startBar,
                                int64_t bars = 8);

// Hands out a loop's frames from a cursor, wrapping at the loop's end (or, not
// looping, ending there). Thread-safe: the audio side reads, the GUI switches.
class AudioLoopReader {
public:
    explicit AudioLoopReader(std::shared_ptr<const AudioLoop> loop, bool looping = true);

    // Up to `frames` frames (interleaved floats) from the cursor into `out`;
    // fewer only when not looping and the end is reached. Returns how many.
    int64_t read(float* out, int64_t frames);
    void seek(int64_t frame); // in the current loop, taken modulo its length
    void setLooping(bool on);
    // From the next bar line of the current loop (now, when the cursor is on
    // one), `next` plays from its frame 0. It must have the same rate and channels.
    void switchAtNextBar(std::shared_ptr<const AudioLoop> next);

    std::shared_ptr<const AudioLoop> loop() const;
    bool switchPending() const;
    bool finished() const;       // not looping and the end was read
    int64_t position() const;    // the cursor: frame in the current loop
    int64_t loopsRead() const;   // whole passes read since the start
    // The playhead's step `behind` frames before the cursor (what the sound
    // card still holds), in the current loop.
    int stepBehind(int64_t behind) const;

private:
    mutable std::mutex mutex_;
    std::shared_ptr<const AudioLoop> loop_;
    std::shared_ptr<const AudioLoop> next_;
    bool looping_;
    bool finished_ = false;
    int64_t cursor_ = 0;
    int64_t loops_ = 0;
};

} // namespace lm
