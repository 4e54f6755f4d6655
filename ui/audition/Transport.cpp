#include "Transport.h"

#include "Audition.h"

#include "core/playback/MidiOutput.h"
#include "core/playback/OutputChoice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QToolButton>

namespace lm::ui {

bool jackThreadStacksWidened(); // JackThreadStacks.cpp

namespace {
const QString kOutputKey = QStringLiteral("audition/output");
const QString kLoopKey = QStringLiteral("audition/loop");
const QString kClockKey = QStringLiteral("audition/midiClock");
} // namespace

Transport::Transport(Audition* audition, QWidget* parent) : QWidget(parent), audition_(audition)
{
    setObjectName(QStringLiteral("transport"));
    play_ = new QToolButton(this);
    play_->setObjectName(QStringLiteral("playButton"));
    play_->setCheckable(true);
    play_->setText(tr("▶ Play"));
    play_->setToolTip(tr("Play or stop the loop shown (Space)"));
    play_->setFocusPolicy(Qt::NoFocus); // Space belongs to the window's shortcut
    loop_ = new QCheckBox(tr("Loop"), this);
    loop_->setObjectName(QStringLiteral("loopBox"));
    loop_->setToolTip(tr("On: play the loop over and over; off: play it once"));
    ownTempo_ = new QCheckBox(tr("Tempo"), this);
    ownTempo_->setObjectName(QStringLiteral("ownTempoBox"));
    ownTempo_->setToolTip(tr("Off: the piece's own tempo; on: the tempo in the box (MIDI loops only: "
                             "audio pieces play at their own tempo)"));
    tempo_ = new QDoubleSpinBox(this);
    tempo_->setObjectName(QStringLiteral("tempoSpin"));
    tempo_->setRange(20, 400);
    tempo_->setDecimals(1);
    tempo_->setSuffix(tr(" BPM"));
    tempo_->setEnabled(false);
    tempo_->setToolTip(tr("The tempo to play MIDI loops at, 20 to 400 BPM (switch on Tempo to change it)"));
    clock_ = new QCheckBox(tr("MIDI clock"), this);
    clock_->setObjectName(QStringLiteral("clockBox"));
    clock_->setToolTip(tr("Send 24 ppqn clock with Start and Stop, for a DAW that follows external clock"));
    output_ = new QComboBox(this);
    output_->setObjectName(QStringLiteral("outputCombo"));
    output_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    output_->setMinimumContentsLength(22); // long port names must not widen the window
    output_->setToolTip(tr("Where the audition plays: automatic is the first MIDI port that goes somewhere, "
                           "else the built-in synth"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(play_);
    layout->addWidget(loop_);
    layout->addWidget(ownTempo_);
    layout->addWidget(tempo_);
    layout->addWidget(clock_);
    layout->addWidget(new QLabel(tr("Output:"), this));
    layout->addWidget(output_);
    layout->addStretch(1);

    QSettings settings;
    loop_->setChecked(settings.value(kLoopKey, true).toBool());
    clock_->setChecked(settings.value(kClockKey, false).toBool());
    audition_->setLooping(loop_->isChecked());
    audition_->setMidiClock(clock_->isChecked());
    if (jackThreadStacksWidened()) // before the first JACK client of this process
        refreshOutputs();
    tempo_->setValue(sourceTempo_);

    connect(play_, &QToolButton::clicked, audition_, &Audition::toggle);
    connect(audition_, &Audition::playingChanged, this, [this](bool on) {
        play_->setChecked(on);
        play_->setText(on ? tr("■ Stop") : tr("▶ Play"));
    });
    connect(loop_, &QCheckBox::toggled, this, [this](bool on) {
        audition_->setLooping(on);
        QSettings().setValue(kLoopKey, on);
    });
    connect(clock_, &QCheckBox::toggled, this, [this](bool on) {
        audition_->setMidiClock(on);
        QSettings().setValue(kClockKey, on);
    });
    connect(ownTempo_, &QCheckBox::toggled, this, &Transport::applyTempo);
    connect(tempo_, &QDoubleSpinBox::valueChanged, this, &Transport::applyTempo);
    connect(output_, &QComboBox::activated, this, &Transport::chooseOutput);
    output_->installEventFilter(this); // ports come and go: listed again as the list opens
}

bool Transport::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == output_ && event->type() == QEvent::MouseButtonPress)
        refreshOutputs();
    return QWidget::eventFilter(watched, event);
}

void Transport::setSourceTempo(double bpm)
{
    sourceTempo_ = bpm;
    if (!ownTempo_->isChecked()) {
        const QSignalBlocker block(tempo_);
        tempo_->setValue(bpm);
    }
}

void Transport::applyTempo()
{
    tempo_->setEnabled(ownTempo_->isChecked());
    if (ownTempo_->isChecked()) {
        audition_->setTempoOverride(tempo_->value());
    } else {
        audition_->setTempoOverride(std::nullopt);
        const QSignalBlocker block(tempo_);
        tempo_->setValue(sourceTempo_);
    }
}

void Transport::refreshOutputs()
{
    const QString remembered = QSettings().value(kOutputKey, QStringLiteral("auto")).toString();
    const QSignalBlocker block(output_);
    output_->clear();
    output_->addItem(tr("Automatic"), QStringLiteral("auto"));
    output_->addItem(tr("Built-in synth (General MIDI)"), QStringLiteral("synth"));
    output_->addItem(tr("Virtual port “loopminer”"), QStringLiteral("virtual:loopminer"));
    for (const MidiPort& p : listMidiOutputs())
        output_->addItem(QString::fromStdString(p.name + " (" + p.api + ")"),
                         QString::fromStdString(OutputChoice{OutputChoice::Kind::Port, p.name}.key()));
    int index = output_->findData(remembered);
    if (index < 0) { // a port that is not there now stays the choice
        const OutputChoice c = OutputChoice::fromKey(remembered.toStdString());
        output_->addItem(tr("%1 (not found now)").arg(QString::fromStdString(c.name)), remembered);
        index = output_->count() - 1;
    }
    output_->setCurrentIndex(index);
    audition_->setOutputChoice(OutputChoice::fromKey(output_->itemData(index).toString().toStdString()));
}

void Transport::chooseOutput(int index)
{
    const QString key = output_->itemData(index).toString();
    QSettings().setValue(kOutputKey, key);
    audition_->setOutputChoice(OutputChoice::fromKey(key.toStdString()));
}

} // namespace lm::ui
