// The command line on a 3/4 piece (issue 18, item 2): `windows` lists its
// windows with 28 correlations each and its metre, `scan` stores them and
// `score` scores them with the bundled detector; each stored score is the
// detector's own for the correlation worked out here by hand.
#include "../core/CliRun.h"
#include "../core/MidiBytes.h"

#include "core/io/MidiWriter.h"
#include "core/library/LibraryDb.h"
#include "core/ml/LoopDetector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace lm;
using namespace lm::test;

namespace {

constexpr uint64_t kStep = 120;

// 10 bars of 3/4: kick on the beats, hats on the eighths, bass 36 on beat 1 (38 in bar 3).
MidiFile waltz()
{
    SongBuilder b(480);
    b.timeSig(3, 4);
    b.program(2, 1, 33);
    for (int bar = 0; bar < 10; ++bar) {
        const uint64_t base = uint64_t(bar) * 12;
        for (int beat = 0; beat < 3; ++beat)
            b.note(1, 9, 36, (base + 4 * beat) * kStep, (base + 4 * beat) * kStep + 60);
        for (int e = 0; e < 6; ++e)
            b.note(1, 9, 42, (base + 2 * e) * kStep, (base + 2 * e) * kStep + 60);
        b.note(2, 1, bar == 3 ? 38 : 36, base * kStep, (base + 4) * kStep);
    }
    return b.build();
}

// Bar `odd` differs from every other by 8 cells, the others are equal.
WindowCorrelation expected(int odd)
{
    WindowCorrelation c{};
    int k = 0;
    for (int i = 0; i < 8; ++i)
        for (int j = i + 1; j < 8; ++j)
            c[size_t(k++)] = (i == odd || j == odd) ? 1.0 - 8.0 / (8.0 + 1e-5) : 1.0;
    return c;
}

} // namespace

class TestMetreCli : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        QVERIFY(QDir(tmp_.path()).mkdir("music"));
        QVERIFY(writeMidiFile(tmp_.filePath("music/waltz.mid").toStdString(), waltz()).ok());
    }

    void windowsListsThreeFourWindowsWithTwentyEightCorrelations()
    {
        const CliRun r = runCli({"windows", "music/waltz.mid"}, tmp_.path());
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QVERIFY(o["usable"].toBool());
        QCOMPARE(o["bars"].toInt(), 10);
        QCOMPARE(o["keys_in_correlation"].toBool(), false);
        const QJsonArray windows = o["windows"].toArray();
        QCOMPARE(windows.size(), 2);
        for (int i = 0; i < windows.size(); ++i) {
            const QJsonObject w = windows[i].toObject();
            QCOMPARE(w["start_bar"].toInt(), i);
            QCOMPARE(w["metre"].toString(), QString("3/4"));
            QCOMPARE(w["bar_steps"].toInt(), 12);
            QCOMPARE(w["first_step"].toInt(), 12 * i);
            QCOMPARE(w["drum_cells"].toInt(), 72);
            QCOMPARE(w["bass_cells"].toInt(), 32);
            QVERIFY(w["kept"].toBool());
            const QJsonArray c = w["correlation"].toArray();
            QCOMPARE(c.size(), 28);
            const WindowCorrelation want = expected(3 - i);
            for (int k = 0; k < 28; ++k)
                QVERIFY2(std::abs(c[k].toDouble() - want[size_t(k)]) <= 1e-9, qPrintable(QString::number(k)));
        }
        const CliRun keys = runCli({"windows", "music/waltz.mid", "--keys"}, tmp_.path());
        QCOMPARE(keys.code, 0);
        QCOMPARE(QJsonDocument::fromJson(keys.out).object()["keys_in_correlation"].toBool(), true);
    }

    void scoreScoresThem()
    {
        const CliRun scan = runCli({"scan", "music", "--db", "lib.sqlite", "--quiet"}, tmp_.path());
        QVERIFY2(scan.code == 0, scan.err.constData());
        const CliRun score = runCli({"score", "--db", "lib.sqlite", "--model", LM_DEFAULT_MODEL, "--quiet", "--threads", "1"},
                                    tmp_.path(), 300000);
        QVERIFY2(score.code == 0, score.err.constData());
        const QJsonObject s = QJsonDocument::fromJson(score.out).object();
        QCOMPARE(s["windows_scored"].toInt(), 2);

        auto detector = ml::LoopDetector::load(LM_DEFAULT_MODEL);
        QVERIFY(detector.ok());
        const std::vector<double> want = detector->score({expected(3), expected(2)});
        const CliRun loops = runCli({"loops", "--db", "lib.sqlite", "--source", "mined"}, tmp_.path());
        QVERIFY2(loops.code == 0, loops.err.constData());
        const QJsonArray rows = QJsonDocument::fromJson(loops.out).array();
        QCOMPARE(rows.size(), 2);
        for (const QJsonValue& v : rows) {
            const QJsonObject row = v.toObject();
            QCOMPARE(row["metre"].toString(), QString("3/4"));
            const int bar = row["start_bar"].toInt();
            QVERIFY(bar == 0 || bar == 1);
            QVERIFY2(std::abs(row["loop_score"].toDouble() - want[size_t(bar)]) <= 1e-9 * std::max(1.0, want[size_t(bar)]),
                     qPrintable(QString("bar %1: %2 vs %3").arg(bar).arg(row["loop_score"].toDouble()).arg(want[size_t(bar)])));
        }
    }
};

QTEST_GUILESS_MAIN(TestMetreCli)
#include "test_metre_cli.moc"
