#include "AudioLoop.h"

#include "AudioExport.h"

#include <algorithm>
#include <cstring>

namespace lm {

int AudioLoop::stepOfFrame(int64_t f) const
{
    if (bars <= 0 || barStarts.size() != size_t(bars + 1))
        return -1;
    f = std::clamp<int64_t>(f, 0, frames() - 1);
    const auto it = std::upper_bound(barStarts.begin(), barStarts.end(), f);
    const int64_t bar = std::clamp<int64_t>(int64_t(it - barStarts.begin()) - 1, 0, bars - 1);
    const int64_t from = barStarts[size_t(bar)], to = barStarts[size_t(bar + 1)];
    const int64_t inBar = to > from ? (f - from) * 16 / (to - from) : 0;
    return int(bar * 16 + std::clamp<int64_t>(inBar, 0, 15));
}

Result<AudioLoop> readAudioLoop(const std::string& path, double bpm, double downbeat, int64_t startBar, int64_t bars)
{
    auto info = probeAudio(path);
    if (!info)
        return info.error();
    auto range = barFrames(path, *info, bpm, downbeat, startBar, bars);
    if (!range)
        return range.error();
    AudioLoop loop;
    loop.path = path;
    loop.bpm = bpm;
    loop.downbeat = downbeat;
    loop.startBar = startBar;
    loop.bars = bars;
    loop.firstFrame = range->first;
    for (int64_t k = 0; k <= bars; ++k) { // each bar line on the export's grid
        auto bar = barFrames(path, *info, bpm, downbeat, startBar + k, 1);
        loop.barStarts.push_back(k == bars ? range->end - range->first : bar ? bar->first - range->first : 0);
    }
    AudioInfo read;
    auto samples = readAudioFrames(path, range->first, range->end - range->first, read);
    if (!samples)
        return samples.error();
    loop.sampleRate = read.sampleRate;
    loop.channels = read.channels;
    loop.samples = std::move(*samples);
    if (loop.frames() != range->end - range->first)
        return Error{path, -1, "the audio ends before bar " + std::to_string(startBar + bars) + " (fewer frames than its header says)"};
    return loop;
}

AudioLoopReader::AudioLoopReader(std::shared_ptr<const AudioLoop> loop, bool looping)
    : loop_(std::move(loop)), looping_(looping)
{
}

int64_t AudioLoopReader::read(float* out, int64_t frames)
{
    std::lock_guard<std::mutex> lock(mutex_);
    int64_t done = 0;
    while (done < frames && !finished_ && loop_ && loop_->frames() > 0) {
        const AudioLoop& l = *loop_;
        if (next_) {
            const auto line = std::lower_bound(l.barStarts.begin(), l.barStarts.end(), cursor_);
            if (line != l.barStarts.end() && *line == cursor_) { // on a bar line: the next loop takes over
                loop_ = std::move(next_);
                next_.reset();
                cursor_ = 0;
                continue;
            }
        }
        if (cursor_ >= l.frames()) {
            ++loops_;
            cursor_ = 0;
            if (!looping_)
                finished_ = true;
            continue;
        }
        int64_t until = l.frames();
        if (next_)
            until = *std::lower_bound(l.barStarts.begin(), l.barStarts.end(), cursor_);
        const int64_t n = std::min(frames - done, until - cursor_);
        std::memcpy(out + done * l.channels, l.samples.data() + cursor_ * l.channels,
                    size_t(n) * size_t(l.channels) * sizeof(float));
        done += n;
        cursor_ += n;
    }
    return done;
}

void AudioLoopReader::seek(int64_t frame)
{
    std::lock_guard<std::mutex> lock(mutex_);
    const int64_t n = loop_ ? loop_->frames() : 0;
    cursor_ = n > 0 ? ((frame % n) + n) % n : 0;
    finished_ = false;
}

void AudioLoopReader::setLooping(bool on)
{
    std::lock_guard<std::mutex> lock(mutex_);
    looping_ = on;
}

void AudioLoopReader::switchAtNextBar(std::shared_ptr<const AudioLoop> next)
{
    std::lock_guard<std::mutex> lock(mutex_);
    next_ = std::move(next);
}

std::shared_ptr<const AudioLoop> AudioLoopReader::loop() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return loop_;
}

bool AudioLoopReader::switchPending() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return bool(next_);
}

bool AudioLoopReader::finished() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return finished_;
}

int64_t AudioLoopReader::position() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return cursor_;
}

int64_t AudioLoopReader::loopsRead() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return loops_;
}

int AudioLoopReader::stepBehind(int64_t behind) const
{
    std::lock_guard<std::mutex> lock(mutex_);
    const int64_t n = loop_ ? loop_->frames() : 0;
    if (n <= 0)
        return -1;
    const int64_t f = (((cursor_ - behind) % n) + n) % n;
    return loop_->stepOfFrame(f);
}

} // namespace lm
