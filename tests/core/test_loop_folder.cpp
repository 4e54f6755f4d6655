// A folder of loop files as the detector's data (LoopSet.h, loadLoopFolder):
// one loop per file, short loops repeated to 8 bars, every other file skipped
// with why; real MIDI files written by our writer and a real WAV file.
#include "AudioFixtures.h"

#include "core/analysis/BarCorrelation.h"
#include "core/io/MidiWriter.h"
#include "core/library/LoopSet.h"
#include "core/model/LoopFormat.h"
#include "core/model/RollToMidi.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace lm;
using namespace lm::test;

namespace {

using Steps = std::vector<uint64_t>;

uint64_t cell(int row) { return uint64_t(1) << row; }
uint64_t bass(int pitch) { return cell(format::kDrumRows + pitch - format::kBassLowestPitch); }

// `bars` bars of a groove whose bars all differ (the bass walks up a semitone a bar).
Steps groove(int bars, bool withBass = true)
{
    Steps s(size_t(bars * format::kStepsPerBar), 0);
    for (int i = 0; i < int(s.size()); ++i) {
        if (i % 4 == 0)
            s[size_t(i)] |= cell(0);
        if (i % 2 == 0)
            s[size_t(i)] |= cell(2);
        if (withBass && i % 4 != 3)
            s[size_t(i)] |= bass(36 + i / 16);
    }
    return s;
}

void writeLoop(const QString& path, const Steps& steps)
{
    const auto written = writeMidiFile(path.toStdString(), rollToMidi(steps));
    if (!written)
        qFatal("%s", written.error().toString().c_str());
}

bool skippedWith(const LoopFolder& f, const QString& file, const QString& why)
{
    return std::any_of(f.skipped.begin(), f.skipped.end(), [&](const std::string& s) {
        const QString q = QString::fromStdString(s);
        return q.contains(file) && q.contains(why);
    });
}

} // namespace

class TestLoopFolder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneLoopPerFileShortLoopsRepeated()
    {
        QTemporaryDir dir;
        writeLoop(dir.filePath("a_two_bars.mid"), groove(2));
        writeLoop(dir.filePath("b_eight_bars.mid"), groove(8));
        writeLoop(dir.filePath("c_twelve_bars.mid"), groove(12));
        writeLoop(dir.filePath("d_three_bars.mid"), groove(3));
        writeLoop(dir.filePath("e_no_bass.mid"), groove(4, false));
        QFile broken(dir.filePath("f_broken.mid"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("MThd\0\0\0\6", 8);
        broken.close();

        const LoopFolder f = loadLoopFolder(dir.path().toStdString());
        QCOMPARE(f.files.size(), size_t(3));
        QCOMPARE(f.correlations.size(), size_t(3));
        QCOMPARE(f.rolls.size(), size_t(3));
        QVERIFY(QString::fromStdString(f.files[0]).endsWith("a_two_bars.mid"));
        QVERIFY(QString::fromStdString(f.files[2]).endsWith("c_twelve_bars.mid"));

        // The 2-bar loop, repeated: bar i is bar i + 2, so those pairs correlate 1.
        const Steps two = groove(2);
        for (int s = 0; s < format::kWindowSteps; ++s)
            QCOMPARE(f.rolls[0][size_t(s)], two[size_t(s % 32)]);
        QCOMPARE(f.correlations[0][1], 1.0); // pair (0, 2), the second value of the row-major order
        QVERIFY(f.correlations[0][0] < 1.0);              // pair (0, 1): two different bars
        // The 8-bar and 12-bar files give their first 8 bars as they are.
        QCOMPARE(f.rolls[1], groove(8));
        const Steps twelve = groove(12);
        QCOMPARE(f.rolls[2], Steps(twelve.begin(), twelve.begin() + format::kWindowSteps));
        QCOMPARE(f.correlations[1], windowCorrelation(groove(8), 0));

        QCOMPARE(f.skipped.size(), size_t(3));
        QVERIFY(skippedWith(f, "d_three_bars.mid", "3 bars: a loop file needs 1, 2, 4, or at least 8 bars"));
        QVERIFY(skippedWith(f, "e_no_bass.mid", "no bass"));
        QVERIFY(skippedWith(f, "f_broken.mid", ""));
    }

    void audioLoopsAndMissingFolder()
    {
        QTemporaryDir dir;
        const int rate = 22050;
        // 8 bars of the same bar at 120 BPM: every pair correlates (close to) 1.
        QVERIFY(writeAudio(dir.filePath("loop.wav").toStdString(), repeatingBars(120, 8, rate, 0), 1, rate));
        const LoopFolder f = loadLoopFolder(dir.path().toStdString());
        QCOMPARE(f.files.size(), size_t(1));
        QVERIFY(f.rolls.empty()); // audio gives correlations only
        for (double c : f.correlations[0])
            QVERIFY2(c > 0.9, qPrintable(QString::number(c)));

        const LoopFolder none = loadLoopFolder(dir.filePath("not_here").toStdString());
        QVERIFY(none.files.empty());
        QVERIFY(skippedWith(none, "not_here", "no such file or folder"));
    }

    void repeatToWindowTiles()
    {
        Steps one(16, 0);
        one[3] = 5;
        const Steps w = repeatToWindow(one, 1);
        QCOMPARE(w.size(), size_t(128));
        for (int b = 0; b < 8; ++b)
            QCOMPARE(w[size_t(16 * b + 3)], uint64_t(5));
        QCOMPARE(std::count(w.begin(), w.end(), uint64_t(0)), std::ptrdiff_t(120));
    }
};

QTEST_GUILESS_MAIN(TestLoopFolder)
#include "test_loop_folder.moc"
