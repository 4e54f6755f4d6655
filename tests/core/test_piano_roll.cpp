// The method's roll, cell by cell, from hand-made files (method.md sections 1-2).
#include "MidiBytes.h"

#include "core/analysis/Instruments.h"
#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/io/MidiReader.h"
#include "core/model/LoopFormat.h"

#include <QtTest>
#include <set>

using namespace lm;
using namespace lm::test;

namespace {

// All active (row, step) cells of the stacked 57-row roll.
std::set<std::pair<int, int>> cells(const PieceAnalysis& a)
{
    std::set<std::pair<int, int>> out;
    const auto steps = a.roll.stackedSteps();
    for (size_t s = 0; s < steps.size(); ++s)
        for (int r = 0; r < 64; ++r)
            if ((steps[s] >> r) & 1u)
                out.insert({r, int(s)});
    return out;
}

int bassRow(int pitch) { return format::kDrumRows + pitch - format::kBassLowestPitch; }

} // namespace

class TestPianoRoll : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fineGridRoundsHalvesToEven()
    {
        QCOMPARE(fineOnset(1, 48), int64_t(0));  // 0.5 -> 0
        QCOMPARE(fineOnset(3, 48), int64_t(2));  // 1.5 -> 2
        QCOMPARE(fineOnset(5, 48), int64_t(2));  // 2.5 -> 2
        QCOMPARE(fineOnset(7, 48), int64_t(4));  // 3.5 -> 4
        QCOMPARE(fineOnset(11, 480), int64_t(1)); // 0.55 -> 1
        QCOMPARE(fineOnset(89, 89), int64_t(24));
        QCOMPARE(fineOffset(19, 480), int64_t(0)); // floor
        QCOMPARE(fineOffset(20, 480), int64_t(1));
    }

    void handMadeFileCellByCell()
    {
        // tpq 480: one step = 120 ticks.
        SongBuilder b(480);
        b.timeSig(4, 4);
        b.note(1, 9, 36, 0, 60);      // kick, step 0
        b.note(1, 9, 42, 240, 250);   // closed hat, step 2
        b.note(1, 9, 38, 480, 481);   // snare, step 4
        b.note(1, 9, 44, 600, 600);   // pedal hat (closed hat row), zero length still marks its onset
        b.note(1, 9, 60, 3000, 3010); // unmapped drum: no cell, but it reaches step 25
        b.program(2, 1, 33);
        b.note(2, 1, 36, 0, 480);     // steps 0..3
        b.note(2, 1, 20, 0, 1920);    // below the bass range: dropped
        b.note(2, 1, 45, 1920, 2160); // polyphony: 45 is lowest on steps 16-17
        b.note(2, 1, 50, 1920, 2400); // 50 shows on steps 18-19 only
        b.note(2, 1, 80, 2400, 2520); // above the range: dropped, reaches step 20
        b.note(2, 1, 55, 2500, 2505); // shorter than a fine tick: no cell, reaches nothing
        auto& bass = b.track(2).events;
        bass.push_back(MidiEvent::channelMessage(480, 0x91, 40, 100)); // steps 4..7 ended by velocity 0
        bass.push_back(MidiEvent::channelMessage(960, 0x91, 40, 0));
        const PieceAnalysis a = analysePiece(b.build());

        QVERIFY(a.usable);
        QCOMPARE(a.markedSteps, int64_t(26));
        QCOMPARE(a.bars(), int64_t(2));
        std::set<std::pair<int, int>> expected = {{0, 0}, {2, 2}, {1, 4}, {2, 5}};
        for (int s = 0; s <= 3; ++s)
            expected.insert({bassRow(36), s});
        for (int s = 4; s <= 7; ++s)
            expected.insert({bassRow(40), s});
        for (int s = 16; s <= 17; ++s)
            expected.insert({bassRow(45), s});
        for (int s = 18; s <= 19; ++s)
            expected.insert({bassRow(50), s});
        QCOMPARE(cells(a), expected);
    }

    void retriggeredNoteEndsTheEarlierOneAndUnterminatedNotesEndAtTrackEnd()
    {
        SongBuilder b(480);
        b.program(0, 2, 34);
        auto& ev = b.track(0).events;
        ev.push_back(MidiEvent::channelMessage(0, 0x92, 43, 100));
        ev.push_back(MidiEvent::channelMessage(240, 0x92, 43, 100)); // retrigger
        ev.push_back(MidiEvent::channelMessage(480, 0x82, 43, 0));
        ev.push_back(MidiEvent::channelMessage(600, 0x92, 47, 100)); // never ended
        ev.push_back(MidiEvent::channelMessage(600, 0x82, 99, 0));   // off for a silent pitch: ignored
        ev.push_back(MidiEvent::meta(1200, meta::Text, "end"));
        const MidiFile f = b.build();
        const auto inst = extractInstruments(f);
        QCOMPARE(inst.size(), size_t(1));
        QCOMPARE(inst[0].program, 34);
        QCOMPARE(inst[0].notes.size(), size_t(3));
        QCOMPARE(inst[0].notes[0].off, uint64_t(240));
        QCOMPARE(inst[0].notes[1].off, uint64_t(480));
        QCOMPARE(inst[0].notes[2].off, uint64_t(1200));
        const PieceAnalysis a = analysePiece(f);
        QCOMPARE(a.reason, std::string("no drums"));
        QCOMPARE(a.markedSteps, int64_t(10)); // 47 sounds through step 9
    }

    void format0WithSeveralChannelsPicksTheFirstOfEach()
    {
        SongBuilder b(96, 0);
        b.timeSig(4, 4);
        b.program(0, 0, 0).program(0, 2, 34).program(0, 3, 35).program(0, 5, 33, 200);
        for (int i = 0; i < 8; ++i) {
            const uint64_t t = uint64_t(i) * 24; // one step = 24 ticks at tpq 96
            b.note(0, 9, 36, t, t + 1);
            b.note(0, 0, 30, t, t + 24);  // piano: not bass (program 0)
            b.note(0, 2, 40, t, t + 24);  // the bass: first bass channel
            b.note(0, 3, 28, t, t + 24);  // a second bass: ignored
            b.note(0, 5, 26, t + 300, t + 324); // program 33 came after... its first note at 300 > 200: bass, but later channel
        }
        const PieceAnalysis a = analysePiece(b.build());
        QCOMPARE(a.drumChannel, 9);
        QCOMPARE(a.bassChannel, 2);
        QCOMPARE(a.bassProgram, 34);
        const auto c = cells(a);
        for (int s = 0; s < 8; ++s) {
            QVERIFY(c.count({0, s}));
            QVERIFY(c.count({bassRow(40), s}));
            QVERIFY(!c.count({bassRow(28), s}));
            QVERIFY(!c.count({bassRow(30), s}));
        }
    }

    void programChangeAfterTheFirstNoteDoesNotCount()
    {
        SongBuilder b(480);
        b.note(0, 9, 36, 0, 10);
        b.note(0, 1, 40, 0, 100);
        b.program(0, 1, 33, 50);
        b.note(0, 1, 41, 120, 200);
        QCOMPARE(analysePiece(b.build()).reason, std::string("no bass"));
    }

    void otherMetresGetBarsOfTheirOwnLength()
    {
        SongBuilder b(480);
        b.timeSig(3, 4);
        b.timeSig(6, 8, 480 * 6); // after two 3/4 bars
        b.timeSig(4, 4, 480 * 9); // after one 6/8 bar
        b.note(0, 9, 36, 0, 10);
        b.program(0, 1, 33);
        b.note(0, 1, 40, 0, 480 * 13); // 52 steps
        const PieceAnalysis a = analysePiece(b.build());
        QVERIFY(a.usable); // every metre gives windows (method.md 10.2); this piece is too short for one
        QVERIFY(!a.allFourFour);
        QCOMPARE(a.barStarts, (std::vector<int64_t>{0, 12, 24, 36}));
        QVERIFY(computeWindows(a).empty());
    }

    void noTimeSignatureIsReadAsFourFour()
    {
        SongBuilder b(480);
        b.note(0, 9, 36, 0, 10);
        b.program(0, 1, 33);
        b.note(0, 1, 40, 0, 480 * 40);
        const PieceAnalysis a = analysePiece(b.build());
        QVERIFY(a.usable);
        QVERIFY(a.assumedFourFour);
        QCOMPARE(a.bars(), int64_t(10));
    }
};

QTEST_GUILESS_MAIN(TestPianoRoll)
#include "test_piano_roll.moc"
