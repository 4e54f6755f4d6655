// Loops that loopminer writes (rollToMidi through the real writer) read back
// through the real reader and analysis as exactly one 8-bar window from bar 0,
// also when their last notes end before the end of bar 8 (method.md 2: the end
// of track on the closing bar line extends the piece to it).
#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/io/MidiReader.h"
#include "core/io/MidiWriter.h"
#include "core/model/LoopFormat.h"
#include "core/model/RollToMidi.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace lm;

namespace {

using Steps = std::vector<uint64_t>;

uint64_t cell(int row) { return uint64_t(1) << row; }
uint64_t bass(int pitch) { return cell(format::kDrumRows + pitch - format::kBassLowestPitch); }

// Bars 1-7 of a groove: kick on the beats, hats on the 8ths, a bass line of
// 8th notes (12 drum and 12 bass cells a bar); bar 8 is left to the caller.
Steps sevenBars()
{
    Steps s(size_t(format::kWindowSteps), 0);
    for (int i = 0; i < 7 * format::kStepsPerBar; ++i) {
        if (i % 4 == 0)
            s[size_t(i)] |= cell(0);
        if (i % 2 == 0)
            s[size_t(i)] |= cell(2);
        if (i % 4 != 3)
            s[size_t(i)] |= bass(36 + (i / 16) % 3);
    }
    return s;
}

Steps withBar8(std::initializer_list<std::pair<int, uint64_t>> cells)
{
    Steps s = sevenBars();
    for (const auto& [step, mask] : cells)
        s[size_t(step)] |= mask;
    return s;
}

PieceAnalysis writeAndRead(const Steps& steps, int tpq, const QString& path)
{
    RollExportOptions o;
    o.ticksPerQuarter = tpq;
    const auto written = writeMidiFile(path.toStdString(), rollToMidi(steps, o));
    if (!written)
        qFatal("%s", written.error().toString().c_str());
    const auto midi = readMidiFile(path.toStdString());
    if (!midi)
        qFatal("%s", midi.error().toString().c_str());
    return analysePiece(*midi);
}

} // namespace

class TestLoopFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsBackAsOneWindowOfEightBars_data()
    {
        QTest::addColumn<std::vector<uint64_t>>("steps");
        QTest::addColumn<int>("tpq");
        Steps full = sevenBars();
        for (int i = 112; i < 128; ++i)
            full[size_t(i)] |= bass(40) | (i % 4 == 0 ? cell(0) : 0);
        QTest::newRow("bar 8 full, bass to the last step") << full << 480;
        const Steps early = withBar8({{112, cell(0) | bass(40)}, {113, bass(40)}, {116, cell(1)}});
        QTest::newRow("bar 8 sparse, last notes end at step 117") << early << 480;
        QTest::newRow("bar 8 sparse, tpq 96") << early << 96;
        QTest::newRow("bar 8 sparse, tpq 90 (written as 92)") << early << 90;
        QTest::newRow("bar 8 only a kick on its first step") << withBar8({{112, cell(0)}}) << 480;
        QTest::newRow("bar 8 only a bass cell mid-bar") << withBar8({{120, bass(30)}}) << 960;
    }

    void readsBackAsOneWindowOfEightBars()
    {
        QFETCH(std::vector<uint64_t>, steps);
        QFETCH(int, tpq);
        QTemporaryDir dir;
        QVERIFY(!lastBarEmpty(steps));
        const PieceAnalysis a = writeAndRead(steps, tpq, dir.filePath("loop.mid"));
        QVERIFY2(a.usable, a.reason.c_str());
        QCOMPARE(a.bars(), int64_t(8));
        const auto windows = computeWindows(a);
        QCOMPARE(int(windows.size()), 1);
        QCOMPARE(windows[0].startBar, int64_t(0));
        QVERIFY(windows[0].kept);
        QVERIFY(windowSteps(a, 0) == steps);
    }

    // The method's limit, and why generation rejects such rolls: with bar 8
    // empty the file's end of track is a bar past the last note's bar, so the
    // piece stays 7 bars long and has no window.
    void emptyLastBarReadsBackAsSevenBars()
    {
        const Steps steps = sevenBars();
        QVERIFY(lastBarEmpty(steps));
        QVERIFY(lastBarEmpty(Steps(5, 0)));
        QVERIFY(!lastBarEmpty(Steps{0, 0, cell(0)}));
        QTemporaryDir dir;
        const PieceAnalysis a = writeAndRead(steps, 480, dir.filePath("loop.mid"));
        QCOMPARE(a.bars(), int64_t(7));
        QCOMPARE(int(computeWindows(a).size()), 0);
    }
};

QTEST_GUILESS_MAIN(TestLoopFiles)
#include "test_loop_files.moc"
