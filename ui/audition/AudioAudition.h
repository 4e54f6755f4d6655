#pragma once
// The audition of an audio piece (issue 14 item 4): its shown window's eight
// bars decoded as a job (never on the GUI thread), then looped through an
// AudioOut (a QAudioSink by default). Another window of the same file takes
// over at the next bar line; another file (other rate or channels) at once,
// once it is decoded. The tempo is the file's own: audio is not stretched.
#include "core/audio/AudioLoop.h"
#include "ui/audition/AudioOut.h"

#include <QObject>
#include <QString>
#include <memory>
#include <optional>

namespace lm::ui {

class JobRunner;
class LoopDevice;

class AudioAudition : public QObject {
    Q_OBJECT
public:
    struct Bars {
        QString path;
        double bpm = 0;
        double downbeat = 0;
        int startBar = 0;
    };

    explicit AudioAudition(QObject* parent = nullptr);
    ~AudioAudition() override;

    void setOutFactory(AudioOutFactory factory) { factory_ = std::move(factory); }
    void setLooping(bool on);
    // Opens the output (a missing one is an error now, before any decoding),
    // then decodes the bars and starts. False (and `why`) when it cannot.
    bool play(const Bars& bars, QString* why);
    // While active: the bars take over at the next bar line (same file) or at once.
    void switchTo(const Bars& bars);
    void stop();
    // From the audition's playhead timer: ends a finished single pass or a failed output.
    void poll();

    bool active() const { return active_; }             // from play() until stop() or the end
    bool sounding() const { return bool(device_); }     // decoded and handed to the output
    int playhead() const;                               // the loop's 16th being heard, -1 before
    QString outputName() const { return out_ ? out_->name() : QString(); }
    const AudioLoopReader* reader() const { return reader_.get(); }

Q_SIGNALS:
    void started(const QString& output); // the first bars decoded and playing
    void ended(const QString& why);        // stopped by itself: "" at the end of a single pass

private:
    void decode(const Bars& bars);
    void decoded(const std::shared_ptr<const AudioLoop>& loop, const QString& error);

    AudioOutFactory factory_;
    JobRunner* decoder_;
    std::unique_ptr<AudioOut> out_;
    std::shared_ptr<AudioLoopReader> reader_;
    LoopDevice* device_ = nullptr;
    std::optional<Bars> next_; // asked for while a decode ran
    bool active_ = false;
    bool looping_ = true;
};

} // namespace lm::ui
