// Audition's audio side (issue 14 item 4): an audio piece's window plays as
// sound through AudioAudition, with the same transport, Space, playhead and
// messages as a MIDI loop. The tempo box does not stretch audio: said once.
#include "Audition.h"

#include <QTimer>

namespace lm::ui {

void Audition::connectAudio()
{
    connect(audio_, &AudioAudition::started, this, [this](const QString& output) {
        lastSaid_.clear(); // it works now: a later failure is news again
        Q_EMIT message(tr("Playing into %1").arg(output));
    });
    connect(audio_, &AudioAudition::ended, this, [this](const QString& why) {
        if (!why.isEmpty())
            say(tr("Playing stopped: %1").arg(why));
        stop();
    });
}

void Audition::playAudio(const AudioAudition::Bars& bars)
{
    QString why;
    if (!audio_->play(bars, &why)) {
        qWarning("loopminer: no sound for audio pieces: %s", qPrintable(why));
        say(tr("No sound for audio pieces: %1").arg(why));
        return;
    }
    audioMode_ = true;
    switches_ = 0;
    wasPlaying_ = true;
    timer_->start();
    if (tempoOverride_)
        say(tr("Audio pieces play at their own tempo: the tempo box applies to MIDI loops"));
    Q_EMIT playingChanged(true);
}

void Audition::switchAudio(const Loop& loop)
{
    if (audioMode_ && loop.audio) { // another window: from the next bar line
        audio_->switchTo(*loop.audio);
        ++switches_;
        return;
    }
    if (!loop.audio && loop.steps.empty())
        return; // nothing to switch to: the current loop plays on
    stop(); // between audio and MIDI there is no common bar line: the new one starts now
    play();
    ++switches_;
}

double Audition::tempo() const
{
    if (audioMode_) {
        const AudioLoopReader* reader = audio_->reader();
        return reader && reader->loop() ? reader->loop()->bpm : 0;
    }
    return player_ ? player_->tempo() : 0;
}

QString Audition::outputName() const
{
    if (audioMode_)
        return audio_->outputName();
    return output_ ? QString::fromStdString(output_->name()) : QString();
}

} // namespace lm::ui
