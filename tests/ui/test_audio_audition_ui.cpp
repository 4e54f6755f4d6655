// Audio pieces in the audition (issue 14 item 4), driven as a user does: an
// audio piece's window chosen in the real window, Space plays its eight bars
// as sound, looping at the bar line; Right on the strip takes the next window
// over at the next bar line; Space stops. The sound goes into a recording
// sink that pulls from the audition's device as a sound card would (no sound
// card in CI); with the real default output and no device, it is said once.
#include "../core/AudioFixtures.h"
#include "GuiFixtures.h"

#include "core/audio/AudioLoop.h"
#include "core/playback/PlayerClock.h"
#include "ui/LibraryPanel.h"
#include "ui/MainWindow.h"
#include "ui/audition/Audition.h"
#include "ui/audition/Transport.h"
#include "ui/views/PianoRollView.h"
#include "ui/views/PieceView.h"
#include "ui/views/SsmView.h"

#include <QAudioDevice>
#include <QCheckBox>
#include <QLineEdit>
#include <QMediaDevices>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>

using namespace lm;

namespace {

struct Recorder {
    QIODevice* source = nullptr;
    int opened = 0;
    int stops = 0;
    int rate = 0, channels = 0;
    // Pulls `frames` frames in odd-sized reads, as a sound card's callbacks would.
    QByteArray pull(qint64 frames)
    {
        static const qint64 sizes[] = {997, 1, 4093, 13, 2};
        QByteArray out;
        const qint64 frameBytes = qint64(sizeof(float)) * channels;
        for (int i = 0; source && out.size() < frames * frameBytes; ++i) {
            const qint64 want = std::min(sizes[i % 5], frames - out.size() / frameBytes);
            const QByteArray got = source->read(want * frameBytes);
            if (got.isEmpty())
                break; // the end of a single pass
            out += got;
        }
        return out;
    }
};

class RecordingOut final : public ui::AudioOut {
public:
    explicit RecordingOut(Recorder& r) : r_(r)
    {
        format_.setSampleRate(r.rate);
        format_.setChannelCount(r.channels);
        format_.setSampleFormat(QAudioFormat::Float);
    }
    QAudioFormat format() const override { return format_; }
    void start(QIODevice* source) override { r_.source = source; }
    void stop() override
    {
        r_.source = nullptr;
        ++r_.stops;
    }
    qint64 bufferedFrames() const override { return 0; }
    bool idle() const override { return true; }
    QString failure() const override { return {}; }
    QString name() const override { return QStringLiteral("recording sink"); }

private:
    Recorder& r_;
    QAudioFormat format_;
};

class CountingOutput final : public MidiOutput {
public:
    explicit CountingOutput(std::atomic<int>& sent) : sent_(sent) {}
    Result<bool> send(const std::vector<uint8_t>&) override
    {
        ++sent_;
        return true;
    }
    std::string name() const override { return "counting"; }

private:
    std::atomic<int>& sent_;
};

QByteArray bytesOf(const std::vector<float>& samples, int64_t firstFrame, int64_t frames, int channels)
{
    return QByteArray(reinterpret_cast<const char*>(samples.data() + firstFrame * channels),
                      qsizetype(frames * channels * qint64(sizeof(float))));
}

} // namespace

class TestAudioAuditionUi : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    QString music_;
    QString song_;

    // The window with the library imported and the audio piece's first window shown.
    void showSong(ui::MainWindow& w, const QString& db)
    {
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath(db)));
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        test::importAndWait(w, music_);
        QTest::keyClicks(w.libraryPanel()->filterEdit(), "song");
        w.libraryPanel()->selectRow(0);
        QTRY_COMPARE(w.pieceView()->currentFile(), song_);
        QTRY_VERIFY(!w.pieceView()->loading() && w.pieceView()->isAudio());
        QCOMPARE(w.pieceView()->selectedWindow(), 0);
        w.pieceView()->ssmView()->setFocus(Qt::TabFocusReason);
    }

private Q_SLOTS:
    void initTestCase()
    {
        music_ = test::setUpCollection(tmp_.path(), 3, 7);
        song_ = music_ + "/song.wav";
        // Every bar its own tone (a wrong cut or a wrong bar line shows), stereo, float samples.
        QVERIFY(test::writeAudio(song_.toStdString(), test::toChannels(test::changingBars(120, 16, 22050), 2), 2, 22050,
                                 SF_FORMAT_WAV | SF_FORMAT_FLOAT));
    }

    // An output that takes no floats gets 16-bit samples of the same loop.
    void loopDeviceGivesSixteenBitWhereFloatIsNotTaken()
    {
        auto loop = readAudioLoop(song_.toStdString(), 120, 0, 0);
        QVERIFY(loop.ok());
        auto shared = std::make_shared<const AudioLoop>(*loop);
        QAudioFormat format;
        format.setSampleRate(22050);
        format.setChannelCount(2);
        format.setSampleFormat(QAudioFormat::Int16);
        ui::LoopDevice device(std::make_shared<AudioLoopReader>(shared), format);
        const int64_t n = shared->frames();
        QByteArray got;
        while (got.size() < (n + 10) * 4)
            got += device.read(std::min<qint64>(4093 * 4, (n + 10) * 4 - got.size()));
        QCOMPARE(got.size(), qsizetype((n + 10) * 4));
        std::vector<int16_t> values(size_t(got.size() / 2));
        std::memcpy(values.data(), got.constData(), size_t(got.size()));
        for (int64_t i = 0; i < (n + 10) * 2; ++i) {
            const float x = shared->samples[size_t(i % (n * 2))]; // wraps at the loop's end
            QCOMPARE(values[size_t(i)], int16_t(std::lround(std::clamp(x, -1.0f, 1.0f) * 32767.0f)));
        }
    }

    void spacePlaysTheWindowLoopedRightSwitchesAtTheBarSpaceStops()
    {
        QSettings().remove(QStringLiteral("audition"));
        ui::MainWindow w;
        Recorder rec;
        w.audition()->setAudioOutFactory([&](int rate, int channels) -> Result<std::unique_ptr<ui::AudioOut>> {
            ++rec.opened;
            rec.rate = rate;
            rec.channels = channels;
            return std::unique_ptr<ui::AudioOut>(new RecordingOut(rec));
        });
        showSong(w, "a.sqlite");
        ui::PieceView* piece = w.pieceView();
        const auto grid = piece->audioGrid();
        QVERIFY(grid.has_value());
        auto loop = readAudioLoop(song_.toStdString(), grid->first, grid->second, 0);
        QVERIFY(loop.ok());
        const int64_t n = loop->frames();
        QVERIFY(n > 8 * 22050); // eight bars of about 2 s

        QSignalSpy playing(w.audition(), &ui::Audition::playingChanged);
        QTest::keyClick(piece->ssmView(), Qt::Key_Space);
        QCOMPARE(playing.count(), 1);
        QVERIFY(w.audition()->playing());
        QVERIFY(w.transport()->playButton()->isChecked());
        QTRY_VERIFY(rec.source != nullptr); // decoded as a job, then handed to the sink
        QCOMPARE(rec.opened, 1);
        QCOMPARE(rec.rate, 22050);
        QCOMPARE(rec.channels, 2);
        QTRY_COMPARE(w.statusBar()->currentMessage(), QString("Playing into recording sink"));

        // Half way through bar 3 (the third bar): the playhead on the roll and the strip.
        const int64_t into = loop->barStarts[2] + (loop->barStarts[3] - loop->barStarts[2]) / 2 + 1;
        QByteArray got = rec.pull(into);
        QTRY_COMPARE(piece->rollView()->playhead(), 2 * 16 + 8);
        QCOMPARE(piece->ssmView()->playhead(), 2 * 16 + 8);
        // Three whole loops: the window's samples three times, no gap at the bar line.
        got += rec.pull(3 * n - into);
        QByteArray three;
        for (int i = 0; i < 3; ++i)
            three += bytesOf(loop->samples, 0, n, 2);
        QCOMPARE(got.size(), three.size());
        QVERIFY(got == three);

        // Half a bar on, Right: the next window takes over at the next bar line.
        const int64_t half = loop->barStarts[1] / 2;
        rec.pull(half);
        QTest::keyClick(piece->ssmView(), Qt::Key_Right);
        QCOMPARE(piece->selectedWindow(), 1);
        QTRY_VERIFY(w.audition()->audioAudition()->reader()->switchPending());
        QCOMPARE(w.audition()->switchesQueued(), 1);
        auto next = readAudioLoop(song_.toStdString(), grid->first, grid->second, 1);
        QVERIFY(next.ok());
        const int64_t rest = loop->barStarts[1] - half;
        const QByteArray after = rec.pull(rest + 3000);
        QCOMPARE(after.left(int(rest * 2 * sizeof(float))), bytesOf(loop->samples, half, rest, 2));
        QCOMPARE(after.mid(int(rest * 2 * sizeof(float))), bytesOf(next->samples, 0, 3000, 2));
        QCOMPARE(rec.opened, 1); // the same output plays on

        // Space again: stopped, the sink let go, the playheads gone.
        QTest::keyClick(piece->ssmView(), Qt::Key_Space);
        QVERIFY(!w.audition()->playing());
        QCOMPARE(playing.count(), 2);
        QVERIFY(rec.source == nullptr);
        QCOMPARE(rec.stops, 1);
        QVERIFY(!w.transport()->playButton()->isChecked());
        QCOMPARE(piece->rollView()->playhead(), -1);
        QCOMPARE(piece->ssmView()->playhead(), -1);
    }

    // From an audio piece to a MIDI piece while playing and back: there is
    // no common bar line, so the other kind starts at once on its own output.
    void switchingBetweenAudioAndMidiPieces()
    {
        QSettings().remove(QStringLiteral("audition"));
        ui::MainWindow w;
        Recorder rec;
        w.audition()->setAudioOutFactory([&](int rate, int channels) -> Result<std::unique_ptr<ui::AudioOut>> {
            ++rec.opened;
            rec.rate = rate;
            rec.channels = channels;
            return std::unique_ptr<ui::AudioOut>(new RecordingOut(rec));
        });
        std::atomic<int> midiSent{0};
        w.audition()->setClock(std::make_shared<VirtualPlayerClock>());
        w.audition()->setOutputFactory([&](const OutputChoice&) -> Result<std::unique_ptr<MidiOutput>> {
            return std::unique_ptr<MidiOutput>(new CountingOutput(midiSent));
        });
        showSong(w, "mixed.sqlite");
        QTest::keyClick(w.pieceView()->ssmView(), Qt::Key_Space);
        QTRY_VERIFY(rec.source != nullptr);
        QVERIFY(!rec.pull(1000).isEmpty());

        w.libraryPanel()->filterEdit()->clear();
        QTest::keyClicks(w.libraryPanel()->filterEdit(), ".mid");
        w.libraryPanel()->selectRow(0);
        QTRY_VERIFY(!w.pieceView()->loading() && !w.pieceView()->isAudio() && w.pieceView()->selectedWindow() >= 0);
        QTRY_COMPARE(w.audition()->outputName(), QString("counting"));
        QVERIFY(w.audition()->playing());
        QCOMPARE(rec.stops, 1); // the sink let go
        QVERIFY(rec.source == nullptr);
        QTRY_VERIFY(midiSent > 0); // the MIDI loop's step 0 (program and notes at time 0)

        w.libraryPanel()->filterEdit()->clear();
        QTest::keyClicks(w.libraryPanel()->filterEdit(), "song");
        w.libraryPanel()->selectRow(0);
        QTRY_VERIFY(!w.pieceView()->loading() && w.pieceView()->isAudio());
        QTRY_VERIFY(rec.source != nullptr);
        QCOMPARE(rec.opened, 2);
        QVERIFY(w.audition()->playing());
        QCOMPARE(w.audition()->outputName(), QString("recording sink"));
        QTest::keyClick(w.pieceView()->ssmView(), Qt::Key_Space);
        QVERIFY(!w.audition()->playing());
        QSettings().remove(QStringLiteral("audition"));
    }

    void loopOffPlaysOnceAndStops()
    {
        QSettings().remove(QStringLiteral("audition"));
        ui::MainWindow w;
        Recorder rec;
        w.audition()->setAudioOutFactory([&](int rate, int channels) -> Result<std::unique_ptr<ui::AudioOut>> {
            rec.rate = rate;
            rec.channels = channels;
            return std::unique_ptr<ui::AudioOut>(new RecordingOut(rec));
        });
        showSong(w, "once.sqlite");
        QTest::mouseClick(w.transport()->loopBox(), Qt::LeftButton, {}, QPoint(5, 5));
        QVERIFY(!w.transport()->loopBox()->isChecked());
        w.pieceView()->ssmView()->setFocus(Qt::TabFocusReason);
        const auto grid = w.pieceView()->audioGrid();
        auto loop = readAudioLoop(song_.toStdString(), grid->first, grid->second, 0);
        QVERIFY(loop.ok());
        QTest::keyClick(w.pieceView()->ssmView(), Qt::Key_Space);
        QTRY_VERIFY(rec.source != nullptr);
        // The tempo box does not stretch audio: the tooltip says so, and the status bar once.
        QVERIFY(w.transport()->ownTempoBox()->toolTip().contains("audio pieces play at their own tempo"));
        QSignalSpy said(w.audition(), &ui::Audition::message);
        for (int i = 0; i < 3; ++i)
            QTest::mouseClick(w.transport()->ownTempoBox(), Qt::LeftButton, {}, QPoint(5, 5));
        QCOMPARE(said.count(), 1);
        QCOMPARE(said.first().at(0).toString(), QString("Audio pieces play at their own tempo: the tempo box applies to MIDI loops"));
        QCOMPARE(w.audition()->tempo(), grid->first);
        const QByteArray all = rec.pull(loop->frames() + 500);
        QCOMPARE(all, bytesOf(loop->samples, 0, loop->frames(), 2)); // once, then nothing
        QTRY_VERIFY(!w.audition()->playing());
        QVERIFY(!w.transport()->playButton()->isChecked());
        QSettings().remove(QStringLiteral("audition"));
    }

    // The real QAudioSink on the default output, where there is one (a
    // developer's machine; a PulseAudio null sink): it pulls the loop, the
    // playhead moves on, Space stops. Skipped where there is no device (CI).
    void realDefaultOutputPlays()
    {
        if (QMediaDevices::defaultAudioOutput().isNull())
            QSKIP("no audio output device here (the recording sink above stands in)");
        QSettings().remove(QStringLiteral("audition"));
        ui::MainWindow w;
        showSong(w, "real.sqlite");
        QTest::keyClick(w.pieceView()->ssmView(), Qt::Key_Space);
        QVERIFY2(w.audition()->playing(), qPrintable(w.statusBar()->currentMessage()));
        QTRY_VERIFY(w.audition()->audioAudition()->sounding());
        QCOMPARE(w.audition()->outputName(), QMediaDevices::defaultAudioOutput().description());
        QTRY_VERIFY_WITH_TIMEOUT(w.pieceView()->rollView()->playhead() >= 4, 10000); // a quarter bar heard
        const int at = w.pieceView()->rollView()->playhead();
        QTRY_VERIFY_WITH_TIMEOUT(w.pieceView()->rollView()->playhead() != at, 10000);
        QVERIFY(w.audition()->playing());
        QTest::keyClick(w.pieceView()->ssmView(), Qt::Key_Space);
        QVERIFY(!w.audition()->playing());
        QCOMPARE(w.pieceView()->rollView()->playhead(), -1);
    }

    // The real default output: where there is no audio device (CI, this
    // machine), Space says so once in the status bar and nothing breaks.
    void noAudioDeviceIsSaidOnce()
    {
        if (!QMediaDevices::defaultAudioOutput().isNull())
            QSKIP("this machine has an audio output device");
        QSettings().remove(QStringLiteral("audition"));
        ui::MainWindow w;
        showSong(w, "b.sqlite");
        QSignalSpy said(w.audition(), &ui::Audition::message);
        QTest::keyClick(w.pieceView()->ssmView(), Qt::Key_Space);
        QVERIFY(!w.audition()->playing());
        QCOMPARE(w.statusBar()->currentMessage(), QString("No sound for audio pieces: no audio output device"));
        QTest::keyClick(w.pieceView()->ssmView(), Qt::Key_Space);
        QCOMPARE(said.count(), 1); // once, not at every press
        QVERIFY(!w.transport()->playButton()->isChecked());
        QTest::keyClick(w.pieceView()->ssmView(), Qt::Key_Right); // browsing goes on
        QCOMPARE(w.pieceView()->selectedWindow(), 1);
    }
};

QTEST_MAIN(TestAudioAuditionUi)
#include "test_audio_audition_ui.moc"
