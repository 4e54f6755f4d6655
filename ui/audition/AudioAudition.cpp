#include "AudioAudition.h"

#include "ui/jobs/JobRunner.h"


namespace lm::ui {

AudioAudition::AudioAudition(QObject* parent)
    : QObject(parent), decoder_(new JobRunner(tr("Audio audition"), this))
{
    factory_ = openDefaultAudioOut;
    connect(decoder_, &JobRunner::finished, this, [this](bool ok, const QString& error) {
        std::shared_ptr<const AudioLoop> loop;
        if (ok && decoder_->result().has_value())
            loop = std::any_cast<std::shared_ptr<const AudioLoop>>(decoder_->result());
        decoded(loop, ok ? QString() : error);
    });
}

AudioAudition::~AudioAudition()
{
    decoder_->cancel();
    decoder_->wait();
    stop();
}

void AudioAudition::setLooping(bool on)
{
    looping_ = on;
    if (reader_)
        reader_->setLooping(on);
}

bool AudioAudition::play(const Bars& bars, QString* why)
{
    stop();
    auto info = probeAudio(bars.path.toStdString()); // the header only: quick
    Result<std::unique_ptr<AudioOut>> out = info ? factory_(info->sampleRate, info->channels)
                                                 : Result<std::unique_ptr<AudioOut>>(info.error());
    if (!out) {
        if (why)
            *why = QString::fromStdString(out.error().toString());
        return false;
    }
    out_ = std::move(*out);
    active_ = true;
    decode(bars);
    return true;
}

void AudioAudition::switchTo(const Bars& bars)
{
    if (active_)
        decode(bars);
}

void AudioAudition::decode(const Bars& bars)
{
    if (decoder_->running()) {
        next_ = bars; // the latest wins
        return;
    }
    decoder_->start([b = bars](JobContext&) -> JobOutcome {
        auto loop = readAudioLoop(b.path.toStdString(), b.bpm, b.downbeat, b.startBar);
        if (!loop)
            return {QString::fromStdString(loop.error().toString()), {}};
        return {QString(), std::shared_ptr<const AudioLoop>(std::make_shared<AudioLoop>(std::move(*loop)))};
    });
}

void AudioAudition::decoded(const std::shared_ptr<const AudioLoop>& loop, const QString& error)
{
    if (!active_)
        return; // stopped while it decoded
    if (next_) {
        const Bars bars = *next_;
        next_.reset();
        decode(bars);
        return;
    }
    if (!loop) {
        stop();
        Q_EMIT ended(error);
        return;
    }
    const QAudioFormat format = out_->format();
    if (reader_ && format.sampleRate() == loop->sampleRate && format.channelCount() == loop->channels) {
        reader_->switchAtNextBar(loop); // the same file's other bars: at the bar line
        return;
    }
    if (reader_) { // another file: at once, on an output for its rate and channels
        out_->stop();
        delete device_;
        device_ = nullptr;
        reader_.reset();
        auto out = factory_(loop->sampleRate, loop->channels);
        if (!out) {
            stop();
            Q_EMIT ended(QString::fromStdString(out.error().toString()));
            return;
        }
        out_ = std::move(*out);
    }
    reader_ = std::make_shared<AudioLoopReader>(loop, looping_);
    device_ = new LoopDevice(reader_, out_->format(), this);
    out_->start(device_);
    Q_EMIT started(out_->name());
}

void AudioAudition::stop()
{
    active_ = false;
    next_.reset();
    if (out_)
        out_->stop();
    out_.reset();
    delete device_;
    device_ = nullptr;
    reader_.reset();
}

void AudioAudition::poll()
{
    if (!active_ || !reader_ || !out_)
        return;
    const QString failure = out_->failure();
    if (!failure.isEmpty() || (reader_->finished() && out_->idle())) {
        stop();
        Q_EMIT ended(failure); // "": a single pass played to its end
    }
}

int AudioAudition::playhead() const
{
    if (!reader_ || !out_ || reader_->finished())
        return -1;
    return reader_->stepBehind(out_->bufferedFrames());
}

} // namespace lm::ui
