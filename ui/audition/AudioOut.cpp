#include "AudioOut.h"

#include <QAudioDevice>
#include <QCoreApplication>
#include <QAudioSink>
#include <QMediaDevices>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace lm::ui {

namespace {

class SinkOut final : public AudioOut {
public:
    SinkOut(const QAudioDevice& device, const QAudioFormat& format)
        : device_(device), format_(format), sink_(device, format)
    {
    }
    QAudioFormat format() const override { return format_; }
    void start(QIODevice* source) override { sink_.start(source); }
    void stop() override { sink_.stop(); }
    qint64 bufferedFrames() const override
    {
        const int frame = std::max(1, format_.bytesPerFrame());
        return std::max<qint64>(0, sink_.bufferSize() - sink_.bytesFree()) / frame;
    }
    bool idle() const override { return sink_.state() == QAudio::IdleState; }
    QString failure() const override
    {
        switch (sink_.error()) {
        case QAudio::NoError:
        case QAudio::UnderrunError: return {}; // underrun: the loop ended (not looping)
        case QAudio::OpenError: return QCoreApplication::translate("lm::ui::AudioOut", "%1: cannot open the audio output").arg(name());
        case QAudio::IOError: return QCoreApplication::translate("lm::ui::AudioOut", "%1: audio output error").arg(name());
        case QAudio::FatalError: return QCoreApplication::translate("lm::ui::AudioOut", "%1: the audio output is gone").arg(name());
        }
        return {};
    }
    QString name() const override { return device_.description(); }

private:
    QAudioDevice device_;
    QAudioFormat format_;
    QAudioSink sink_;
};

} // namespace

Result<std::unique_ptr<AudioOut>> openDefaultAudioOut(int sampleRate, int channels)
{
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    if (device.isNull())
        return Error{"", -1, "no audio output device"};
    QAudioFormat format;
    format.setSampleRate(sampleRate);
    format.setChannelCount(channels);
    format.setSampleFormat(QAudioFormat::Float);
    if (!device.isFormatSupported(format))
        format.setSampleFormat(QAudioFormat::Int16);
    if (!device.isFormatSupported(format))
        return Error{device.description().toStdString(), -1,
                     "takes neither float nor 16-bit sound at " + std::to_string(sampleRate) + " Hz, "
                         + std::to_string(channels) + " channels"};
    return std::unique_ptr<AudioOut>(new SinkOut(device, format));
}

LoopDevice::LoopDevice(std::shared_ptr<AudioLoopReader> reader, QAudioFormat format, QObject* parent)
    : QIODevice(parent), reader_(std::move(reader)), format_(format)
{
    open(QIODevice::ReadOnly);
}

qint64 LoopDevice::bytesAvailable() const
{
    return (reader_->finished() ? 0 : qint64(1) << 20) + QIODevice::bytesAvailable();
}

qint64 LoopDevice::readData(char* data, qint64 maxSize)
{
    const int frameBytes = format_.bytesPerFrame();
    const int channels = format_.channelCount();
    if (frameBytes <= 0 || channels <= 0)
        return 0;
    const qint64 frames = maxSize / frameBytes;
    buffer_.resize(size_t(frames * channels));
    const qint64 got = reader_->read(buffer_.data(), frames);
    if (format_.sampleFormat() == QAudioFormat::Float) { // `data` need not be aligned for floats
        std::memcpy(data, buffer_.data(), size_t(got * frameBytes));
        return got * frameBytes;
    }
    for (qint64 i = 0; i < got * channels; ++i) {
        const auto v = int16_t(std::lround(std::clamp(buffer_[size_t(i)], -1.0f, 1.0f) * 32767.0f));
        std::memcpy(data + i * 2, &v, 2);
    }
    return got * frameBytes;
}

} // namespace lm::ui
