#pragma once
// Where an audio piece's loop sounds (issue 14 item 4): a QAudioSink on the
// default audio output, pulling from a QIODevice over an AudioLoopReader. The
// factory is the seam for tests (no sound card in CI), as Audition's
// MidiOutput factory is: a recording sink pulls the same bytes.
#include "core/audio/AudioLoop.h"
#include "core/base/Result.h"

#include <QAudioFormat>
#include <QIODevice>
#include <QString>
#include <functional>
#include <memory>

namespace lm::ui {

class AudioOut {
public:
    virtual ~AudioOut() = default;
    // The format the output takes (the loop's rate and channels; float or 16-bit).
    virtual QAudioFormat format() const = 0;
    virtual void start(QIODevice* source) = 0; // pulls from `source` until stop()
    virtual void stop() = 0;
    virtual qint64 bufferedFrames() const = 0; // pulled, not heard yet (for the playhead)
    virtual bool idle() const = 0;             // has run out of sound to play
    virtual QString failure() const = 0;       // "" while it works
    virtual QString name() const = 0;
};

using AudioOutFactory = std::function<Result<std::unique_ptr<AudioOut>>(int sampleRate, int channels)>;

// QMediaDevices::defaultAudioOutput(); "no audio output device" when there is none.
Result<std::unique_ptr<AudioOut>> openDefaultAudioOut(int sampleRate, int channels);

// The loop's frames as the output's bytes (float, or 16-bit integers), read
// on whatever thread pulls; the reader loops at the loop's end.
class LoopDevice : public QIODevice {
    Q_OBJECT
public:
    LoopDevice(std::shared_ptr<AudioLoopReader> reader, QAudioFormat format, QObject* parent = nullptr);
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    std::shared_ptr<AudioLoopReader> reader_;
    QAudioFormat format_;
    std::vector<float> buffer_;
};

} // namespace lm::ui
