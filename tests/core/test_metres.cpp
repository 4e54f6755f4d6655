// Every metre (method.md 10.2) and the keys voice (issue 18, items 2 and 3),
// from hand-made files whose windows, cells and correlations are worked out
// here by hand: 3/4, 6/8, 7/8, a 4/4 -> 3/4 change, and a keys part read by
// GM program family, polyphonic, in rows C3..B6.
#include "MidiBytes.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/io/MidiReader.h"
#include "core/io/MidiWriter.h"
#include "core/library/PieceDisplay.h"
#include "core/model/LoopFormat.h"
#include "core/playback/Schedule.h"

#include <QTemporaryDir>
#include <algorithm>
#include <QtTest>

using namespace lm;
using namespace lm::test;

namespace {

constexpr uint64_t kStep = 120; // ticks of a 16th at tpq 480

int bassRow(int pitch) { return format::kDrumRows + pitch - format::kBassLowestPitch; }

// A drum hit (a 32nd long) at `step` on channel 10 of track 1.
void hit(SongBuilder& b, int pitch, int64_t step) { b.note(1, 9, pitch, uint64_t(step) * kStep, uint64_t(step) * kStep + 60); }
// A bass note on channel 2 of track 2 sounding steps [from, to).
void bass(SongBuilder& b, int pitch, int64_t from, int64_t to)
{
    b.note(2, 1, pitch, uint64_t(from) * kStep, uint64_t(to) * kStep);
}

// Puts the file's end of track on `step` (a text event there; SongBuilder ends each track at its last event).
void endAt(SongBuilder& b, int64_t step) { b.track(0).events.push_back(MidiEvent::meta(uint64_t(step) * kStep, meta::Text, "end")); }

// The 28 correlations of 8 bars all equal but bar `odd`, which differs from
// each of the others by d cells: d / (max d + 1e-5) with max d = d.
WindowCorrelation oneOddBar(int odd, double d)
{
    WindowCorrelation c{};
    int k = 0;
    for (int i = 0; i < 8; ++i)
        for (int j = i + 1; j < 8; ++j)
            c[size_t(k++)] = (i == odd || j == odd) ? 1.0 - d / (d + 1e-5) : 1.0;
    return c;
}

void compareCorrelation(const WindowCorrelation& got, const WindowCorrelation& want)
{
    for (size_t k = 0; k < got.size(); ++k)
        QVERIFY2(std::abs(got[k] - want[k]) <= 1e-9, qPrintable(QString("value %1: %2, not %3").arg(k).arg(got[k]).arg(want[k])));
}

// 10 bars of 3/4: kick on each beat, hats on eighths, bass pitch 36 on the first beat
// (pitch 38 in bar 3, so that bar 3 differs from the others by 8 cells).
MidiFile threeFour()
{
    SongBuilder b(480);
    b.timeSig(3, 4);
    b.program(2, 1, 33);
    for (int bar = 0; bar < 10; ++bar) {
        const int64_t base = bar * 12;
        for (int beat = 0; beat < 3; ++beat)
            hit(b, 36, base + 4 * beat);
        for (int e = 0; e < 6; ++e)
            hit(b, 42, base + 2 * e);
        bass(b, bar == 3 ? 38 : 36, base, base + 4);
    }
    return b.build();
}

} // namespace

class TestMetres : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void threeFourGivesWindowsOfTwelveStepBars()
    {
        const PieceAnalysis a = analysePiece(threeFour());
        QVERIFY2(a.usable, a.reason.c_str());
        QVERIFY(!a.allFourFour);
        QCOMPARE(a.markedSteps, int64_t(119)); // the last hat: bar 9, step 10
        QCOMPARE(a.barStarts, (std::vector<int64_t>{0, 12, 24, 36, 48, 60, 72, 84, 96, 108}));
        const auto windows = computeWindows(a);
        QCOMPARE(windows.size(), size_t(2)); // 12b + 96 <= 119: b = 0, 1
        for (int i = 0; i < 2; ++i) {
            const WindowInfo& w = windows[size_t(i)];
            QCOMPARE(w.startBar, int64_t(i));
            QCOMPARE(w.firstStep, int64_t(12 * i));
            QCOMPARE(w.barSteps, 12);
            QCOMPARE(w.numerator, 3);
            QCOMPARE(w.denominator, 4);
            QCOMPARE(w.drumCells, int64_t(8 * 9)); // 3 kicks + 6 hats a bar
            QCOMPARE(w.bassCells, int64_t(8 * 4));
            QVERIFY(w.kept); // 72 and 32 cells: the rule's 32 each
            compareCorrelation(w.correlation, oneOddBar(3 - i, 8));
        }
        // The window's roll: 8 bars of 12 steps, cell by cell where it matters.
        const auto steps = windowSteps(a, 1);
        QCOMPARE(steps.size(), size_t(96));
        const uint64_t kick = 1u << 0, hat = 1u << 2;
        const uint64_t b36 = uint64_t(1) << bassRow(36), b38 = uint64_t(1) << bassRow(38);
        QCOMPARE(steps[0], kick | hat | b36);
        QCOMPARE(steps[1], b36);
        QCOMPARE(steps[2], hat | b36);
        QCOMPARE(steps[4], kick | hat);
        QCOMPARE(steps[11], uint64_t(0));
        QCOMPARE(steps[24], kick | hat | b38); // bar 3 of the piece is the window's third bar
        QCOMPARE(windowSpan(a, 1).steps(), int64_t(96));
        double density = 0, unique = 0;
        loopMetrics(steps.data(), 12, density, unique);
        QCOMPARE(density, 8.0);   // steps 0, 2, 4, 6, 8, 10 (hats) and 1, 3 (bass) of 12
        QCOMPARE(unique, 3.0);    // kick, hat, one bass pitch a bar
    }

    void sixEightLoopEndingOnItsBarLineGivesOneWindow()
    {
        auto make = [](int64_t end) {
            SongBuilder b(480);
            b.timeSig(6, 8);
            b.program(2, 1, 34);
            for (int bar = 0; bar < 7; ++bar) {
                const int64_t base = bar * 12;
                hit(b, 36, base);
                hit(b, 36, base + 6);
                for (int e = 0; e < 6; ++e)
                    hit(b, 42, base + 2 * e);
                bass(b, 40, base, base + 6);
            }
            hit(b, 36, 84); // bar 7: one kick only
            endAt(b, end);
            return analysePiece(b.build());
        };
        const PieceAnalysis a = make(96); // the end of track on the line after bar 8
        QCOMPARE(a.markedSteps, int64_t(96));
        QCOMPARE(a.bars(), int64_t(8));
        const auto windows = computeWindows(a);
        QCOMPARE(windows.size(), size_t(1));
        const WindowInfo& w = windows[0];
        QCOMPARE(w.barSteps, 12);
        QCOMPARE(w.numerator, 6);
        QCOMPARE(w.denominator, 8);
        QCOMPARE(w.drumCells, int64_t(7 * 8 + 1)); // the kick at 0 and the hat at 0 are two rows
        QCOMPARE(w.bassCells, int64_t(7 * 6));
        QVERIFY(w.kept);
        // Bar 7 against any other: 8 drum + 6 bass cells there, the kick shared: 13 differ.
        compareCorrelation(w.correlation, oneOddBar(7, 13));
        // A beat later the end of track closes nothing: the window is gone.
        const PieceAnalysis late = make(100);
        QCOMPARE(late.markedSteps, int64_t(85));
        QVERIFY(computeWindows(late).empty());
    }

    void sevenEightGivesWindowsOfFourteenStepBars()
    {
        SongBuilder b(480);
        b.timeSig(7, 8);
        b.program(2, 1, 33);
        for (int bar = 0; bar < 9; ++bar) {
            const int64_t base = bar * 14;
            for (int s : {0, 4, 8})
                hit(b, 36, base + s);
            if (bar != 5)
                hit(b, 38, base + 10); // bar 5 lacks its snare
            for (int s = 0; s < 14; s += 2)
                hit(b, 42, base + s);
            bass(b, 43, base, base + 7);
            bass(b, 45, base + 8, base + 14);
        }
        const PieceAnalysis a = analysePiece(b.build());
        QVERIFY2(a.usable, a.reason.c_str());
        QCOMPARE(a.markedSteps, int64_t(126));
        QCOMPARE(a.bars(), int64_t(9));
        QCOMPARE(a.barStarts[8], int64_t(112));
        const auto windows = computeWindows(a);
        QCOMPARE(windows.size(), size_t(2)); // 14b + 112 <= 126
        for (int i = 0; i < 2; ++i) {
            const WindowInfo& w = windows[size_t(i)];
            QCOMPARE(w.startBar, int64_t(i));
            QCOMPARE(w.barSteps, 14);
            QCOMPARE(w.numerator, 7);
            QCOMPARE(w.denominator, 8);
            QCOMPARE(w.drumCells, int64_t(8 * 11 - 1));
            QCOMPARE(w.bassCells, int64_t(8 * 13));
            compareCorrelation(w.correlation, oneOddBar(5 - i, 1));
        }
        QCOMPARE(windowSteps(a, 0).size(), size_t(112));
        QCOMPARE(windowSteps(a, 0)[14 * 5 + 10], (uint64_t(1) << 2) | (uint64_t(1) << bassRow(45))); // bar 5, step 10: no snare
        QCOMPARE(windowSteps(a, 0)[14 * 4 + 10], 0b110ull | (uint64_t(1) << bassRow(45)));          // bar 4 has it
    }

    void fourFourThenThreeFourGivesWindowsInsideEachStretch()
    {
        SongBuilder b(480);
        b.timeSig(4, 4);
        b.timeSig(3, 4, 144 * kStep); // after 9 bars of 4/4
        b.program(2, 1, 33);
        for (int bar = 0; bar < 9; ++bar) {
            const int64_t base = bar * 16;
            hit(b, 36, base);
            hit(b, 36, base + 8);
            for (int s = 0; s < 16; s += 2)
                hit(b, 42, base + s);
            bass(b, 36, base, base + 8);
        }
        for (int bar = 0; bar < 9; ++bar) {
            const int64_t base = 144 + bar * 12;
            hit(b, 36, base);
            for (int s = 0; s < 12; s += 2)
                hit(b, 42, base + s);
            bass(b, 38, base, base + 6);
        }
        endAt(b, 252);
        const PieceAnalysis a = analysePiece(b.build());
        QVERIFY2(a.usable, a.reason.c_str());
        QCOMPARE(a.markedSteps, int64_t(252));
        QCOMPARE(a.bars(), int64_t(18));
        QCOMPARE(a.barStarts[8], int64_t(128));
        QCOMPARE(a.barStarts[9], int64_t(144));
        QCOMPARE(a.barStarts[17], int64_t(240));
        QCOMPARE(a.stretches.size(), size_t(2));
        QCOMPARE(a.stretches[1].firstBar, int64_t(9));
        QCOMPARE(a.stretches[1].barSteps, 12);
        QCOMPARE(a.stretches[0].endStep, int64_t(144));
        const auto windows = computeWindows(a);
        std::vector<int64_t> starts, lengths;
        for (const WindowInfo& w : windows) {
            starts.push_back(w.startBar);
            lengths.push_back(w.barSteps);
            QVERIFY(w.kept);
            QCOMPARE(w.drumCells, int64_t(w.fourFour() ? 8 * 10 : 8 * 7));
            QCOMPARE(w.bassCells, int64_t(w.fourFour() ? 8 * 8 : 8 * 6));
            for (double c : w.correlation)
                QCOMPARE(c, 1.0); // every bar of a stretch is the same
        }
        // No window crosses the change: bars 2..8 would end in the 3/4 stretch.
        QCOMPARE(starts, (std::vector<int64_t>{0, 1, 9, 10}));
        QCOMPARE(lengths, (std::vector<int64_t>{16, 16, 12, 12}));
        QVERIFY(windowSpan(a, 1).fourFour());
        QVERIFY(!windowSpan(a, 9).fourFour());
        QCOMPARE(windowSpan(a, 9).firstStep, int64_t(144));

        // The piece view's windows are indexed by start bar: placeholders between.
        QTemporaryDir dir;
        const std::string path = dir.filePath("change.mid").toStdString();
        QVERIFY(writeMidiFile(path, b.build()).ok());
        JobContext job;
        const PieceDisplay d = loadPieceDisplay(nullptr, path, job);
        QCOMPARE(d.windows.size(), size_t(11));
        for (int i = 2; i < 9; ++i)
            QVERIFY(!d.windows[size_t(i)].kept && d.windows[size_t(i)].barSteps == 0);
        QCOMPARE(d.windows[9].startBar, int64_t(9));
        QCOMPARE(d.windows[10].barSteps, 12);
    }

    void keysComeFromTheFirstInstrumentOfAKeysFamily()
    {
        for (int p : {0, 7, 16, 23, 24, 31, 40, 55, 80, 95})
            QVERIFY2(isKeysProgram(p), qPrintable(QString::number(p)));
        for (int p : {8, 15, 32, 39, 56, 79, 96, 127})
            QVERIFY2(!isKeysProgram(p), qPrintable(QString::number(p)));

        SongBuilder b(480);
        b.timeSig(4, 4);
        b.program(2, 1, 33);
        for (int s = 0; s < 128; s += 4)
            hit(b, 36, s);
        for (int bar = 0; bar < 8; ++bar)
            bass(b, 36, bar * 16, bar * 16 + 4);
        endAt(b, 128);
        const PieceAnalysis plain = analysePiece(b.build());

        b.program(3, 9, 0);                         // a drum channel with program 0: drums, not keys
        b.note(3, 9, 60, 0, 480);
        b.program(4, 2, 11);                        // vibraphone: chromatic percussion, not keys
        b.note(4, 2, 60, 0, 480);
        b.program(5, 3, 61);                        // brass: not keys
        b.note(5, 3, 60, 0, 480);
        b.program(6, 4, 0);                         // piano: the keys
        for (int pitch : {60, 64, 67})              // a chord, steps 0..3
            b.note(6, 4, pitch, 0, 4 * kStep);
        b.note(6, 4, 48, 4 * kStep, 5 * kStep);     // C3: row 0
        b.note(6, 4, 95, 5 * kStep, 6 * kStep);     // B6: row 47
        b.note(6, 4, 47, 6 * kStep, 7 * kStep);     // below the range: dropped
        b.note(6, 4, 96, 6 * kStep, 7 * kStep);     // above it: dropped
        b.program(7, 5, 16);                        // an organ after the piano: not chosen
        b.note(7, 5, 72, 0, 480);
        const PieceAnalysis a = analysePiece(b.build());
        QCOMPARE(a.keysTrack, 6);
        QCOMPARE(a.keysChannel, 4);
        QCOMPARE(a.keysProgram, 0);
        const Part* keys = a.keys();
        QVERIFY(keys);
        QCOMPARE(keys->name, std::string("Keys"));
        QCOMPARE(keys->rowCount, 48);
        QCOMPARE(keys->lowestPitch, 48);
        QCOMPARE(int64_t(keys->steps.size()), a.markedSteps);
        const uint64_t chord = (uint64_t(1) << 12) | (uint64_t(1) << 16) | (uint64_t(1) << 19);
        for (int s = 0; s < 4; ++s)
            QCOMPARE(keys->steps[size_t(s)], chord); // polyphonic: all three
        QCOMPARE(keys->steps[4], uint64_t(1));
        QCOMPARE(keys->steps[5], uint64_t(1) << 47);
        QCOMPARE(keys->activeCells(0, a.markedSteps), int64_t(14));
        // The method's 57 rows are unchanged by the keys.
        QCOMPARE(a.roll.stackedSteps(), plain.roll.stackedSteps());
        for (uint64_t m : a.roll.stackedSteps())
            QCOMPARE(m >> format::kRows, uint64_t(0));
        QVERIFY(!plain.keys());

        // The bar correlation: drums + bass by default; with the keys, bar 0 (14 keys cells) stands out.
        const auto without = computeWindows(a);
        QCOMPARE(without.size(), size_t(1));
        for (double c : without[0].correlation)
            QCOMPARE(c, 1.0);
        WindowOptions withKeys;
        withKeys.includeKeys = true;
        const auto with = computeWindows(a, withKeys);
        compareCorrelation(with[0].correlation, oneOddBar(0, 14));
        QCOMPARE(with[0].drumCells, without[0].drumCells); // the cell rule stays drums + bass
        QCOMPARE(with[0].bassCells, without[0].bassCells);
    }

    void aThreeFourLoopPlaysItsLengthWithItsKeys()
    {
        std::vector<uint64_t> steps(96, 0), keys(96, 0);
        steps[0] = 1;                        // a kick
        keys[12] = keys[13] = uint64_t(1) << 12; // C4 (row 12) for two steps of bar 2
        RollPlayOptions o;
        o.keys = keys;
        o.keysProgram = 5;
        o.barSteps = 12;
        const Schedule s = scheduleOfRoll(steps, o);
        QCOMPARE(s.lengthSteps, 96);
        QCOMPARE(s.barSteps, 12);
        QVERIFY(std::find(s.setup.begin(), s.setup.end(), std::vector<uint8_t>{0xC2, 5}) != s.setup.end());
        int on = -1, off = -1;
        for (const ScheduledEvent& e : s.events) {
            if (e.message == std::vector<uint8_t>{0x92, 60, 80})
                on = e.step;
            if (e.message.size() == 3 && e.message[0] == 0x82 && e.message[1] == 60)
                off = e.step;
        }
        QCOMPARE(on, 12);
        QCOMPARE(off, 14); // two cells joined into one note
        QCOMPARE(scheduleOfRoll(steps).setup.size(), size_t(1)); // without keys: the bass program only
    }
};

QTEST_GUILESS_MAIN(TestMetres)
#include "test_metres.moc"
