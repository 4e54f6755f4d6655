#include "Audition.h"

#include "core/playback/Schedule.h"
#include "core/playback/SynthOutput.h"

#include <QTimer>

namespace lm::ui {

Audition::Audition(QObject* parent) : QObject(parent), timer_(new QTimer(this)), audio_(new AudioAudition(this))
{
    connectAudio();
    factory_ = [](const OutputChoice& c) { return lm::openOutput(c, realOutputBackends()); };
    timer_->setInterval(33); // the playhead's frame rate, about 30 Hz
    connect(timer_, &QTimer::timeout, this, &Audition::poll);
}

Audition::~Audition()
{
    player_.reset(); // stops, all-notes-off, while the output still exists
}

void Audition::setSource(Source source) { source_ = std::move(source); }

void Audition::setOutputFactory(OutputFactory factory)
{
    stop();
    player_.reset();
    output_.reset();
    factory_ = std::move(factory);
}

void Audition::setClock(std::shared_ptr<PlayerClock> clock)
{
    stop();
    player_.reset();
    clock_ = std::move(clock);
}

void Audition::setOutputChoice(const OutputChoice& choice)
{
    if (choice.key() == choice_.key())
        return;
    stop();
    player_.reset();
    output_.reset();
    choice_ = choice;
    lastSaid_.clear(); // a new output may fail for a new reason
}

void Audition::setLooping(bool on)
{
    looping_ = on;
    audio_->setLooping(on);
}

void Audition::setTempoOverride(std::optional<double> bpm)
{
    tempoOverride_ = bpm;
    if (bpm && audioMode_)
        say(tr("Audio pieces play at their own tempo: the tempo box applies to MIDI loops"));
    if (playing() && !audioMode_) {
        const Loop loop = source_ ? source_() : Loop{};
        player_->setTempo(bpm ? *bpm : loop.bpm);
    }
}

void Audition::say(const QString& text)
{
    if (text == lastSaid_)
        return; // once: the status bar is not a nag
    lastSaid_ = text;
    Q_EMIT message(text);
}

bool Audition::openOutput()
{
    if (output_)
        return true;
    auto opened = factory_(choice_);
    if (!opened) {
        const QString full = QString::fromStdString(opened.error().toString());
        qWarning("loopminer: no sound: %s", qPrintable(full));
        // The whole text of every API and driver does not fit a status bar: what it means, in short.
        const QString tried = QString::fromStdString([] {
            std::string t;
            for (const auto& d : defaultAudioDrivers())
                t += (t.empty() ? "" : ", ") + d;
            return t;
        }());
        if (full.contains(QLatin1String("no audio device")) && full.contains(QLatin1String("no MIDI output")))
            say(tr("No sound: no MIDI port to play into, and no audio device for the built-in synth (tried %1)").arg(tried));
        else if (full.contains(QLatin1String("no audio device")))
            say(tr("No sound: no audio device for the built-in synth (tried %1)").arg(tried));
        else
            say(tr("No sound: %1").arg(full));
        return false;
    }
    output_ = std::move(*opened);
    player_ = std::make_unique<Player>(*output_, clock_);
    return true;
}

// A roll's schedule with its keys (when it has them) and its own bar length (8 bars a loop).
Schedule Audition::scheduleOfLoop(const Loop& loop)
{
    RollPlayOptions o;
    o.keys = loop.keys;
    o.keysProgram = loop.keysProgram;
    o.barSteps = std::max(1, int(loop.steps.size()) / 8);
    return scheduleOfRoll(loop.steps, o);
}

void Audition::play()
{
    if (playing())
        return;
    const Loop loop = source_ ? source_() : Loop{};
    if (loop.audio) {
        playAudio(*loop.audio);
        return;
    }
    if (loop.steps.empty()) {
        Q_EMIT message(tr("Nothing to play: choose a loop (a piece's window)"));
        return;
    }
    if (!openOutput())
        return;
    PlayOptions options;
    options.repeats = looping_ ? 0 : 1;
    options.midiClock = midiClock_;
    auto started = player_->start(scheduleOfLoop(loop), tempoOverride_ ? *tempoOverride_ : loop.bpm, options);
    if (!started) {
        say(QString::fromStdString(started.error().toString()));
        return;
    }
    switches_ = 0;
    wasPlaying_ = true;
    timer_->start();
    lastSaid_.clear(); // it works now: a later failure is news again
    Q_EMIT message(tr("Playing into %1").arg(outputName()));
    Q_EMIT playingChanged(true);
}

void Audition::stop()
{
    if (!wasPlaying_ || (!player_ && !audioMode_))
        return;
    timer_->stop();
    if (audioMode_)
        audio_->stop();
    else
        player_->stop(); // joins the thread, then note-offs and all-notes-off
    audioMode_ = false;
    wasPlaying_ = false;
    setPlayhead(-1);
    Q_EMIT playingChanged(false);
}

void Audition::toggle()
{
    if (wasPlaying_)
        stop();
    else
        play();
}

void Audition::sourceChanged()
{
    if (!playing() || !source_)
        return;
    const Loop loop = source_();
    if (loop.audio || audioMode_) {
        switchAudio(loop);
        return;
    }
    if (loop.steps.empty())
        return; // nothing to switch to: the current loop plays on
    player_->switchTo(scheduleOfLoop(loop));
    if (!tempoOverride_)
        player_->setTempo(loop.bpm);
    ++switches_;
}

void Audition::poll()
{
    if (audioMode_) {
        audio_->poll(); // a single pass that ended, a failed output: ended, then stop()
        if (audioMode_)
            setPlayhead(audio_->playhead());
        return;
    }
    if (!player_)
        return;
    if (!player_->playing()) { // the single pass ended, or the output failed
        if (auto error = player_->error())
            say(tr("Playing stopped: %1").arg(QString::fromStdString(error->toString())));
        stop();
        return;
    }
    setPlayhead(player_->position());
}

void Audition::setPlayhead(int step)
{
    if (step == playhead_)
        return;
    playhead_ = step;
    Q_EMIT playheadMoved(step);
}

} // namespace lm::ui
