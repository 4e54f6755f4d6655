#pragma once
// The window's audition: plays the loop the piece view shows (mined window
// now, generated loops through the same seam) into the chosen output, in a
// loop or once, at the source's tempo or the user's; another loop chosen
// while playing takes over at the next bar line (core/playback/Player).
// The playhead is the player's position, polled about 30 times a second for
// drawing. A missing output is said once (message) and nothing stops working.
#include "core/playback/OutputChoice.h"
#include "ui/audition/AudioAudition.h"
#include "core/playback/Player.h"

#include <QObject>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

class QTimer;

namespace lm::ui {

class Audition : public QObject {
    Q_OBJECT
public:
    struct Loop {
        std::vector<uint64_t> steps; // the roll's 16th-step masks (128 for a window); empty: nothing to play
        double bpm = 120;            // the source's tempo
        std::optional<AudioAudition::Bars> audio; // an audio piece's window: played as sound (AudioAudition)
        std::vector<uint64_t> keys;  // the keys part's masks over the same steps (empty: none)
        int keysProgram = 0;
    };
    using Source = std::function<Loop()>;
    using OutputFactory = std::function<Result<std::unique_ptr<MidiOutput>>(const OutputChoice&)>;

    explicit Audition(QObject* parent = nullptr);
    ~Audition() override;

    void setSource(Source source);
    // The seams for tests (no sound card in CI): where outputs come from (the
    // real rule, openOutput, by default) and the player's clock (steady by default).
    void setOutputFactory(OutputFactory factory);
    void setClock(std::shared_ptr<PlayerClock> clock);
    // Where audio pieces sound (the default audio output by default).
    void setAudioOutFactory(AudioOutFactory factory) { audio_->setOutFactory(std::move(factory)); }
    AudioAudition* audioAudition() const { return audio_; }

    // Stops and closes the open output; the next play opens the new one.
    void setOutputChoice(const OutputChoice& choice);
    const OutputChoice& outputChoice() const { return choice_; }
    void setLooping(bool on);
    bool looping() const { return looping_; }
    // The user's tempo (none: the source's); while playing, from the next bar line.
    void setTempoOverride(std::optional<double> bpm);
    std::optional<double> tempoOverride() const { return tempoOverride_; }
    void setMidiClock(bool on) { midiClock_ = on; } // from the next play

    bool playing() const { return audioMode_ ? audio_->active() : player_ && player_->playing(); }
    int playhead() const { return playhead_; }
    double tempo() const;
    QString outputName() const;
    int switchesQueued() const { return switches_; } // loops handed to the player while playing

public Q_SLOTS:
    void play();
    void stop();
    void toggle();
    // The source shows another loop: while playing it takes over at the next bar line.
    void sourceChanged();

Q_SIGNALS:
    void playingChanged(bool playing);
    void playheadMoved(int step); // the loop's 16th being played, -1 when stopped
    void message(const QString& text);

private:
    static Schedule scheduleOfLoop(const Loop& loop);
    void poll();
    bool openOutput();
    void say(const QString& text);
    void setPlayhead(int step);
    // The audio side (AudioAuditionWiring.cpp).
    void connectAudio();
    void playAudio(const AudioAudition::Bars& bars);
    void switchAudio(const Loop& loop);

    Source source_;
    OutputFactory factory_;
    std::shared_ptr<PlayerClock> clock_;
    OutputChoice choice_;
    bool looping_ = true;
    bool midiClock_ = false;
    std::optional<double> tempoOverride_;
    std::unique_ptr<MidiOutput> output_;
    std::unique_ptr<Player> player_; // plays into output_: destroyed first
    QTimer* timer_;
    AudioAudition* audio_;
    bool audioMode_ = false; // playing an audio piece (audio_), not the player
    int playhead_ = -1;
    int switches_ = 0;
    bool wasPlaying_ = false;
    QString lastSaid_;
};

} // namespace lm::ui
