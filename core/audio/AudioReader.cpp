#include "AudioReader.h"

#include "core/base/FileBytes.h"

#include <samplerate.h>
#include <sndfile.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <memory>
#include <sys/stat.h>

namespace lm {

bool isAudioPath(const std::string& path)
{
    const std::string ext = lowerExtension(path);
    for (const char* e : {"wav", "wave", "aif", "aiff", "aifc", "flac", "ogg", "oga", "opus", "mp3"})
        if (ext == e)
            return true;
    return false;
}

namespace {

// Bytes in memory seen through libsndfile's virtual I/O.
struct MemoryStream {
    const uint8_t* data = nullptr;
    sf_count_t size = 0;
    sf_count_t pos = 0;
};

sf_count_t memLength(void* u) { return static_cast<MemoryStream*>(u)->size; }
sf_count_t memSeek(sf_count_t offset, int whence, void* u)
{
    auto* m = static_cast<MemoryStream*>(u);
    sf_count_t p = whence == SEEK_SET ? offset : whence == SEEK_CUR ? m->pos + offset : m->size + offset;
    m->pos = std::clamp<sf_count_t>(p, 0, m->size);
    return m->pos;
}
sf_count_t memRead(void* ptr, sf_count_t count, void* u)
{
    auto* m = static_cast<MemoryStream*>(u);
    const sf_count_t n = std::clamp<sf_count_t>(m->size - m->pos, 0, count);
    std::memcpy(ptr, m->data + m->pos, size_t(n));
    m->pos += n;
    return n;
}
sf_count_t memWrite(const void*, sf_count_t, void*) { return 0; }
sf_count_t memTell(void* u) { return static_cast<MemoryStream*>(u)->pos; }

struct SndCloser {
    void operator()(SNDFILE* f) const { sf_close(f); }
};
using SndPtr = std::unique_ptr<SNDFILE, SndCloser>;

std::string describeFormat(int format)
{
    SF_FORMAT_INFO major{}, sub{};
    major.format = format & SF_FORMAT_TYPEMASK;
    sub.format = format & SF_FORMAT_SUBMASK;
    std::string s = sf_command(nullptr, SFC_GET_FORMAT_INFO, &major, sizeof major) == 0 && major.name ? major.name : "?";
    if (sf_command(nullptr, SFC_GET_FORMAT_INFO, &sub, sizeof sub) == 0 && sub.name)
        s += std::string(", ") + sub.name;
    return s;
}

std::string sndError(SNDFILE* f)
{
    std::string m = sf_strerror(f);
    // libsndfile's messages are sentences; keep the first line only.
    const size_t nl = m.find('\n');
    return nl == std::string::npos ? m : m.substr(0, nl);
}

Result<AudioInfo> checkInfo(const SF_INFO& sf, const std::string& name, const AudioLimits& limits)
{
    AudioInfo info;
    info.sampleRate = sf.samplerate;
    info.channels = sf.channels;
    info.frames = sf.frames;
    info.format = sf.format;
    info.formatName = describeFormat(sf.format);
    if (sf.channels < 1 || sf.channels > limits.maxChannels)
        return Error{name, -1, "unsupported channel count " + std::to_string(sf.channels) + " (1 to "
                                   + std::to_string(limits.maxChannels) + ")"};
    if (sf.samplerate < limits.minSampleRate || sf.samplerate > limits.maxSampleRate)
        return Error{name, -1, "unsupported sample rate " + std::to_string(sf.samplerate) + " Hz"};
    if (sf.frames <= 0)
        return Error{name, -1, "no audio frames"};
    return info;
}

Result<MonoAudio> readOpened(SNDFILE* file, const AudioInfo& info, const std::string& name, int targetRate,
                             const AudioLimits& limits, JobContext* job)
{
    MonoAudio out;
    out.info = info;
    out.sampleRate = targetRate > 0 ? targetRate : info.sampleRate;
    const double ratio = double(out.sampleRate) / info.sampleRate;
    const int64_t maxFrames = int64_t(limits.maxSeconds * info.sampleRate);
    if (info.frames > maxFrames)
        return Error{name, -1, "longer than the limit of " + std::to_string(int(limits.maxSeconds / 60)) + " minutes"};

    int srcError = 0;
    std::unique_ptr<SRC_STATE, SRC_STATE* (*)(SRC_STATE*)> src(nullptr, src_delete);
    if (out.sampleRate != info.sampleRate) {
        // libsamplerate's fastest sinc: a 80 % passband (flat to 3.2 kHz at 8 kHz), which
        // dims only the top dozen of the 128 mel bands; medium quality (90 %) took
        // 2.3x as long and made a 5-minute song miss the 2-second budget.
        src.reset(src_new(SRC_SINC_FASTEST, 1, &srcError));
        if (!src)
            return Error{name, -1, std::string("resampler: ") + src_strerror(srcError)};
    }
    const int block = 16384;
    const int ch = info.channels;
    std::vector<float> interleaved(size_t(block) * size_t(ch));
    std::vector<float> mono(block);
    out.samples.reserve(size_t(std::min<int64_t>(info.frames, maxFrames) * ratio) + 64);
    std::vector<float> resampled(size_t(block * ratio) + 64);
    int64_t framesRead = 0;
    for (;;) {
        if (job && job->cancelled())
            return Error{name, -1, "cancelled"};
        const sf_count_t got = sf_readf_float(file, interleaved.data(), block);
        if (got < 0)
            return Error{name, -1, "read failed: " + sndError(file)};
        framesRead += got;
        if (job)
            job->report(framesRead, info.frames, "decoding " + name);
        if (framesRead > maxFrames)
            return Error{name, -1, "longer than the limit of " + std::to_string(int(limits.maxSeconds / 60)) + " minutes"};
        const float scale = 1.0f / float(ch);
        for (sf_count_t i = 0; i < got; ++i) {
            float s = 0;
            const float* frame = interleaved.data() + i * ch;
            for (int c = 0; c < ch; ++c)
                s += frame[c];
            mono[size_t(i)] = ch == 1 ? s : s * scale;
        }
        const bool last = got < block;
        if (!src) {
            out.samples.insert(out.samples.end(), mono.begin(), mono.begin() + got);
        } else {
            SRC_DATA d{};
            d.data_in = mono.data();
            d.input_frames = long(got);
            d.src_ratio = ratio;
            d.end_of_input = last ? 1 : 0;
            do {
                d.data_out = resampled.data();
                d.output_frames = long(resampled.size());
                if (int e = src_process(src.get(), &d); e != 0)
                    return Error{name, -1, std::string("resampler: ") + src_strerror(e)};
                out.samples.insert(out.samples.end(), resampled.begin(), resampled.begin() + d.output_frames_gen);
                d.data_in += d.input_frames_used;
                d.input_frames -= d.input_frames_used;
            } while (d.input_frames > 0 || (last && d.output_frames_gen > 0));
        }
        if (last)
            break;
    }
    if (framesRead == 0)
        return Error{name, -1, "no audio frames could be read"};
    // Non-finite samples (corrupt float data) would poison every later sum.
    for (float& s : out.samples)
        if (!std::isfinite(s))
            s = 0;
    return out;
}

struct OpenedAudio {
    SndPtr file;
    AudioInfo info;
};

// A file libsndfile opened (or not), with its header checked against the limits.
Result<OpenedAudio> checkedOpen(SNDFILE* raw, const SF_INFO& sf, const std::string& name, const AudioLimits& limits)
{
    SndPtr file(raw);
    if (!file)
        return Error{name, -1, "not a readable audio file: " + sndError(nullptr)};
    auto info = checkInfo(sf, name, limits);
    if (!info)
        return info.error();
    return OpenedAudio{std::move(file), *info};
}

Result<OpenedAudio> openPath(const std::string& path, const AudioLimits& limits)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return Error{path, -1, std::string("cannot open: ") + std::strerror(errno)};
    if (!S_ISREG(st.st_mode))
        return Error{path, -1, "not a regular file"};
    if (uint64_t(st.st_size) > limits.maxFileBytes)
        return Error{path, -1, "file too large (" + std::to_string(st.st_size) + " bytes)"};
    SF_INFO sf{};
    SNDFILE* raw = sf_open(path.c_str(), SFM_READ, &sf);
    return checkedOpen(raw, sf, path, limits);
}

} // namespace

Result<AudioInfo> probeAudio(const std::string& path, const AudioLimits& limits)
{
    auto opened = openPath(path, limits);
    if (!opened)
        return opened.error();
    return opened->info;
}

Result<MonoAudio> readAudioMono(const std::string& path, int targetRate, const AudioLimits& limits,
                                JobContext* job)
{
    auto opened = openPath(path, limits);
    if (!opened)
        return opened.error();
    return readOpened(opened->file.get(), opened->info, path, targetRate, limits, job);
}

Result<MonoAudio> readAudioMonoFromMemory(const uint8_t* data, size_t size, const std::string& name, int targetRate,
                                          const AudioLimits& limits)
{
    MemoryStream m{data, sf_count_t(size), 0};
    SF_VIRTUAL_IO io{memLength, memSeek, memRead, memWrite, memTell};
    SF_INFO sf{};
    SNDFILE* raw = sf_open_virtual(&io, SFM_READ, &sf, &m);
    auto opened = checkedOpen(raw, sf, name, limits);
    if (!opened)
        return opened.error();
    return readOpened(opened->file.get(), opened->info, name, targetRate, limits, nullptr);
}

Result<std::vector<float>> readAudioFrames(const std::string& path, int64_t first, int64_t count, AudioInfo& info)
{
    auto opened = openPath(path, AudioLimits{});
    if (!opened)
        return opened.error();
    info = opened->info;
    SNDFILE* f = opened->file.get();
    if (first < 0 || count <= 0 || first >= info.frames)
        return Error{path, -1, "the range lies outside the audio"};
    count = std::min(count, info.frames - first);
    if (sf_seek(f, first, SEEK_SET) < 0)
        return Error{path, -1, "cannot seek: " + sndError(f)};
    std::vector<float> out(size_t(count) * size_t(info.channels));
    const sf_count_t got = sf_readf_float(f, out.data(), count);
    if (got < 0)
        return Error{path, -1, "read failed: " + sndError(f)};
    out.resize(size_t(got) * size_t(info.channels));
    return out;
}

} // namespace lm
