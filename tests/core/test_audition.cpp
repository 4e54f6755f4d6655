// Audition (issue 14, items 1-3, 7): any MIDI file as a schedule, repeats
// that end by themselves, MIDI clock out on exact deadlines, the one rule
// for choosing an output, the built-in synth with and without an audio
// device, and `loopminer-cli play --virtual` heard through a jackd1 dummy
// server by an RtMidi input of the test.
#include "CliRun.h"
#include "JackFixture.h"
#include "RecordingOutput.h"

#include "core/io/MidiWriter.h"
#include "core/playback/MidiSchedule.h"
#include "core/playback/OutputChoice.h"
#include "core/playback/Player.h"
#include "core/playback/PlayerClock.h"
#include "core/playback/Schedule.h"
#include "core/playback/SynthOutput.h"
#include "core/playback/OfflineSynth.h"
#include "core/model/RollToMidi.h"

#include <sndfile.h>

#include <jack/jack.h>

#include <optional>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <cmath>
#include <mutex>

using namespace lm;
using namespace lm::test;

namespace {

QStringList eventsAsText(const Schedule& s)
{
    QStringList out;
    for (const auto& e : s.events)
        out << QString::number(e.step) + ": " + hex(e.message);
    return out;
}

MidiEvent on(uint64_t t, int ch, int note, int vel) { return MidiEvent::channelMessage(t, uint8_t(0x90 | ch), uint8_t(note), uint8_t(vel)); }
MidiEvent off(uint64_t t, int ch, int note) { return MidiEvent::channelMessage(t, uint8_t(0x80 | ch), uint8_t(note), 0); }

std::string micros(uint32_t us) { return {char(us >> 16), char((us >> 8) & 0xFF), char(us & 0xFF)}; }

// tpq 96 (a 24-step quarter is 4 ticks), 150 BPM, 4/4; drums and bass, one
// note off the grid, one of no length, one never ended, a controller.
MidiFile fixtureFile()
{
    MidiFile f;
    f.format = 1;
    f.ticksPerQuarter = 96;
    MidiTrack meta;
    meta.events.push_back(MidiEvent::meta(0, meta::Tempo, micros(400000)));
    meta.events.push_back(MidiEvent::meta(0, meta::TimeSignature, std::string("\x04\x02\x18\x08", 4)));
    meta.events.push_back(MidiEvent::meta(400, meta::EndOfTrack, {}));
    MidiTrack drums;
    drums.events = {on(0, 9, 36, 100), off(24, 9, 36), on(37, 9, 38, 90), off(40, 9, 38),
                    on(48, 9, 42, 70), off(48, 9, 42), MidiEvent::meta(400, meta::EndOfTrack, {})};
    MidiTrack bass;
    bass.events = {MidiEvent::channelMessage(0, 0xC1, 34), on(96, 1, 40, 80), MidiEvent::channelMessage(100, 0xB1, 7, 64),
                   off(192, 1, 40), on(300, 1, 43, 80), MidiEvent::meta(400, meta::EndOfTrack, {})};
    f.tracks = {meta, drums, bass};
    return f;
}

PlayerTime ms(int64_t v) { return PlayerTime(v * 1'000'000); }

} // namespace

class TestAudition : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scheduleOfMidiOnTheFineGrid();
    void scheduleOfMidiBarsAndTempo();
    void aMidiFilePlaysItsRepeatsAndStops();
    void midiClockOnExactDeadlines();
    void outputChoiceRule();
    void offlineSynthRendersALoopToAFileThatIsNotSilent();
    void synthWithoutAudioDeviceSaysWhatWasTried();
    void synthPlaysThroughJackDummy();
    void cliPlayErrors();
    void cliPortsJson();
    void cliPlayVirtualHeardOverJack();
    void aLostJackServerDoesNotEndTheProgram();
};

void TestAudition::scheduleOfMidiOnTheFineGrid()
{
    const MidiSchedule ms = scheduleOfMidi(fixtureFile());
    QCOMPARE(ms.bpm, 150.0);
    QCOMPARE(ms.laterTempoChanges, 0);
    const Schedule& s = ms.schedule;
    QCOMPARE(s.stepsPerQuarter, 24);
    QCOMPARE(s.barSteps, 96);
    QCOMPARE(s.lengthSteps, 192); // end of track at tick 400 = step 100, up to bar 2's end
    QCOMPARE(s.setup.size(), size_t(1));
    QCOMPARE(hex(s.setup[0]), QString("c1 22"));
    const QStringList expected = {
        "0: 99 24 64",
        "6: 89 24 00",
        "9: 99 26 5a",  // tick 37 = step 9.25
        "10: 89 26 00",
        "12: 99 2a 46", // no length: its note-off a step later
        "13: 89 2a 00",
        "24: 91 28 50",
        "25: b1 07 40", // tick 100
        "48: 81 28 00",
        "75: 91 2b 50", // never ended: off at the loop's end
        "192: 81 2b 00",
    };
    QCOMPARE(eventsAsText(s), expected);
}

void TestAudition::scheduleOfMidiBarsAndTempo()
{
    MidiFile f = fixtureFile();
    f.tracks[0].events = {MidiEvent::meta(0, meta::TimeSignature, std::string("\x03\x02\x18\x08", 4)),
                          MidiEvent::meta(200, meta::Tempo, micros(500000)), MidiEvent::meta(400, meta::EndOfTrack, {})};
    const MidiSchedule ms = scheduleOfMidi(f);
    QCOMPARE(ms.bpm, 120.0); // none at tick 0
    QCOMPARE(ms.laterTempoChanges, 1);
    QCOMPARE(ms.schedule.barSteps, 72);
    QCOMPARE(ms.schedule.lengthSteps, 144); // step 100 up to two 3/4 bars
}

void TestAudition::aMidiFilePlaysItsRepeatsAndStops()
{
    const Schedule s = scheduleOfMidi(fixtureFile()).schedule;
    auto clock = std::make_shared<VirtualPlayerClock>();
    RecordingOutput out(clock);
    Player player(out, clock);
    PlayOptions o;
    o.repeats = 2;
    QVERIFY(player.start(s, 150, o).ok());
    const PlayerTime end = pulsesToTime(2 * 192, 150); // 24 steps a quarter: a step is a pulse
    QCOMPARE(end, ms(6400)); // 8 quarters of 0.4 s, twice
    QVERIFY(clock->advanceTo(end - PlayerTime(1)));
    QVERIFY(player.playing());
    QVERIFY(!player.waitUntilDone(std::chrono::milliseconds(0)));
    // The last deadline: the thread ends there, so no one comes to sleep again.
    QVERIFY(!clock->advanceTo(end, std::chrono::milliseconds(200)));
    QVERIFY(player.waitUntilDone(std::chrono::milliseconds(5000)));
    QVERIFY(!player.playing());
    QCOMPARE(player.loopsPlayed(), int64_t(2));
    QStringList expected{asText({PlayerTime(0), s.setup[0]})};
    for (int r = 0; r < 2; ++r)
        for (const auto& e : s.events)
            expected << asText({pulsesToTime(int64_t(r) * 192 + e.step, 150), e.message});
    QCOMPARE(out.text(), expected);
    const size_t before = out.sent().size();
    player.stop(); // nothing sounds: all-notes-off on the two channels used
    QCOMPARE(out.text().mid(int(before)), QStringList({"6400000000 ns: b1 7b 00", "6400000000 ns: b9 7b 00"}));
}

void TestAudition::midiClockOnExactDeadlines()
{
    std::vector<uint64_t> roll(16, 0);
    roll[0] = roll[4] = 1; // kick on beats 1 and 2
    const Schedule s = scheduleOfRoll(roll);
    auto clock = std::make_shared<VirtualPlayerClock>(PlayerTime(700)); // each wake 0.7 us late
    RecordingOutput out(clock);
    Player player(out, clock);
    PlayOptions o;
    o.midiClock = true;
    QVERIFY(player.start(s, 120, o).ok());
    QVERIFY(clock->advanceTo(ms(100)));
    player.setTempo(60); // from the next bar line, 2 s
    QVERIFY(clock->advanceTo(ms(2000) + pulsesToTime(24, 60) + PlayerTime(700)));
    player.stop();
    const auto sent = out.sent();
    QCOMPARE(hex(sent.at(0).message), QString("fa"));
    QCOMPARE(sent.at(0).time, PlayerTime(0));
    QCOMPARE(hex(sent.at(1).message), QString("c1 22"));
    QCOMPARE(hex(sent.at(2).message), QString("f8"));
    QCOMPARE(hex(sent.at(3).message), QString("99 23 5a")); // the clock first, then the step's notes
    std::vector<PlayerTime> clocks;
    for (const Sent& m : sent)
        if (m.message == std::vector<uint8_t>{0xF8})
            clocks.push_back(m.time);
    QCOMPARE(clocks.size(), size_t(96 + 25)); // a bar at 120, then a quarter (and its first pulse) at 60
    for (int k = 0; k < 96; ++k)
        QCOMPARE(clocks[size_t(k)], k == 0 ? PlayerTime(0) : pulsesToTime(k, 120) + PlayerTime(700));
    QCOMPARE(pulsesToTime(1, 120), PlayerTime(20'833'333));
    for (int k = 0; k <= 24; ++k)
        QCOMPARE(clocks[size_t(96 + k)], ms(2000) + pulsesToTime(k, 60) + PlayerTime(700));
    // The kick of beat 2 on pulse 24, the same instant as that clock.
    QCOMPARE(asText(sent.at(size_t(std::find_if(sent.begin() + 4, sent.end(), [](const Sent& m) {
                                        return m.message == std::vector<uint8_t>{0x99, 35, 90};
                                    }) - sent.begin()))),
             QString::number((pulsesToTime(24, 120) + PlayerTime(700)).count()) + " ns: 99 23 5a");
    // Stop: 0xFC, then the kick that sounds (beat 2 of bar 2) off, then all-notes-off.
    QStringList tail;
    for (size_t i = sent.size() - 4; i < sent.size(); ++i)
        tail << hex(sent[i].message);
    QCOMPARE(tail, QStringList({"fc", "89 23 00", "b1 7b 00", "b9 7b 00"}));
}

namespace {
class NamedOutput final : public MidiOutput {
public:
    explicit NamedOutput(std::string n) : n_(std::move(n)) {}
    Result<bool> send(const std::vector<uint8_t>&) override { return true; }
    std::string name() const override { return n_; }

private:
    std::string n_;
};
Result<std::unique_ptr<MidiOutput>> named(const std::string& n) { return std::unique_ptr<MidiOutput>(new NamedOutput(n)); }
} // namespace

void TestAudition::outputChoiceRule()
{
    OutputBackends b;
    std::vector<MidiPort> ports = {{"Midi Through:Midi Through Port-0 14:0", "ALSA"}, {"FLUID Synth:0", "ALSA"}};
    bool synthWorks = true;
    b.list = [&](std::string* why) {
        *why = ports.empty() ? "no MIDI output: JACK server not running" : "";
        return ports;
    };
    b.port = [](const std::string& n) { return named("port " + n); };
    b.virtualPort = [](const std::string& n) { return named("virtual " + n); };
    b.synth = [&]() -> Result<std::unique_ptr<MidiOutput>> {
        if (synthWorks)
            return named("synth");
        return Error{"", -1, "no audio device: pulseaudio: no server; alsa: no card"};
    };
    auto nameOf = [&](const OutputChoice& c) {
        auto o = openOutput(c, b);
        return o ? QString::fromStdString((*o)->name()) : "error: " + QString::fromStdString(o.error().message);
    };
    QCOMPARE(nameOf({}), QString("port FLUID Synth:0")); // Midi Through is passed over
    QCOMPARE(nameOf({OutputChoice::Kind::Synth, ""}), QString("synth"));
    QCOMPARE(nameOf({OutputChoice::Kind::Port, "X"}), QString("port X"));
    QCOMPARE(nameOf({OutputChoice::Kind::Virtual, "loopminer"}), QString("virtual loopminer"));
    ports.pop_back();
    QCOMPARE(nameOf({}), QString("synth"));
    ports.clear();
    QCOMPARE(nameOf({}), QString("synth"));
    synthWorks = false;
    QCOMPARE(nameOf({}), QString("error: no MIDI output: JACK server not running; no audio device: pulseaudio: no server; alsa: no card"));
    for (const char* key : {"auto", "synth", "port:FLUID Synth:0", "virtual:loopminer"})
        QCOMPARE(QString::fromStdString(OutputChoice::fromKey(key).key()), QString(key));
    QCOMPARE(QString::fromStdString(OutputChoice::fromKey("nonsense").key()), QString("auto"));
}

void TestAudition::offlineSynthRendersALoopToAFileThatIsNotSilent()
{
    std::vector<uint64_t> roll(size_t(format::kWindowSteps), 0);
    for (int s = 0; s < format::kWindowSteps; s += 4)
        roll[size_t(s)] |= 1u;                                                          // kick on every beat
    roll[2] |= uint64_t(1) << (format::kDrumRows + 36 - format::kBassLowestPitch); // one bass note
    RollExportOptions o;
    o.bpm = 120;
    auto synth = OfflineSynth::create(defaultSoundfontPath(), 44100);
    QVERIFY2(synth.ok(), synth.ok() ? "" : synth.error().toString().c_str());
    auto audio = (*synth)->render(encodeMidi(rollToMidi(roll, o)));
    QVERIFY(audio.ok());
    QTemporaryDir tmp;
    const std::string path = tmp.filePath("loop.wav").toStdString();
    QVERIFY(writeWav16(path, audio->stereo, 2, audio->sampleRate).ok());
    SF_INFO info{};
    SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
    QVERIFY(f);
    std::vector<float> samples(size_t(info.frames * info.channels));
    QCOMPARE(sf_readf_float(f, samples.data(), info.frames), info.frames);
    sf_close(f);
    QCOMPARE(info.samplerate, 44100);
    QCOMPARE(info.frames, sf_count_t(16 * 44100)); // 8 bars at 120 BPM, the synth's tail cut
    double energy = 0, peak = 0;
    for (float v : samples) {
        energy += double(v) * v;
        peak = std::max(peak, double(std::abs(v)));
    }
    const double rms = std::sqrt(energy / double(samples.size()));
    qInfo("rendered loop: rms %.4f, peak %.3f", rms, peak);
    QVERIFY2(rms > 0.003 && peak > 0.03, qPrintable(QString("rms %1 peak %2").arg(rms).arg(peak)));
}

void TestAudition::synthWithoutAudioDeviceSaysWhatWasTried()
{
    auto missing = openSynthOutput("/nonexistent/none.sf2");
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().toString().find("/nonexistent/none.sf2") != std::string::npos, missing.error().toString().c_str());
    qputenv("JACK_DEFAULT_SERVER", "loopminer-test-none-" + QByteArray::number(QCoreApplication::applicationPid()));
    auto synth = openSynthOutput();
    if (synth.ok())
        QSKIP(qPrintable("this machine has an audio device: " + QString::fromStdString((*synth)->name())));
    const std::string& why = synth.error().message;
    qInfo("%s", why.c_str());
    QVERIFY2(why.rfind("no audio device: pulseaudio: ", 0) == 0, why.c_str());
    for (const char* tried : {"; pipewire: ", "; alsa: ", "; jack: "})
        QVERIFY2(why.find(tried) != std::string::npos, why.c_str());
    auto probed = probeAudioDriver();
    QVERIFY(!probed.ok());
}

namespace {
// A JACK client of the test that listens to the synth's audio outputs.
struct AudioTap {
    jack_client_t* client = nullptr;
    jack_port_t* port = nullptr;
    std::atomic<double> energy{0};
    ~AudioTap()
    {
        if (client) {
            jack_deactivate(client);
            jack_client_close(client);
        }
    }
    static int process(jack_nframes_t n, void* self)
    {
        auto* t = static_cast<AudioTap*>(self);
        const auto* in = static_cast<const float*>(jack_port_get_buffer(t->port, n));
        double e = 0;
        for (jack_nframes_t i = 0; i < n; ++i)
            e += double(in[i]) * in[i];
        t->energy = t->energy + e;
        return 0;
    }
};
} // namespace

void TestAudition::synthPlaysThroughJackDummy()
{
    JackServer jack;
    if (const QString why = jack.start("synth"); !why.isEmpty()) {
        if (why.contains("not installed"))
            QSKIP(qPrintable(why));
        QFAIL(qPrintable(why));
    }
    auto synth = openSynthOutput("", {"jack"});
    QVERIFY2(synth.ok(), synth.error().message.c_str());
    QVERIFY2((*synth)->name().find("jack") != std::string::npos, (*synth)->name().c_str());
    AudioTap tap;
    tap.client = jack_client_open("loopminer-tap", JackNoStartServer, nullptr);
    QVERIFY(tap.client);
    tap.port = jack_port_register(tap.client, "in", JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
    jack_set_process_callback(tap.client, &AudioTap::process, &tap);
    QCOMPARE(jack_activate(tap.client), 0);
    const char** outs = jack_get_ports(tap.client, "^loopminer:", JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput);
    QVERIFY2(outs && outs[0], "the synth has no JACK audio output");
    qInfo("synth audio port %s", outs[0]);
    QCOMPARE(jack_connect(tap.client, outs[0], jack_port_name(tap.port)), 0);
    jack_free(outs);
    QTest::qWait(0);
    const double before = tap.energy;
    QCOMPARE(before, 0.0); // nothing played yet: silence
    QVERIFY((*synth)->send({0xC1, 34}).ok());
    QVERIFY((*synth)->send({0x91, 40, 110}).ok());
    QVERIFY((*synth)->send({0x99, 38, 120}).ok());
    QTRY_VERIFY_WITH_TIMEOUT(tap.energy > 1.0, 10000); // a sum of squares: not silent
    qInfo("energy heard: %.1f", double(tap.energy));
    QVERIFY((*synth)->send({0xB1, 123, 0}).ok());
}

void TestAudition::cliPlayErrors()
{
    QTemporaryDir tmp;
    const QString file = tmp.filePath("loop.mid");
    QVERIFY(writeMidiFile(file.toStdString(), fixtureFile()).ok());
    checkMissingInput({"play", "missing.mid", "--synth"}, "missing.mid");
    CliRun r = runCli({"play", file, "--tempo", "fast"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("--tempo"), r.err.constData());
    r = runCli({"play", file, "--repeat", "0"});
    QCOMPARE(r.code, 2);
    r = runCli({"play", file, "--synth", "--port", "x"});
    QCOMPARE(r.code, 2);
    r = runCli({"play"});
    QCOMPARE(r.code, 2);
    // No server anywhere: a port by name and a virtual port say so.
    qputenv("JACK_DEFAULT_SERVER", "loopminer-test-none-" + QByteArray::number(QCoreApplication::applicationPid()));
    if (QFileInfo::exists("/dev/snd/seq"))
        QSKIP("this machine has an ALSA sequencer: the no-server messages are not checked");
    r = runCli({"play", file, "--port", "Nosuch Synth"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("no MIDI output named \"Nosuch Synth\""), r.err.constData());
    QVERIFY2(r.err.contains("JACK server not running"), r.err.constData());
    r = runCli({"play", file, "--virtual", "lm-none"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("no MIDI output: ALSA sequencer not available"), r.err.constData());
    r = runCli({"play", file}); // automatic: no port, no audio device
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("no audio device: pulseaudio: "), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestAudition::cliPortsJson()
{
    qputenv("JACK_DEFAULT_SERVER", "loopminer-test-none-" + QByteArray::number(QCoreApplication::applicationPid()));
    const CliRun r = runCli({"ports"});
    QCOMPARE(r.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    const QJsonArray outputs = o["outputs"].toArray();
    QVERIFY2(!outputs.isEmpty(), r.out.constData());
    const QJsonObject synth = outputs.last().toObject();
    QCOMPARE(synth["kind"].toString(), QString("synth"));
    QCOMPARE(synth["name"].toString(), QString("built-in synth"));
    QVERIFY(synth["available"].isBool());
    QVERIFY(synth["available"].toBool() ? synth["audio_driver"].isString() : synth["reason"].toString().startsWith("no audio device: "));
    if (outputs.size() == 1)
        QVERIFY2(o["midi_why_none"].toString().startsWith("no MIDI output: "), r.out.constData());
}

void TestAudition::cliPlayVirtualHeardOverJack()
{
    JackServer jack;
    if (const QString why = jack.start("cli"); !why.isEmpty()) {
        if (why.contains("not installed"))
            QSKIP(qPrintable(why));
        QFAIL(qPrintable(why));
    }
    QTemporaryDir tmp;
    const QString file = tmp.filePath("loop.mid");
    QVERIFY(writeMidiFile(file.toStdString(), fixtureFile()).ok());
    QProcess cli;
    cli.start(LM_CLI, {"play", file, "--virtual", "lm-cli-test", "--repeat", "2", "--tempo", "600"});
    QVERIFY(cli.waitForStarted(5000));

    Received received;
    RtMidiIn in(RtMidi::UNIX_JACK, "loopminer-test-in");
    QTRY_VERIFY_WITH_TIMEOUT(findPort(in, "lm-cli-test") >= 0, 10000);
    const int port = findPort(in, "lm-cli-test");
    qInfo("the CLI's port: %s", in.getPortName(unsigned(port)).c_str());
    in.setCallback(&Received::callback, &received);
    in.openPort(unsigned(port), "in");
    QVERIFY(cli.waitForFinished(30000));
    const QByteArray err = cli.readAllStandardError();
    QVERIFY2(cli.exitCode() == 0, err.constData());
    QVERIFY2(err.contains("lm-cli-test is connected"), err.constData()); // it waited for us, no longer
    const QJsonObject o = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QCOMPARE(o["loops_played"].toInt(), 2);
    QCOMPARE(o["bpm"].toDouble(), 600.0);

    // Every message of the schedule arrives in order, twice, then all-notes-off.
    const Schedule s = scheduleOfMidi(fixtureFile()).schedule;
    QStringList expected{hex(s.setup[0])};
    for (int r = 0; r < 2; ++r)
        for (const auto& e : s.events)
            expected << hex(e.message);
    expected << "b1 7b 00" << "b9 7b 00";
    QTRY_COMPARE_WITH_TIMEOUT(received.get().size(), expected.size(), 5000);
    QCOMPARE(received.get(), expected);
    in.closePort();
}

// jackd stopped under an open output: libjack's next write to the server's
// socket raised SIGPIPE, which ended the whole program (seen: exit 141 in a
// probe, and once in test_audition_ui). Now the output says what happened
// and the program goes on. Without surviveLostAudioServer() this test
// process dies here.
void TestAudition::aLostJackServerDoesNotEndTheProgram()
{
    std::optional<JackServer> jack(std::in_place);
    if (const QString why = jack->start("lost"); !why.isEmpty()) {
        if (why.contains("not installed"))
            QSKIP(qPrintable(why));
        QFAIL(qPrintable(why));
    }
    auto out = openVirtualMidiOutput("lm-lost-server");
    QVERIFY2(out.ok(), out.ok() ? "" : out.error().message.c_str());
    QVERIFY((*out)->send({0x90, 60, 100}).ok());
    jack->process.terminate(); // a clean stop: a killed jackd1 keeps its slot in the shared server registry
    QVERIFY(jack->process.waitForFinished(5000));
    jack.reset();
    for (int i = 0; i < 20; ++i) { // the client notices the server's end in its own thread
        (void)(*out)->send({0x80, 60, 0});
        QTest::qWait(20);
    }
    out->reset(); // closing the port writes to the dead server too
    std::string why;
    QVERIFY(listMidiOutputs(&why).empty() || why.empty());
    auto again = openMidiOutput("lm-lost-server");
    QVERIFY(!again.ok());
    QVERIFY2(again.error().message.find("no MIDI output named") != std::string::npos, again.error().message.c_str());
}

QTEST_GUILESS_MAIN(TestAudition)
#include "test_audition.moc"
