// The audition player's seams (issue 11 item 4): a roll's schedule, the player
// on a virtual clock into a recording output (exact times, no drift, bar-line
// switches and tempo changes, all-notes-off on stop), RtMidi outputs without a
// sound card, and, with jackd1 installed, the real path through a JACK server.
#include "RecordingOutput.h"

#include "core/playback/MidiOutput.h"
#include "core/playback/Player.h"
#include "core/playback/PlayerClock.h"
#include "core/playback/Schedule.h"

#include <rtmidi/RtMidi.h>

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

#include <mutex>

using namespace lm;
using namespace lm::test;
using namespace std::chrono_literals;

namespace {

using Roll = std::vector<uint64_t>;

constexpr int bassRow(int pitch) { return format::kDrumRows + pitch - format::kBassLowestPitch; }

void set(Roll& roll, int row, int from, int to)
{
    for (int s = from; s <= to; ++s)
        roll[size_t(s)] |= uint64_t(1) << row;
}

QStringList eventsAsText(const Schedule& s)
{
    QStringList out;
    for (const auto& e : s.events)
        out << QString::number(e.step) + ": " + hex(e.message);
    return out;
}

QStringList textFrom(const std::vector<Sent>& sent, size_t from)
{
    QStringList out;
    for (size_t i = from; i < sent.size(); ++i)
        out << asText(sent[i]);
    return out;
}

// The schedule played `repeats` times at `stepNs` a step, written out by hand
// from its definition (setup, then each repeat's steps 0..length, the events
// at `length` before the next repeat's step 0).
QStringList expectedLoops(const Schedule& s, int repeats, int64_t stepNs, int lastStep)
{
    QStringList out;
    for (const auto& m : s.setup)
        out << asText({PlayerTime(0), m});
    for (int r = 0; r < repeats; ++r)
        for (const auto& e : s.events) {
            const int64_t step = int64_t(r) * s.lengthSteps + e.step;
            if (step <= lastStep)
                out << asText({PlayerTime(step * stepNs), e.message});
        }
    return out;
}

PlayerTime ms(int64_t v) { return PlayerTime(v * 1'000'000); }

Roll everyStepKick(int steps)
{
    Roll roll(size_t(steps), 0);
    set(roll, 0, 0, steps - 1);
    return roll;
}

} // namespace

class TestPlayer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scheduleOfRollGivesHitsJoinedNotesAndTheProgram();
    void scheduleOfRollTakesChannelsProgramAndVelocities();
    void eventsAtExactVirtualTimesOverTwoRepeats();
    void noDriftAtStep10000();
    void switchToLandsOnTheNextBarLine();
    void setTempoTakesEffectAtTheNextBar();
    void stopTurnsOffTheUsedChannels();
    void aFailedSendStopsWithItsError();
    void noSoundCardGivesClearErrors();
    void realPlayerThroughJack();
};

void TestPlayer::scheduleOfRollGivesHitsJoinedNotesAndTheProgram()
{
    Roll roll(32, 0);
    set(roll, 0, 0, 1);             // kick on two steps: two hits
    set(roll, 1, 4, 4);             // snare
    set(roll, 2, 31, 31);           // closed hi-hat on the last step
    set(roll, bassRow(36), 2, 5);   // one note of four steps
    set(roll, bassRow(40), 12, 19); // across the bar line
    set(roll, bassRow(40), 30, 31); // ending on the loop's end
    const Schedule s = scheduleOfRoll(roll);
    QCOMPARE(s.lengthSteps, 32);
    QCOMPARE(s.setup.size(), size_t(1));
    QCOMPARE(hex(s.setup[0]), QString("c1 22"));
    const QStringList expected = {
        "0: 99 23 5a",
        "1: 89 23 00", "1: 99 23 5a",
        "2: 89 23 00", "2: 91 24 50",
        "4: 99 26 5a",
        "5: 89 26 00",
        "6: 81 24 00",
        "12: 91 28 50",
        "20: 81 28 00",
        "30: 91 28 50",
        "31: 99 2a 5a",
        "32: 89 2a 00", "32: 81 28 00",
    };
    QCOMPARE(eventsAsText(s), expected);
}

void TestPlayer::scheduleOfRollTakesChannelsProgramAndVelocities()
{
    Roll roll(16, 0);
    for (int row = 0; row < format::kDrumRows; ++row)
        set(roll, row, row, row);
    set(roll, bassRow(71), 15, 15);
    RollPlayOptions o;
    o.drumChannel = 15;
    o.bassChannel = 4;
    o.bassProgram = 38;
    o.drumVelocity = 100;
    o.bassVelocity = 200; // clamped to 127
    const Schedule s = scheduleOfRoll(roll, o);
    QCOMPARE(hex(s.setup.at(0)), QString("c4 26"));
    QStringList ons;
    for (const auto& e : s.events)
        if ((e.message[0] & 0xF0) == 0x90)
            ons << hex(e.message);
    QCOMPARE(ons, QStringList({"9f 23 64", "9f 26 64", "9f 2a 64", "9f 2d 64", "9f 2e 64", "9f 30 64",
                               "9f 31 64", "9f 32 64", "9f 33 64", "94 47 7f"}));
}

void TestPlayer::eventsAtExactVirtualTimesOverTwoRepeats()
{
    Roll roll(32, 0);
    set(roll, 0, 0, 0);
    set(roll, 0, 8, 8);
    set(roll, 1, 4, 4);
    set(roll, 2, 31, 31);
    set(roll, bassRow(40), 12, 19);
    set(roll, bassRow(43), 28, 31);
    const Schedule s = scheduleOfRoll(roll);
    auto clock = std::make_shared<VirtualPlayerClock>();
    RecordingOutput out(clock);
    Player player(out, clock);
    QVERIFY(player.start(s, 120).ok());
    // Through both repeats and onto the third's first step (step 64, 8 s).
    QVERIFY(clock->advanceTo(ms(8000)));
    QCOMPARE(out.text(), expectedLoops(s, 3, 125'000'000, 64));
    QCOMPARE(player.position(), 0);
    QCOMPARE(player.stepsPlayed(), int64_t(65));
    // The second repeat's kick lands on 4 s exactly.
    QCOMPARE(out.noteOnTimes().at(6), ms(4000));
    player.stop();
}

void TestPlayer::noDriftAtStep10000()
{
    QCOMPARE(stepsToTime(10000, 120), PlayerTime(1'250'000'000'000));
    QCOMPARE(stepsToTime(1, 130), PlayerTime(115'384'615));              // 115384615.38...
    QCOMPARE(stepsToTime(10000, 130), PlayerTime(1'153'846'153'846));    // 1153846153846.15...
    // The clock wakes the player 1 us late every step, as an OS does: the
    // deadlines stay start + k steps, so step 10,000 is 1 us late, no more.
    auto clock = std::make_shared<VirtualPlayerClock>(PlayerTime(1000));
    RecordingOutput out(clock);
    Player player(out, clock);
    QVERIFY(player.start(scheduleOfRoll(everyStepKick(16)), 130).ok());
    QVERIFY(clock->advanceTo(PlayerTime(1'153'846'153'846 + 1000)));
    const auto ons = out.noteOnTimes();
    QCOMPARE(ons.size(), size_t(10001));
    QCOMPARE(ons[0], PlayerTime(0));
    QCOMPARE(ons[1], PlayerTime(115'384'615 + 1000));
    QCOMPARE(ons[7], PlayerTime(807'692'307 + 1000)); // floor(7 * 15e9 / 130)
    QCOMPARE(ons[10000], PlayerTime(1'153'846'153'846 + 1000));
    player.stop();
}

void TestPlayer::switchToLandsOnTheNextBarLine()
{
    Roll a(32, 0);
    set(a, 0, 0, 0);
    set(a, 0, 16, 16); // never played: the switch comes first
    set(a, bassRow(40), 12, 19);
    Roll b(16, 0);
    set(b, 1, 0, 1);
    RollPlayOptions bOptions;
    bOptions.bassProgram = 33;
    auto clock = std::make_shared<VirtualPlayerClock>();
    RecordingOutput out(clock);
    Player player(out, clock);
    QVERIFY(player.start(scheduleOfRoll(a), 120).ok());
    QVERIFY(clock->advanceTo(ms(5 * 125)));
    player.switchTo(scheduleOfRoll(b, bOptions));
    QVERIFY(clock->advanceTo(ms(17 * 125)));
    const QStringList expected = {
        "0 ns: c1 22", "0 ns: 99 23 5a",
        "125000000 ns: 89 23 00",
        "1500000000 ns: 91 28 50",
        // Bar 2: the held bass note off, B's program, B's step 0.
        "2000000000 ns: 81 28 00", "2000000000 ns: c1 21", "2000000000 ns: 99 26 5a",
        "2125000000 ns: 89 26 00", "2125000000 ns: 99 26 5a",
    };
    QCOMPARE(out.text(), expected);
    QCOMPARE(player.position(), 1);
    player.stop();
}

void TestPlayer::setTempoTakesEffectAtTheNextBar()
{
    auto clock = std::make_shared<VirtualPlayerClock>();
    RecordingOutput out(clock);
    Player player(out, clock);
    QVERIFY(player.start(scheduleOfRoll(everyStepKick(32)), 120).ok());
    QVERIFY(clock->advanceTo(ms(5 * 125)));
    player.setTempo(60);
    QVERIFY(clock->advanceTo(ms(1900)));
    QCOMPARE(player.tempo(), 120.0);
    QVERIFY(clock->advanceTo(ms(3000)));
    QCOMPARE(player.tempo(), 60.0);
    std::vector<PlayerTime> expected;
    for (int k = 0; k <= 16; ++k)
        expected.push_back(ms(k * 125));
    for (int k = 1; k <= 4; ++k)
        expected.push_back(ms(2000 + k * 250));
    QCOMPARE(out.noteOnTimes(), expected);
    player.stop();
}

void TestPlayer::stopTurnsOffTheUsedChannels()
{
    Roll roll(16, 0);
    set(roll, 0, 0, 0);
    set(roll, bassRow(40), 2, 9);
    RollPlayOptions o;
    o.bassChannel = 4;
    auto clock = std::make_shared<VirtualPlayerClock>();
    RecordingOutput out(clock);
    Player player(out, clock);
    QVERIFY(player.start(scheduleOfRoll(roll, o), 120).ok());
    QVERIFY(clock->advanceTo(ms(4 * 125)));
    const size_t before = out.sent().size();
    QVERIFY(player.playing());
    player.stop();
    QVERIFY(!player.playing());
    QCOMPARE(player.position(), -1);
    // The held bass note, then CC 123 on the bass and drum channels only.
    QCOMPARE(textFrom(out.sent(), before),
             QStringList({"500000000 ns: 84 28 00", "500000000 ns: b4 7b 00", "500000000 ns: b9 7b 00"}));
    player.stop();
    QCOMPARE(out.sent().size(), before + 3);
}

namespace {

// An output whose port goes away after `good` messages.
class FailingOutput final : public MidiOutput {
public:
    explicit FailingOutput(int good) : good_(good) {}
    Result<bool> send(const std::vector<uint8_t>&) override
    {
        if (sent_++ < good_)
            return true;
        return Error{"", -1, "MIDI output gone: the port was closed"};
    }
    std::string name() const override { return "failing"; }

private:
    int good_;
    int sent_ = 0;
};

} // namespace

void TestPlayer::aFailedSendStopsWithItsError()
{
    auto clock = std::make_shared<VirtualPlayerClock>();
    FailingOutput out(1); // the program change goes out, step 0's kick does not
    Player player(out, clock);
    QVERIFY(player.start(scheduleOfRoll(everyStepKick(16)), 120).ok());
    QTRY_VERIFY_WITH_TIMEOUT(!player.playing(), 5000);
    QVERIFY(player.error().has_value());
    QCOMPARE(QString::fromStdString(player.error()->message), QString("MIDI output gone: the port was closed"));
    QCOMPARE(player.stepsPlayed(), int64_t(0));
    QCOMPARE(player.position(), -1);
    // The ended thread does not block a new start.
    QVERIFY(player.start(scheduleOfRoll(everyStepKick(16)), 120).ok());
    QTRY_VERIFY_WITH_TIMEOUT(player.error().has_value(), 5000);
    player.stop();
}

void TestPlayer::noSoundCardGivesClearErrors()
{
    // A server name nobody runs: no JACK here, whatever the machine has.
    qputenv("JACK_DEFAULT_SERVER", "loopminer-test-none-" + QByteArray::number(QCoreApplication::applicationPid()));
    std::string why;
    const auto ports = listMidiOutputs(&why);
    auto named = openMidiOutput("FLUID Synth");
    auto own = openVirtualMidiOutput("loopminer-test");
    if (QFileInfo::exists("/dev/snd/seq"))
        QSKIP("this machine has an ALSA sequencer: the calls did not crash, their no-hardware errors are not checked");
    qInfo("listMidiOutputs: %s", why.c_str());
    qInfo("openMidiOutput: %s", named.error().message.c_str());
    qInfo("openVirtualMidiOutput: %s", own.error().message.c_str());
    QVERIFY(ports.empty());
    QVERIFY(!named.ok());
    QVERIFY(!own.ok());
    const std::string alsa = "ALSA sequencer not available (MidiOutAlsa::initialize: ";
    const std::string jack = "JACK server not running (MidiOutJack::initialize: JACK server not running?)";
    QVERIFY2(why.rfind("no MIDI output: ", 0) == 0, why.c_str());
    QVERIFY2(why.find(alsa) != std::string::npos && why.find(jack) != std::string::npos, why.c_str());
    const std::string& n = named.error().message;
    QVERIFY2(n.rfind("no MIDI output named \"FLUID Synth\" (", 0) == 0 && n.find(alsa) != std::string::npos, n.c_str());
    const std::string& v = own.error().message;
    QVERIFY2(v.rfind("no MIDI output: ", 0) == 0 && v.find(alsa) != std::string::npos
                 && v.find(jack) != std::string::npos,
             v.c_str());
}

namespace {

// Passes every message on to the real output and keeps a copy.
class TeeOutput final : public MidiOutput {
public:
    explicit TeeOutput(MidiOutput& to) : to_(to) {}
    Result<bool> send(const std::vector<uint8_t>& m) override
    {
        {
            std::lock_guard<std::mutex> lock(m_);
            sent_ << hex(m);
        }
        return to_.send(m);
    }
    std::string name() const override { return to_.name(); }
    QStringList sent() const
    {
        std::lock_guard<std::mutex> lock(m_);
        return sent_;
    }

private:
    MidiOutput& to_;
    mutable std::mutex m_;
    QStringList sent_;
};


} // namespace

void TestPlayer::realPlayerThroughJack()
{
    if (QStandardPaths::findExecutable("jackd").isEmpty())
        QSKIP("jackd is not installed (apt-get install jackd1): the real MIDI path through JACK is not tested");
    JackServer jack;
    const QString why = jack.start("player");
    QVERIFY2(why.isEmpty(), qPrintable(why));

    auto opened = openVirtualMidiOutput("loopminer-test-out");
    QVERIFY2(opened.ok(), opened.error().message.c_str());
    TeeOutput tee(**opened);

    Received received;
    RtMidiIn in(RtMidi::UNIX_JACK, "loopminer-test-in");
    const int port = findPort(in, "loopminer-test-out");
    QVERIFY2(port >= 0, "our virtual output is not among JACK's MIDI ports");
    qInfo("playing into %s, heard on JACK port %s", tee.name().c_str(), in.getPortName(unsigned(port)).c_str());
    in.setCallback(&Received::callback, &received);
    in.openPort(unsigned(port), "in");

    Roll roll(16, 0);
    for (int s : {0, 4, 8, 12})
        set(roll, 0, s, s);
    set(roll, 1, 4, 4);
    set(roll, 1, 12, 12);
    for (int s = 0; s < 16; s += 2)
        set(roll, 2, s, s);
    set(roll, bassRow(36), 0, 3);
    set(roll, bassRow(43), 8, 15);
    const Schedule schedule = scheduleOfRoll(roll);
    Player player(tee); // the real clock
    QVERIFY(player.start(schedule, 300).ok());
    QTRY_VERIFY_WITH_TIMEOUT(player.stepsPlayed() >= 17, 10000);
    player.stop();
    QVERIFY(!player.error());

    // Every message sent arrived, in order; the first loop is the whole schedule.
    QTRY_COMPARE_WITH_TIMEOUT(received.get().size(), tee.sent().size(), 5000);
    QCOMPARE(received.get(), tee.sent());
    qInfo("%lld messages sent and received in order", static_cast<long long>(tee.sent().size()));
    QStringList loop;
    for (const auto& m : schedule.setup)
        loop << hex(m);
    for (const auto& e : schedule.events)
        loop << hex(e.message);
    QCOMPARE(tee.sent().mid(0, loop.size()), loop);
    QVERIFY(tee.sent().endsWith("b9 7b 00"));
    in.closePort();
}

QTEST_GUILESS_MAIN(TestPlayer)
#include "test_player.moc"
