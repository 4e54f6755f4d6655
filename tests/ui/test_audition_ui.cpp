// The audition in the window, driven as a user does (issue 14 item 5): choose
// a loop, Space plays it (the transport says so, the playhead moves on the
// roll and the strip), Down chooses the next loop and it takes over at the
// bar line, Space stops with all-notes-off. The output is a recording one and
// the clock virtual (no sound card in CI; the real outputs and their choice
// are tested in test_audition); a missing output is said once.
#include "../core/JackFixture.h"
#include "GuiFixtures.h"

#include "core/playback/PlayerClock.h"
#include "core/playback/Schedule.h"
#include "ui/LoopsPanel.h"
#include "ui/MainWindow.h"
#include "ui/audition/Audition.h"
#include "ui/audition/Transport.h"
#include "ui/views/PianoRollView.h"
#include "ui/views/PieceView.h"
#include "ui/views/SsmView.h"

#include <QCheckBox>
#include <QAbstractItemView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <mutex>

using namespace lm;

namespace {

struct Log {
    std::mutex m;
    std::vector<std::pair<int64_t, QString>> sent; // (ns on the virtual clock, bytes)
    std::vector<std::pair<int64_t, QString>> get()
    {
        std::lock_guard<std::mutex> lock(m);
        return sent;
    }
};

QString hex(const std::vector<uint8_t>& m)
{
    QStringList b;
    for (uint8_t v : m)
        b << QString::asprintf("%02x", v);
    return b.join(' ');
}

class RecordingOutput final : public MidiOutput {
public:
    RecordingOutput(Log& log, std::shared_ptr<PlayerClock> clock) : log_(log), clock_(std::move(clock)) {}
    Result<bool> send(const std::vector<uint8_t>& m) override
    {
        std::lock_guard<std::mutex> lock(log_.m);
        log_.sent.push_back({clock_->now().count(), hex(m)});
        return true;
    }
    std::string name() const override { return "recording"; }

private:
    Log& log_;
    std::shared_ptr<PlayerClock> clock_;
};

// The messages at times in [from, to).
QStringList between(const std::vector<std::pair<int64_t, QString>>& sent, PlayerTime from, PlayerTime to)
{
    QStringList out;
    for (const auto& [t, m] : sent)
        if (t >= from.count() && t < to.count())
            out << QString::number(t) + ": " + m;
    return out;
}

// A schedule's events at steps [first, last] as they would be sent from `origin`.
QStringList expected(const Schedule& s, int first, int last, PlayerTime origin, double bpm)
{
    QStringList out;
    for (const auto& e : s.events)
        if (e.step >= first && e.step <= last)
            out << QString::number((origin + stepsToTime(e.step, bpm)).count()) + ": " + hex(e.message);
    return out;
}

} // namespace

class TestAuditionUi : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    QString music_;

private Q_SLOTS:
    void initTestCase() { music_ = test::setUpCollection(tmp_.path(), 6, 5); }

    void spacePlaysDownSwitchesAtTheBarSpaceStops()
    {
        QSettings().remove(QStringLiteral("audition"));
        ui::MainWindow w;
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath("a.sqlite")));
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        test::importAndWait(w, music_);
        auto clock = std::make_shared<VirtualPlayerClock>();
        Log log;
        ui::Audition* audition = w.audition();
        audition->setClock(clock);
        audition->setOutputFactory([&](const OutputChoice&) -> Result<std::unique_ptr<MidiOutput>> {
            return std::unique_ptr<MidiOutput>(new RecordingOutput(log, clock));
        });

        // Choose the first loop in the loops panel.
        QVERIFY(w.showPanel("loops"));
        QTableView* table = w.loopsPanel()->table();
        QTRY_VERIFY(table->model()->rowCount() > 2);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Down);
        QTRY_VERIFY(!w.pieceView()->loading() && w.pieceView()->selectedWindow() >= 0);
        const auto first = w.pieceView()->shownLoop();
        QCOMPARE(first.steps.size(), size_t(128));

        QSignalSpy playing(audition, &ui::Audition::playingChanged);
        QTest::keyClick(table, Qt::Key_Space);
        QCOMPARE(playing.count(), 1);
        QVERIFY(audition->playing());
        QToolButton* play = w.transport()->playButton();
        QVERIFY(play->isChecked());
        QVERIFY(play->text().contains("Stop"));
        const double bpm = audition->tempo();
        QCOMPARE(bpm, first.bpm);

        // The playhead follows the player on the roll and on the strip.
        QVERIFY(clock->advanceTo(stepsToTime(5, bpm)));
        QTRY_COMPARE(w.pieceView()->rollView()->playhead(), 5);
        QCOMPARE(w.pieceView()->ssmView()->playhead(), 5);
        QVERIFY(clock->advanceTo(stepsToTime(9, bpm)));
        QTRY_COMPARE(w.pieceView()->rollView()->playhead(), 9);

        // Down: the next loop is shown at once and plays from the next bar line.
        QTest::keyClick(table, Qt::Key_Down);
        QTRY_VERIFY(!w.pieceView()->loading());
        QTRY_COMPARE(audition->switchesQueued(), 1);
        const auto second = w.pieceView()->shownLoop();
        QVERIFY(second.steps != first.steps);
        const PlayerTime bar = stepsToTime(16, bpm);
        QVERIFY(clock->advanceTo(bar - PlayerTime(1)));
        const Schedule a = scheduleOfRoll(first.steps), b = scheduleOfRoll(second.steps);
        // Until the bar line: the first loop's steps 0-15 (its program first).
        QCOMPARE(between(log.get(), PlayerTime(0), bar), QStringList{"0: " + hex(a.setup[0])} + expected(a, 0, 15, PlayerTime(0), bpm));
        QVERIFY(clock->advanceTo(bar + stepsToTime(3, bpm)));
        QTRY_COMPARE(w.pieceView()->rollView()->playhead(), 3);
        // From the bar line: the second loop from its step 0 (after note-offs of what sounded).
        QStringList fromBar = between(log.get(), bar, bar + stepsToTime(4, bpm));
        while (!fromBar.isEmpty() && fromBar.front().contains(": 8"))
            fromBar.pop_front(); // notes of the first loop still sounding, turned off
        QCOMPARE(fromBar, QStringList{QString::number(bar.count()) + ": " + hex(b.setup[0])} + expected(b, 0, 3, bar, bpm));

        // Space again: stopped, all-notes-off sent, the playheads gone.
        const size_t before = log.get().size();
        QTest::keyClick(table, Qt::Key_Space);
        QVERIFY(!audition->playing());
        QCOMPARE(playing.count(), 2);
        QVERIFY(!play->isChecked());
        QCOMPARE(w.pieceView()->rollView()->playhead(), -1);
        QCOMPARE(w.pieceView()->ssmView()->playhead(), -1);
        QStringList tail;
        for (size_t i = before; i < log.get().size(); ++i)
            tail << log.get()[i].second;
        QVERIFY2(tail.contains("b9 7b 00"), qPrintable(tail.join(", ")));
    }

    // The transport's own tempo and MIDI clock reach the player: the box's
    // tempo from the start, the piece's again from the next bar line when it
    // is unticked; with "MIDI clock" ticked the first message is Start.
    void ownTempoAndClockFromTheTransport()
    {
        QSettings().remove(QStringLiteral("audition"));
        ui::MainWindow w;
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath("t.sqlite")));
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        test::importAndWait(w, music_);
        auto clock = std::make_shared<VirtualPlayerClock>();
        Log log;
        w.audition()->setClock(clock);
        w.audition()->setOutputFactory([&](const OutputChoice&) -> Result<std::unique_ptr<MidiOutput>> {
            return std::unique_ptr<MidiOutput>(new RecordingOutput(log, clock));
        });
        QVERIFY(w.showPanel("loops"));
        QTableView* table = w.loopsPanel()->table();
        QTRY_VERIFY(table->model()->rowCount() > 0);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Down);
        QTRY_VERIFY(!w.pieceView()->loading() && w.pieceView()->selectedWindow() >= 0);
        const double pieceBpm = w.pieceView()->shownLoop().bpm;
        QCOMPARE(w.transport()->tempoSpin()->value(), std::round(pieceBpm * 10) / 10);
        QVERIFY(!w.transport()->tempoSpin()->isEnabled());
        QTest::mouseClick(w.transport()->ownTempoBox(), Qt::LeftButton, {}, QPoint(5, 5));
        QVERIFY(w.transport()->tempoSpin()->isEnabled());
        w.transport()->tempoSpin()->setValue(90);
        QTest::mouseClick(w.transport()->clockBox(), Qt::LeftButton, {}, QPoint(5, 5));
        QVERIFY(w.transport()->clockBox()->isChecked());
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Space);
        QVERIFY(w.audition()->playing());
        QCOMPARE(w.audition()->tempo(), 90.0);
        QVERIFY(clock->advanceTo(stepsToTime(4, 90)));
        QCOMPARE(log.get().front().second, QString("fa"));
        int pulses = 0;
        for (const auto& [t, m] : log.get())
            pulses += m == "f8";
        QCOMPARE(pulses, 4 * 6 + 1); // 24 ppqn: six a 16th, and the one at step 4
        QTest::mouseClick(w.transport()->ownTempoBox(), Qt::LeftButton, {}, QPoint(5, 5)); // the piece's tempo again
        QCOMPARE(w.audition()->tempo(), 90.0);  // until the bar line
        QVERIFY(clock->advanceTo(stepsToTime(16, 90)));
        QCOMPARE(w.audition()->tempo(), std::clamp(pieceBpm, 1.0, 1000.0));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Space);
        QVERIFY(!w.audition()->playing());
        QVERIFY(log.get().back().second == "b9 7b 00" || log.get().back().second == "b1 7b 00");
        bool stopSent = false;
        for (const auto& [t, m] : log.get())
            stopSent = stopSent || m == "fc";
        QVERIFY(stopSent);
        QSettings().remove(QStringLiteral("audition"));
    }

    void noOutputIsSaidOnceAndNothingBreaks()
    {
        QSettings().remove(QStringLiteral("audition"));
        ui::MainWindow w;
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath("b.sqlite")));
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        test::importAndWait(w, music_);
        int asked = 0;
        QString askedFor;
        w.audition()->setOutputFactory([&](const OutputChoice& c) -> Result<std::unique_ptr<MidiOutput>> {
            ++asked;
            askedFor = QString::fromStdString(c.key());
            return Error{"", -1, "no MIDI output: JACK server not running; no audio device: pulseaudio: no server; alsa: no card"};
        });
        QVERIFY(w.showPanel("loops"));
        QTableView* table = w.loopsPanel()->table();
        QTRY_VERIFY(table->model()->rowCount() > 0);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Down);
        QTRY_VERIFY(!w.pieceView()->loading() && w.pieceView()->selectedWindow() >= 0);
        QSignalSpy said(w.audition(), &ui::Audition::message);
        QTest::keyClick(table, Qt::Key_Space);
        QVERIFY(!w.audition()->playing());
        QCOMPARE(w.statusBar()->currentMessage(), QString("No sound: no MIDI port to play into, and no audio device for the "
                                                          "built-in synth (tried pulseaudio, pipewire, alsa, jack)"));
        QTest::keyClick(table, Qt::Key_Space);
        QCOMPARE(asked, 2);
        QCOMPARE(askedFor, QString("auto")); // no port chosen: the automatic rule
        QCOMPARE(said.count(), 1); // once, not at every press
        QVERIFY(!w.transport()->playButton()->isChecked());
        QTest::keyClick(table, Qt::Key_Down); // browsing goes on
        QTRY_VERIFY(!w.pieceView()->loading());
    }

    // The real path in the window's process (which links LibTorch): with a
    // JACK server up, the transport lists JACK's ports and Space plays into
    // a virtual JACK port that an RtMidi input of the test hears. (libjack's
    // client threads crashed here before JackThreadStacks.cpp.)
    void realVirtualPortOverJackInTheWindow()
    {
        test::JackServer jack;
        if (const QString why = jack.start("ui"); !why.isEmpty()) {
            if (why.contains("not installed"))
                QSKIP(qPrintable(why));
            QFAIL(qPrintable(why));
        }
        QSettings().setValue(QStringLiteral("audition/output"), QStringLiteral("virtual:lm-ui-test"));
        ui::MainWindow w;
        w.setShowImportReport(false);
        QVERIFY(w.openLibrary(tmp_.filePath("c.sqlite")));
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        test::importAndWait(w, music_);
        QVERIFY(w.showPanel("loops"));
        QTableView* table = w.loopsPanel()->table();
        QTRY_VERIFY(table->model()->rowCount() > 0);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Down);
        QTRY_VERIFY(!w.pieceView()->loading() && w.pieceView()->selectedWindow() >= 0);
        // A synth that appears after the window opened is listed when the list is opened.
        QComboBox* combo = w.transport()->outputCombo();
        QCOMPARE(combo->findText("lm-late-synth", Qt::MatchContains), -1);
        RtMidiIn lateSynth(RtMidi::UNIX_JACK, "lm-late-synth");
        lateSynth.openVirtualPort("lm-late-synth");
        QTest::mouseClick(combo, Qt::LeftButton);
        QVERIFY(combo->findText("lm-late-synth", Qt::MatchContains) >= 0);
        QCOMPARE(combo->currentData().toString(), QString("virtual:lm-ui-test")); // the choice kept
        QTest::keyClick(combo->view(), Qt::Key_Escape);
        w.transport()->ownTempoBox()->click();
        w.transport()->tempoSpin()->setValue(400); // a fast pass
        w.transport()->loopBox()->setChecked(false);
        QTest::keyClick(table, Qt::Key_Space);
        QVERIFY2(w.audition()->playing(), qPrintable(w.statusBar()->currentMessage()));
        QVERIFY(w.audition()->outputName().contains("lm-ui-test"));
        // The window plays on while nothing listens; connect, then play the loop once more.
        QTest::keyClick(table, Qt::Key_Space);
        test::Received received;
        RtMidiIn in(RtMidi::UNIX_JACK, "loopminer-ui-test-in");
        const int port = test::findPort(in, "lm-ui-test");
        QVERIFY(port >= 0);
        in.setCallback(&test::Received::callback, &received);
        in.openPort(unsigned(port), "in");
        QTest::keyClick(table, Qt::Key_Space);
        QVERIFY(w.audition()->playing());
        QTRY_VERIFY_WITH_TIMEOUT(!w.audition()->playing(), 20000); // loop off: one pass, then it stops
        const Schedule s = scheduleOfRoll(w.pieceView()->shownLoop().steps);
        QStringList ons, heard;
        for (const auto& e : s.events)
            if ((e.message[0] & 0xF0) == 0x90)
                ons << hex(e.message);
        QTRY_VERIFY_WITH_TIMEOUT(received.get().contains("b9 7b 00"), 5000);
        for (const QString& m : received.get())
            if (m.startsWith("9"))
                heard << m;
        QCOMPARE(heard, ons);
        in.closePort();
        QSettings().remove(QStringLiteral("audition"));
    }

    void theOutputChoiceIsRemembered()
    {
        QSettings().remove(QStringLiteral("audition"));
        {
            ui::MainWindow w;
            QComboBox* combo = w.transport()->outputCombo();
            QCOMPARE(combo->currentData().toString(), QString("auto"));
            QCOMPARE(QString::fromStdString(w.audition()->outputChoice().key()), QString("auto"));
            w.show();
            combo->setFocus();
            QTest::keyClick(combo, Qt::Key_Down); // the built-in synth
            QCOMPARE(combo->currentData().toString(), QString("synth"));
            QCOMPARE(QString::fromStdString(w.audition()->outputChoice().key()), QString("synth"));
            QTest::keyClick(combo, Qt::Key_Down); // the virtual port
            QCOMPARE(QString::fromStdString(w.audition()->outputChoice().key()), QString("virtual:loopminer"));
        }
        ui::MainWindow again;
        QCOMPARE(again.transport()->outputCombo()->currentData().toString(), QString("virtual:loopminer"));
        QCOMPARE(QString::fromStdString(again.audition()->outputChoice().key()), QString("virtual:loopminer"));
        // A port that is not there now stays the choice, marked.
        QSettings().setValue(QStringLiteral("audition/output"), QStringLiteral("port:Gone Synth"));
        ui::MainWindow third;
        QVERIFY(third.transport()->outputCombo()->currentText().contains("Gone Synth (not found now)"));
        QCOMPARE(QString::fromStdString(third.audition()->outputChoice().key()), QString("port:Gone Synth"));
        QSettings().remove(QStringLiteral("audition"));
    }
};

QTEST_MAIN(TestAuditionUi)
#include "test_audition_ui.moc"
