#pragma once
// The transport bar: play/stop, loop on/off, tempo (the source's, or the
// user's in the spin box), MIDI clock out, and the output (automatic, the
// built-in synth, a virtual port "loopminer", or a MIDI port), remembered.
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QToolButton;

namespace lm::ui {

class Audition;

class Transport : public QWidget {
    Q_OBJECT
public:
    explicit Transport(Audition* audition, QWidget* parent = nullptr);

    // The tempo shown while the user has not set one (the shown loop's).
    void setSourceTempo(double bpm);
    // Lists the outputs again (MIDI ports come and go).
    void refreshOutputs();

    QToolButton* playButton() const { return play_; }
    QCheckBox* loopBox() const { return loop_; }
    QCheckBox* ownTempoBox() const { return ownTempo_; }
    QDoubleSpinBox* tempoSpin() const { return tempo_; }
    QComboBox* outputCombo() const { return output_; }
    QCheckBox* clockBox() const { return clock_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void chooseOutput(int index);
    void applyTempo();

    Audition* audition_;
    QToolButton* play_;
    QCheckBox* loop_;
    QCheckBox* ownTempo_;
    QDoubleSpinBox* tempo_;
    QComboBox* output_;
    QCheckBox* clock_;
    double sourceTempo_ = 120;
};

} // namespace lm::ui
