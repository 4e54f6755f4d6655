#pragma once
// Reading audio files with libsndfile (WAV, AIFF, FLAC, OGG, MP3 where the
// library reads it): mixed to mono and resampled with libsamplerate while the
// file streams, so memory stays bounded by the output, not by the input.
#include "core/base/JobContext.h"
#include "core/base/Result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lm {

struct AudioInfo {
    int sampleRate = 0;
    int channels = 0;
    int64_t frames = 0;       // as the header says (may lie; reading stops at the data)
    int format = 0;           // libsndfile SF_FORMAT_* (container | subtype)
    std::string formatName;   // "WAV PCM 16", "FLAC PCM 24", ...
    double seconds() const { return sampleRate > 0 ? double(frames) / sampleRate : 0.0; }
};

struct AudioLimits {
    int maxChannels = 64;
    int minSampleRate = 1000;
    int maxSampleRate = 768000;
    double maxSeconds = 3600;              // a longer file is refused (bounds memory)
    uint64_t maxFileBytes = 4ull << 30;    // 4 GiB
};

struct MonoAudio {
    AudioInfo info;            // of the source file
    int sampleRate = 0;        // of `samples`
    std::vector<float> samples;
    double seconds() const { return sampleRate > 0 ? double(samples.size()) / sampleRate : 0.0; }
};

bool isAudioPath(const std::string& path);

// Header only (no samples read).
Result<AudioInfo> probeAudio(const std::string& path, const AudioLimits& limits = {});

// Reads `path`, mixes its channels to mono (mean) and resamples to `targetRate`
// (0 keeps the file's rate). `job` (when given) hears the frames decoded and may cancel.
Result<MonoAudio> readAudioMono(const std::string& path, int targetRate, const AudioLimits& limits = {},
                                JobContext* job = nullptr);
// The same from bytes in memory (fuzzing, tests); `name` is used in messages.
Result<MonoAudio> readAudioMonoFromMemory(const uint8_t* data, size_t size, const std::string& name, int targetRate,
                                          const AudioLimits& limits = {});

// Frames [first, first + count) of the file, interleaved, all channels, at the
// file's own rate, as floats (for cutting loops out of the original).
Result<std::vector<float>> readAudioFrames(const std::string& path, int64_t first, int64_t count, AudioInfo& info);

} // namespace lm
