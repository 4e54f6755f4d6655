#include "AudioExport.h"

#include "AudioReader.h"
#include "core/base/FileBytes.h"

#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace lm {

namespace {

// A growing byte buffer seen through libsndfile's virtual I/O, so that the
// encoded file goes through writeFileAtomically like every other file we write.
struct GrowingBuffer {
    std::vector<uint8_t> bytes;
    sf_count_t pos = 0;
};
sf_count_t bufLength(void* u) { return sf_count_t(static_cast<GrowingBuffer*>(u)->bytes.size()); }
sf_count_t bufSeek(sf_count_t offset, int whence, void* u)
{
    auto* b = static_cast<GrowingBuffer*>(u);
    const sf_count_t size = sf_count_t(b->bytes.size());
    const sf_count_t p = whence == SEEK_SET ? offset : whence == SEEK_CUR ? b->pos + offset : size + offset;
    b->pos = std::max<sf_count_t>(0, p);
    return b->pos;
}
sf_count_t bufRead(void* ptr, sf_count_t count, void* u)
{
    auto* b = static_cast<GrowingBuffer*>(u);
    const sf_count_t n = std::clamp<sf_count_t>(sf_count_t(b->bytes.size()) - b->pos, 0, count);
    std::memcpy(ptr, b->bytes.data() + b->pos, size_t(n));
    b->pos += n;
    return n;
}
sf_count_t bufWrite(const void* ptr, sf_count_t count, void* u)
{
    auto* b = static_cast<GrowingBuffer*>(u);
    if (size_t(b->pos + count) > b->bytes.size())
        b->bytes.resize(size_t(b->pos + count));
    std::memcpy(b->bytes.data() + b->pos, ptr, size_t(count));
    b->pos += count;
    return count;
}
sf_count_t bufTell(void* u) { return static_cast<GrowingBuffer*>(u)->pos; }

} // namespace

Result<AudioCutResult> exportAudioFrames(const std::string& source, int64_t firstFrame, int64_t frames,
                                         const std::string& out, double fadeMs)
{
    int container = 0;
    const std::string ext = lowerExtension(out);
    if (ext == "wav")
        container = SF_FORMAT_WAV;
    else if (ext == "flac")
        container = SF_FORMAT_FLAC;
    else
        return Error{out, -1, "export as .wav or .flac"};
    AudioInfo info;
    auto samples = readAudioFrames(source, firstFrame, frames, info);
    if (!samples)
        return samples.error();
    const int ch = info.channels;
    const int64_t n = int64_t(samples->size() / size_t(ch));
    if (n < frames)
        return Error{source, -1, "the range runs past the end of the audio (" + std::to_string(info.frames) + " frames)"};

    // Linear fades, at most a quarter of the cut each.
    const int64_t fade = std::min<int64_t>(n / 4, int64_t(std::lround(fadeMs / 1000.0 * info.sampleRate)));
    for (int64_t i = 0; i < fade; ++i) {
        const float g = float(i) / float(fade);
        for (int c = 0; c < ch; ++c) {
            (*samples)[size_t(i * ch + c)] *= g;
            (*samples)[size_t((n - 1 - i) * ch + c)] *= g;
        }
    }

    SF_INFO sf{};
    sf.samplerate = info.sampleRate;
    sf.channels = ch;
    // Keep the source's sample format where the container takes it.
    for (int sub : {info.format & SF_FORMAT_SUBMASK, int(SF_FORMAT_PCM_24), int(SF_FORMAT_PCM_16)}) {
        sf.format = container | sub;
        if (sf_format_check(&sf))
            break;
    }
    GrowingBuffer buffer;
    SF_VIRTUAL_IO io{bufLength, bufSeek, bufRead, bufWrite, bufTell};
    SNDFILE* f = sf_open_virtual(&io, SFM_WRITE, &sf, &buffer);
    if (!f)
        return Error{out, -1, std::string("cannot encode: ") + sf_strerror(nullptr)};
    sf_command(f, SFC_SET_CLIPPING, nullptr, SF_TRUE);
    const bool ok = sf_writef_float(f, samples->data(), n) == n;
    sf_close(f);
    if (!ok)
        return Error{out, -1, "encoding failed"};
    if (auto w = writeFileAtomically(out, buffer.bytes); !w)
        return w.error();
    AudioCutResult r;
    r.firstFrame = firstFrame;
    r.frames = n;
    r.sampleRate = info.sampleRate;
    r.channels = ch;
    SF_FORMAT_INFO fi{};
    fi.format = sf.format & SF_FORMAT_SUBMASK;
    r.format = std::string(container == SF_FORMAT_WAV ? "WAV" : "FLAC")
        + (sf_command(nullptr, SFC_GET_FORMAT_INFO, &fi, sizeof fi) == 0 && fi.name ? std::string(", ") + fi.name : "");
    return r;
}

Result<BarFrames> barFrames(const std::string& source, const AudioInfo& info, double bpm, double downbeat,
                            int64_t startBar, int64_t bars)
{
    if (!(bpm > 0) || bars <= 0 || startBar < 0)
        return Error{source, -1, "a bar range needs a tempo, a start bar of 0 or more and at least one bar"};
    const double barSeconds = 240.0 / bpm;
    const int64_t first = int64_t(std::llround((downbeat + double(startBar) * barSeconds) * info.sampleRate));
    const int64_t end = int64_t(std::llround((downbeat + double(startBar + bars) * barSeconds) * info.sampleRate));
    if (first < 0 || end > info.frames) {
        const int64_t whole = int64_t(std::floor((info.seconds() - downbeat) / barSeconds));
        return Error{source, -1, "bars " + std::to_string(startBar) + " to " + std::to_string(startBar + bars - 1)
                                     + " run past the end of the audio (" + std::to_string(whole) + " whole bars)"};
    }
    return BarFrames{first, end};
}

Result<AudioCutResult> exportAudioBars(const std::string& source, double bpm, double downbeat, int64_t startBar,
                                       int64_t bars, const std::string& out, double fadeMs)
{
    if (!(bpm > 0) || bars <= 0 || startBar < 0)
        return Error{source, -1, "a bar range needs a tempo, a start bar of 0 or more and at least one bar"};
    auto info = probeAudio(source);
    if (!info)
        return info.error();
    auto range = barFrames(source, *info, bpm, downbeat, startBar, bars);
    if (!range)
        return range.error();
    return exportAudioFrames(source, range->first, range->end - range->first, out, fadeMs);
}

} // namespace lm
