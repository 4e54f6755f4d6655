// The period of repetition (method.md 10.1): the rule on hand-made
// similarities, then hand-made songs with periods 1, 2, 4, 8 and none, in MIDI
// and rendered to audio with FluidSynth, every window's period checked; the
// import stores it (schema 5), the loops query filters by it, an older library
// is migrated, and the CLI prints it.
#include "CliRun.h"
#include "PeriodFixtures.h"

#include "core/analysis/Period.h"
#include "core/analysis/Windows.h"
#include "core/audio/AudioAnalysis.h"
#include "core/io/MidiReader.h"
#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"
#include "core/playback/OfflineSynth.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace lm;
using namespace lm::test;

namespace {

struct Case {
    const char* name;
    std::vector<int> types;
    std::vector<int> periods; // expected, one per window start 0, 1, ...
};

std::vector<int> same(int value, int count) { return std::vector<int>(size_t(count), value); }

// 16-bar songs give windows 0..8 (r(8) only for window 0, which has bar 15);
// the period-8 song has 24 bars: windows 0..16, r(8) defined up to window 8.
std::vector<Case> cases()
{
    std::vector<int> eight = same(8, 9);
    eight.resize(17, 0);
    std::vector<int> distinct;
    for (int t = 0; t < 16; ++t)
        distinct.push_back(t);
    return {
        {"period1", repeatTypes({0}, 16), same(1, 9)},
        {"period2", repeatTypes({0, 1}, 16), same(2, 9)},
        {"period4", repeatTypes({0, 1, 2, 3}, 16), same(4, 9)},
        {"period8", repeatTypes({0, 1, 2, 3, 4, 5, 6, 7}, 24), eight},
        {"none", distinct, same(0, 9)},
    };
}

std::vector<int> periodsOf(const ImportedFile& f)
{
    std::vector<int> out;
    for (const StoredWindow& w : f.windows)
        out.push_back(w.period.value_or(-1));
    return out;
}

QByteArray show(const std::vector<int>& v)
{
    QByteArray s;
    for (int x : v)
        s += QByteArray::number(x) + ' ';
    return s;
}

} // namespace

class TestPeriod : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::string dir_;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        dir_ = tmp_.filePath("songs").toStdString();
        QVERIFY(QDir().mkpath(QString::fromStdString(dir_)));
        auto synth = OfflineSynth::create(defaultSoundfontPath(), 44100);
        QVERIFY2(synth, synth ? "" : synth.error().toString().c_str());
        for (const Case& c : cases()) {
            const std::string mid = dir_ + "/" + c.name + ".mid";
            QVERIFY(writePeriodSong(mid, c.types));
            auto midi = readMidiFile(mid);
            QVERIFY(midi);
            auto audio = (*synth)->render(encodeMidi(*midi));
            QVERIFY(audio);
            QVERIFY(writeWav16(dir_ + "/" + c.name + ".wav", audio->stereo, 2, audio->sampleRate));
        }
    }

    // The rule itself, on similarities given by hand.
    void ruleOnHandMadeSimilarities()
    {
        // Everything 0.5 but pairs two bars apart at exactly 0.9: period 2 (>= 0.9 counts).
        auto twoAt = [](double v) {
            return [v](int64_t i, int64_t j) -> std::optional<double> { return j - i == 2 ? v : 0.5; };
        };
        PeriodDetail d = windowPeriodDetail(twoAt(0.9), 16, 0);
        QCOMPARE(d.period, 2);
        QCOMPARE(*d.r[0], 0.5);
        QCOMPARE(*d.r[1], 0.9);
        QCOMPARE(windowPeriod(twoAt(0.8999), 16, 0), 0);
        // r(8) needs bar s + 15: a 15-bar piece has none for window 0, a 16-bar piece has.
        auto eightOnly = [](int64_t i, int64_t j) -> std::optional<double> { return j - i == 8 ? 1.0 : 0.0; };
        QCOMPARE(windowPeriod(eightOnly, 15, 0), 0);
        QVERIFY(!windowPeriodDetail(eightOnly, 15, 0).r[3]);
        QCOMPARE(windowPeriod(eightOnly, 16, 0), 8);
        QCOMPARE(windowPeriod(eightOnly, 16, 1), 0);
        // r(1) averages the 7 pairs (s, s+1) .. (s+6, s+7) only: pair (s+7, s+8) is outside.
        auto oneInside = [](int64_t i, int64_t j) -> std::optional<double> { return j - i == 1 && j <= 7 ? 1.0 : 0.0; };
        QCOMPARE(windowPeriod(oneInside, 16, 0), 1);
        QCOMPARE(*windowPeriodDetail(oneInside, 16, 1).r[0], 6.0 / 7.0);
        // A p whose pairs are all left out is skipped; none at all: 0.
        auto leftOut = [](int64_t i, int64_t j) -> std::optional<double> {
            if (j - i == 1)
                return std::nullopt;
            return j - i == 2 ? 0.95 : 0.1;
        };
        QCOMPARE(windowPeriod(leftOut, 8, 0), 2);
        QVERIFY(!windowPeriodDetail(leftOut, 8, 0).r[0]);
        QCOMPARE(windowPeriod([](int64_t, int64_t) { return std::optional<double>(); }, 16, 0), 0);
    }

    // The MIDI similarity 1 - d / (a_i + a_j), and two empty bars left out.
    void midiSimilarityAndEmptyBars()
    {
        auto midi = readMidiFile(dir_ + "/none.mid");
        QVERIFY(midi);
        const PieceAnalysis a = analysePiece(*midi);
        const MidiBarSimilarity sim(a);
        // Two types: 10 drum + 12 bass cells each; the bass differs in all 24, the accent in 2.
        QCOMPARE(*sim(0, 0), 1.0);
        QCOMPARE(*sim(0, 1), 1.0 - 26.0 / 44.0);
        // _ _ A A repeated: r(1) and r(2) are low, r(4) pairs A with A and leaves _ _ out: 4 everywhere.
        const std::string path = dir_ + "/../gaps.mid";
        QVERIFY(writePeriodSong(path, repeatTypes({kEmptyBar, kEmptyBar, 0, 0}, 16)));
        const ImportedFile f = analyseMidiFile(path, 0, 0);
        QCOMPARE(f.windows.size(), size_t(9));
        QCOMPARE(show(periodsOf(f)), show(same(4, 9)));
        auto gaps = readMidiFile(path);
        const PieceAnalysis g = analysePiece(*gaps);
        QVERIFY(!MidiBarSimilarity(g)(0, 1));   // two empty bars: left out
        QCOMPARE(*MidiBarSimilarity(g)(1, 2), 0.0); // a bar and an empty one
    }

    // A groove bar seven times, then a fill: every window holds one fill bar, so r(p)
    // lands near 0.9 by hand: sim(A, F) = 1 - 26/44; r(1) = (6 + sim) / 7 = 0.916 with the
    // fill at an edge; r(2) = (5 + sim) / 6 = 0.902 with one pair on it; else 0.85 or less.
    void fillSong()
    {
        const std::string path = dir_ + "/../fill.mid";
        QVERIFY(writePeriodSong(path, repeatTypes({0, 0, 0, 0, 0, 0, 0, 5}, 16)));
        const ImportedFile f = analyseMidiFile(path, 0, 0);
        QCOMPARE(show(periodsOf(f)), show({1, 2, 0, 0, 0, 0, 2, 1, 1}));
    }

    void midiSongsEveryWindow_data()
    {
        QTest::addColumn<int>("index");
        for (size_t i = 0; i < cases().size(); ++i)
            QTest::newRow(cases()[i].name) << int(i);
    }
    void midiSongsEveryWindow()
    {
        QFETCH(int, index);
        const Case c = cases()[size_t(index)];
        const ImportedFile f = analyseMidiFile(dir_ + "/" + c.name + ".mid", 0, 0);
        QCOMPARE(f.status, FileStatus::Usable);
        QCOMPARE(show(periodsOf(f)), show(c.periods));
        for (const StoredWindow& w : f.windows)
            QVERIFY(w.kept);
    }

    void audioSongsEveryWindow_data() { midiSongsEveryWindow_data(); }
    void audioSongsEveryWindow()
    {
        QFETCH(int, index);
        const Case c = cases()[size_t(index)];
        TempoSetting tempo;
        tempo.bpm = 120;
        tempo.downbeat = 0;
        const ImportedFile f = analyseAudioForLibrary(dir_ + "/" + c.name + ".wav", 0, 0, tempo);
        QVERIFY2(f.status == FileStatus::Usable, f.error.c_str());
        QCOMPARE(f.piece->bars, int64_t(c.types.size()));
        QCOMPARE(show(periodsOf(f)), show(c.periods));
    }

    // Scanned into a real library: stored, read back, filtered, listed by the CLI.
    void storedFilteredAndListed()
    {
        const QString lib = tmp_.filePath("lib.sqlite");
        {
            auto db = LibraryDb::open(lib.toStdString(), LibraryOpen::Create);
            QVERIFY(db);
            JobContext job;
            ImportOptions o;
            o.roots = {dir_};
            o.audioTempo.bpm = 120;
            o.audioTempo.downbeat = 0;
            QVERIFY(importLibrary(**db, o, job));
            for (const Case& c : cases())
                for (const char* ext : {".mid", ".wav"}) {
                    std::vector<int> stored;
                    for (const StoredWindow& w : (*db)->windowsOf(dir_ + "/" + c.name + ext))
                        stored.push_back(w.period.value_or(-1));
                    QCOMPARE(show(stored), show(c.periods));
                }
            LoopQuery q;
            q.source = LoopQuery::Source::Mined;
            q.period = 2;
            const auto rows = (*db)->loopRows(q, 0, 1000);
            QCOMPARE(rows.size(), size_t(18)); // 9 MIDI + 9 audio windows of the period-2 song
            for (const LoopRow& r : rows) {
                QVERIFY(QString::fromStdString(r.path).contains("period2."));
                QCOMPARE(*r.period, 2);
            }
            QCOMPARE((*db)->countLoops(q), int64_t(18));
            q.period = 0;
            QCOMPARE((*db)->countLoops(q), int64_t(18 + 8 * 2)); // "none" (9 + 9) and windows 9..16 of period8
        }
        // The CLI: "period" in windows (MIDI and audio) and in loops, and --period.
        const CliRun w = runCli({"windows", QString::fromStdString(dir_ + "/period4.mid")});
        QCOMPARE(w.code, 0);
        const QJsonArray mw = QJsonDocument::fromJson(w.out).object()["windows"].toArray();
        QCOMPARE(mw.size(), 9);
        for (const auto& v : mw)
            QCOMPARE(v.toObject()["period"].toInt(-1), 4);
        const CliRun aw = runCli({"windows", QString::fromStdString(dir_ + "/period8.wav"), "--bpm", "120", "--downbeat", "0"});
        QCOMPARE(aw.code, 0);
        const QJsonArray awin = QJsonDocument::fromJson(aw.out).object()["windows"].toArray();
        QCOMPARE(awin.size(), 17);
        for (int i = 0; i < awin.size(); ++i)
            QCOMPARE(awin[i].toObject()["period"].toInt(-1), i <= 8 ? 8 : 0);
        const CliRun l = runCli({"loops", "--db", lib, "--period", "1"});
        QCOMPARE(l.code, 0);
        const QJsonArray loops = QJsonDocument::fromJson(l.out).array();
        QCOMPARE(loops.size(), 18);
        for (const auto& v : loops)
            QCOMPARE(v.toObject()["period"].toInt(-1), 1);
        QCOMPARE(runCli({"loops", "--db", lib, "--period", "3"}).code, 2);
    }

    // Export at the period: a 2-bar loop written as 2 bars (x repeats), MIDI and audio.
    void exportAtThePeriod()
    {
        const QString lib = tmp_.filePath("lib.sqlite"); // made by storedFilteredAndListed
        std::string midiId, audioId;
        {
            auto db = LibraryDb::open(lib.toStdString(), LibraryOpen::MustExist);
            QVERIFY(db);
            LoopQuery q;
            q.source = LoopQuery::Source::Mined;
            q.period = 2;
            q.order = LoopQuery::Order::File;
            for (const LoopRow& r : (*db)->loopRows(q, 0, 100)) {
                if (r.path.size() > 4 && r.path.compare(r.path.size() - 4, 4, ".mid") == 0 && midiId.empty() && r.startBar == 3)
                    midiId = r.id.text();
                if (r.path.size() > 4 && r.path.compare(r.path.size() - 4, 4, ".wav") == 0 && audioId.empty())
                    audioId = r.id.text();
            }
        }
        QVERIFY(!midiId.empty() && !audioId.empty());
        const QString out = tmp_.filePath("export");
        const CliRun r = runCli({"export", "--db", lib, "--ids", QString::fromStdString(midiId + "," + audioId), "--out", out,
                                 "--at-period", "--repeat", "3", "--pattern", "{id}"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray written = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(written.size(), 2);
        QCOMPARE(written[0].toObject()["bars"].toInt(), 6); // 2 bars x 3
        QCOMPARE(written[0].toObject()["period"].toInt(), 2);
        QCOMPARE(written[1].toObject()["bars"].toInt(), 2); // audio: the 2 bars, cut once
        // Read back: 6 bars, each pair of them the source's bars 3 and 4 (types 1, 0).
        auto back = readMidiFile((out + "/" + QString::fromStdString(midiId) + ".mid").toStdString());
        QVERIFY(back);
        const PieceAnalysis a = analysePiece(*back);
        QCOMPARE(a.bars(), int64_t(6));
        auto source = readMidiFile(dir_ + "/period2.mid");
        const std::vector<uint64_t> src = windowSteps(analysePiece(*source), 3), got = windowSteps(a, 0);
        for (int s = 0; s < 96; ++s)
            QCOMPARE(got[size_t(s)], src[size_t(s % 32)]);
        auto wav = analyseAudioFile((out + "/" + QString::fromStdString(audioId) + ".wav").toStdString(), TempoOverride{120.0, 0.0});
        QVERIFY(wav);
        QVERIFY2(std::abs(wav->seconds - 4.0) < 0.01, std::to_string(wav->seconds).c_str()); // 2 bars at 120 BPM
        // Without --at-period: the window's 8 bars.
        const QString full = tmp_.filePath("export-full");
        QCOMPARE(runCli({"export", "--db", lib, "--ids", QString::fromStdString(midiId), "--out", full, "--pattern", "{id}"}).code, 0);
        auto eight = readMidiFile((full + "/" + QString::fromStdString(midiId) + ".mid").toStdString());
        QCOMPARE(analysePiece(*eight).bars(), int64_t(8));
    }

    // A schema-4 library gains the column; its windows are read again by the next import.
    void olderLibraryIsMigrated()
    {
        const QString lib = tmp_.filePath("old.sqlite");
        const std::string one = tmp_.filePath("one").toStdString();
        QVERIFY(QDir().mkpath(QString::fromStdString(one)));
        QVERIFY(writePeriodSong(one + "/p2.mid", repeatTypes({0, 1}, 16)));
        JobContext job;
        ImportOptions o;
        o.roots = {one};
        {
            auto db = LibraryDb::open(lib.toStdString(), LibraryOpen::Create);
            QVERIFY(db && importLibrary(**db, o, job));
        }
        sqlite3* raw = nullptr;
        QCOMPARE(sqlite3_open(lib.toUtf8().constData(), &raw), SQLITE_OK);
        QCOMPARE(sqlite3_exec(raw, "ALTER TABLE windows DROP COLUMN period; PRAGMA user_version=4", nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(raw);
        auto db = LibraryDb::open(lib.toStdString(), LibraryOpen::MustExist);
        QVERIFY(db);
        const auto before = (*db)->windowsOf(one + "/p2.mid");
        QCOMPARE(before.size(), size_t(9)); // read with w.period: the column is there
        QVERIFY(!before.front().period);
        auto again = importLibrary(**db, o, job);
        QVERIFY(again);
        QCOMPARE(again->read, int64_t(1)); // not skipped as unchanged
        for (const StoredWindow& w : (*db)->windowsOf(one + "/p2.mid"))
            QCOMPARE(w.period.value_or(-1), 2);
        QCOMPARE(importLibrary(**db, o, job)->unchanged, int64_t(1)); // and then it is
    }

    void rollsOfGeneratedLoops()
    {
        auto midi = readMidiFile(dir_ + "/period2.mid");
        const PieceAnalysis a = analysePiece(*midi);
        const std::vector<uint64_t> roll = windowSteps(a, 0);
        QCOMPARE(rollPeriod(roll), 2);
        QCOMPARE(periodSteps(roll, 2).size(), size_t(32));
        QCOMPARE(periodSteps(roll, 0).size(), size_t(128));
        auto none = readMidiFile(dir_ + "/none.mid");
        QCOMPARE(rollPeriod(windowSteps(analysePiece(*none), 0)), 0);
    }
};

QTEST_GUILESS_MAIN(TestPeriod)
#include "test_period.moc"
