// Issue 19: the all-parts display roll and its bar matrix (XOR rule of
// method.md 3 over every part, 128 pitches each), empty bars, and per-bar loop
// scores as the minimum over the kept windows covering a bar.
#include "CliRun.h"
#include "Fixtures.h"

#include "core/analysis/AllPartsRoll.h"
#include "core/analysis/BarScores.h"
#include "core/io/MidiReader.h"
#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"
#include "core/library/PieceDisplay.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QTemporaryDir>
#include <QtTest>

#include <random>
#include <set>
#include <tuple>

using namespace lm;

namespace {

// One cell of the hand-made file: part (0 piano, 1 strings), pitch, step in the piece.
using Cell = std::tuple<int, int, int64_t>;

struct HandMade {
    MidiFile file;
    std::vector<std::set<Cell>> bars; // the cells each bar must hold, written out by hand
};

// tpq 4: one tick is one 16th step. Piano (program 0) on track 1 channel 0,
// strings (program 40, violin) on track 2 channel 1; 8 bars of 4/4:
//   bar 0, 1: piano C4 (60) steps 0-3, strings 100 steps 8-9
//   bar 2, 4: silent
//   bar 3:    piano C4 steps 0-3 only
//   bar 5:    piano 61 step 0, strings 100 steps 8-9
//   bar 6:    strings C4 steps 0-3 (the piano's notes on another part), strings 100 steps 8-9
//   bar 7:    piano 127 at step 15, a note of no length (still one cell)
HandMade pianoAndStrings()
{
    test::SongBuilder b(4);
    b.tempo(100).timeSig(4, 4).program(1, 0, 0).program(2, 1, 40);
    HandMade h;
    h.bars.resize(8);
    auto note = [&](int part, int pitch, int bar, int from, int len) {
        const uint64_t on = uint64_t(bar * 16 + from);
        b.note(size_t(part + 1), part, pitch, on, on + uint64_t(len));
        for (int s = from; s < from + std::max(len, 1); ++s)
            h.bars[size_t(bar)].insert({part, pitch, int64_t(bar) * 16 + s});
    };
    for (int bar : {0, 1}) {
        note(0, 60, bar, 0, 4);
        note(1, 100, bar, 8, 2);
    }
    note(0, 60, 3, 0, 4);
    note(0, 61, 5, 0, 1);
    note(1, 100, 5, 8, 2);
    note(1, 60, 6, 0, 4);
    note(1, 100, 6, 8, 2);
    note(0, 127, 7, 15, 0);
    h.file = b.build();
    return h;
}

// Bars as sets of (part, pitch, step within the bar), so that bars compare cell by cell.
std::set<Cell> inBar(const std::set<Cell>& cells, int64_t start)
{
    std::set<Cell> out;
    for (const auto& [p, pitch, s] : cells)
        out.insert({p, pitch, s - start});
    return out;
}

int64_t symmetricDifference(const std::set<Cell>& a, const std::set<Cell>& b)
{
    int64_t d = 0;
    for (const Cell& c : a)
        d += !b.count(c);
    for (const Cell& c : b)
        d += !a.count(c);
    return d;
}

} // namespace

class TestAllParts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pianoAndStringsMatrixCellByCell()
    {
        const HandMade h = pianoAndStrings();
        const PieceAnalysis piece = analysePiece(h.file);
        QVERIFY(!piece.usable);
        QCOMPARE(piece.bars(), int64_t(0)); // the method's roll has nothing of this file
        const AllPartsRoll roll = buildAllPartsRoll(h.file, piece);
        QCOMPARE(roll.bars(), int64_t(8));
        QCOMPARE(roll.parts.size(), size_t(2));
        QCOMPARE(QString::fromStdString(roll.parts[0].family()), QString("piano"));
        QCOMPARE(QString::fromStdString(roll.parts[1].family()), QString("strings"));
        for (int bar = 0; bar < 8; ++bar)
            QCOMPARE(roll.barStarts[size_t(bar)], int64_t(bar) * 16);
        // Every cell of the roll is exactly the hand-written ones.
        std::set<Cell> all, seen;
        for (const auto& bar : h.bars)
            all.insert(bar.begin(), bar.end());
        for (size_t p = 0; p < roll.parts.size(); ++p)
            for (int pitch = 0; pitch < 128; ++pitch)
                for (int64_t s = 0; s < roll.steps; ++s)
                    if (roll.cell(p, pitch, s))
                        seen.insert({int(p), pitch, s});
        QCOMPARE(seen, all);

        // d(i, j) by hand from the sets, normalised by the largest + 1e-5 (method.md 3).
        std::vector<std::set<Cell>> bars;
        for (int i = 0; i < 8; ++i)
            bars.push_back(inBar(h.bars[size_t(i)], i * 16));
        int64_t maxD = 0;
        for (int i = 0; i < 8; ++i)
            for (int j = i + 1; j < 8; ++j)
                maxD = std::max(maxD, symmetricDifference(bars[size_t(i)], bars[size_t(j)]));
        QCOMPARE(maxD, int64_t(10)); // bar 3 (piano C4) against bar 6 (strings C4 + 100)
        const std::vector<double> m = allPartsSimilarity(roll, 8);
        QCOMPARE(m.size(), size_t(64));
        for (int i = 0; i < 8; ++i)
            for (int j = 0; j < 8; ++j) {
                const double want = 1.0 - double(symmetricDifference(bars[size_t(i)], bars[size_t(j)])) / (10 + 1e-5);
                QVERIFY2(std::abs(m[size_t(i * 8 + j)] - want) < 1e-12,
                         qPrintable(QString("bar %1, bar %2: %3, want %4").arg(i).arg(j).arg(m[size_t(i * 8 + j)]).arg(want)));
            }
        QCOMPARE(m[0 * 8 + 1], 1.0);                    // bars 0 and 1 are the same
        QVERIFY(std::abs(m[0 * 8 + 6] - (1 - 8 / 10.00001)) < 1e-12); // the same notes on other parts differ
        QCOMPARE(m[2 * 8 + 4], 1.0);                    // two silent bars: 1 by the rule...
        const std::vector<bool> empty = emptyBars(roll, 8);
        QCOMPARE(empty, (std::vector<bool>{false, false, true, false, true, false, false, false})); // ...so flagged
    }

    void thePieceDisplayCarriesIt()
    {
        QTemporaryDir tmp;
        const std::string file = tmp.filePath("piano_strings.mid").toStdString();
        const HandMade h = pianoAndStrings();
        QVERIFY(writeFileAtomically(file, encodeMidi(h.file)).ok());
        JobContext job;
        const PieceDisplay d = loadPieceDisplay(nullptr, file, job);
        QVERIFY(d.error.empty());
        QCOMPARE(d.bars, int64_t(0));
        QCOMPARE(d.allParts.bars, int64_t(8));
        QCOMPARE(d.allParts.shownBars, int64_t(8));
        const auto read = readMidiFile(file);
        QVERIFY(read.ok());
        const PieceAnalysis piece = analysePiece(*read);
        QCOMPARE(d.allParts.matrix, allPartsSimilarity(buildAllPartsRoll(*read, piece), 8));
        QCOMPARE(d.allParts.emptyBars[2], true);
        QCOMPARE(d.allParts.emptyBars[3], false);
    }

    // A groove whose piano goes on after drums and bass stop: the method's bars
    // first, then more; the method's matrix flags its silent bars.
    void barsContinueTheMethodsBars()
    {
        test::SongBuilder b(480);
        b.tempo(120).timeSig(4, 4).program(2, 1, 33).program(3, 2, 0);
        for (int bar = 0; bar < 4; ++bar) {
            const uint64_t t = uint64_t(bar) * 1920;
            if (bar != 1) { // bar 1: drums and bass rest
                b.note(1, 9, 36, t, t + 100).note(2, 1, 40, t, t + 400);
            }
            b.note(3, 2, 72, t, t + 480);
        }
        for (int bar = 4; bar < 7; ++bar)
            b.note(3, 2, 72, uint64_t(bar) * 1920, uint64_t(bar) * 1920 + 480);
        const MidiFile f = b.build();
        const PieceAnalysis piece = analysePiece(f);
        QCOMPARE(piece.bars(), int64_t(4));
        const AllPartsRoll roll = buildAllPartsRoll(f, piece);
        QCOMPARE(roll.bars(), int64_t(7));
        QCOMPARE(std::vector<int64_t>(roll.barStarts.begin(), roll.barStarts.begin() + 4), piece.barStarts);
        QCOMPARE(roll.parts.size(), size_t(3));
        const auto stacked = piece.roll.stackedSteps();
        QCOMPARE(emptyBars(stacked, piece.barStarts, 4, piece.markedSteps), (std::vector<bool>{false, true, false, false}));
        QCOMPARE(emptyBars(roll, 7), std::vector<bool>(7, false)); // the piano plays in every bar

        // 3/4 piano only: bars of 12 steps.
        test::SongBuilder w(4);
        w.timeSig(3, 4).program(1, 0, 0);
        for (int i = 0; i < 5; ++i)
            w.note(1, 0, 60, uint64_t(i) * 12, uint64_t(i) * 12 + 3);
        const MidiFile waltz = w.build();
        const AllPartsRoll r3 = buildAllPartsRoll(waltz, analysePiece(waltz));
        QCOMPARE(r3.barStarts, (std::vector<int64_t>{0, 12, 24, 36, 48}));
        QCOMPARE(allPartsSimilarity(r3, 5), std::vector<double>(25, 1.0));

        // Nothing at all: a reason, no bars.
        test::SongBuilder none(480);
        none.timeSig(4, 4);
        const MidiFile silent = none.build();
        const AllPartsRoll r0 = buildAllPartsRoll(silent, analysePiece(silent));
        QCOMPARE(r0.bars(), int64_t(0));
        QCOMPARE(QString::fromStdString(r0.reason), QString("no notes"));
    }

    // Every XOR + popcount kernel the CPU has counts as bit by bit does, for runs of any length.
    void everyKernelCountsTheSame()
    {
        std::mt19937_64 rng(7);
        int tried = 0;
        for (int kernel = 0; kernel < 3; ++kernel) {
            if (xorCellCount(kernel, nullptr, 0, nullptr, 0) < 0)
                continue; // not on this CPU
            ++tried;
            for (int n = 0; n < 200; ++n) {
                const int64_t na = int64_t(rng() % 41), nb = int64_t(rng() % 41);
                std::vector<uint64_t> a{}, b{};
                a.resize(size_t(na));
                b.resize(size_t(nb));
                for (auto& w : a)
                    w = rng() & rng();
                for (auto& w : b)
                    w = rng() & rng();
                int64_t want = 0;
                for (int64_t k = 0; k < std::max(na, nb); ++k)
                    for (int bit = 0; bit < 64; ++bit) {
                        const bool x = k < na && ((a[size_t(k)] >> bit) & 1u);
                        const bool y = k < nb && ((b[size_t(k)] >> bit) & 1u);
                        want += x != y;
                    }
                QCOMPARE(xorCellCount(kernel, a.data(), na, b.data(), nb), want);
            }
        }
        QVERIFY(tried >= 1);
        qInfo("kernels tried on this CPU: %d of 3", tried);
    }

    // bar_scores: the minimum over the kept, scored windows that contain the bar.
    void barScoresAreTheMinimumOverCoveringWindows()
    {
        std::mt19937 rng(19);
        const int64_t bars = 30;
        std::vector<WindowInfo> windows(size_t(bars - 7));
        std::vector<std::optional<double>> scores(windows.size());
        for (size_t i = 0; i < windows.size(); ++i) {
            windows[i].startBar = int64_t(i);
            windows[i].kept = rng() % 4 != 0;
            if (rng() % 5 != 0)
                scores[i] = double(rng() % 1000) / 1e5;
        }
        windows[3].kept = false;
        scores[3] = -1.0; // a score of a window that is not kept never counts
        const auto got = barScores(windows, scores, bars);
        QCOMPARE(got.size(), size_t(bars));
        for (int64_t b = 0; b < bars; ++b) {
            std::optional<double> best;
            int64_t from = -1;
            for (size_t i = 0; i < windows.size(); ++i)
                if (windows[i].kept && scores[i] && windows[i].startBar <= b && b < windows[i].startBar + 8
                    && (!best || *scores[i] < *best)) {
                    best = scores[i];
                    from = windows[i].startBar;
                }
            QCOMPARE(got[size_t(b)].has_value(), best.has_value());
            if (best) {
                QCOMPARE(got[size_t(b)]->score, *best);
                QCOMPARE(got[size_t(b)]->window, from);
            }
        }
        // Bar 3 with windows 0..3 not kept: the first kept covering window is 4 (or none).
        for (size_t i = 0; i < 4; ++i)
            windows[i].kept = false;
        windows[4].kept = true;
        QCOMPARE(firstKeptWindowCovering(windows, 3).value_or(-1), int64_t(-1));
        QCOMPARE(firstKeptWindowCovering(windows, 4).value_or(-1), int64_t(4));
    }

    // `ssm --db`: bar_scores of a hand-scored library equal the minimum over the kept
    // windows covering each bar (null where none is scored); all_parts as the core makes it.
    void cliBarScoresAndAllParts()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath("music");
        QDir().mkpath(dir);
        const std::string file = (dir + "/groove.mid").toStdString();
        QVERIFY(writeFileAtomically(file, encodeMidi(test::makeStyledGroove(2, 110, 20))).ok());
        const QString lib = tmp.filePath("lib.sqlite");
        std::vector<StoredWindow> stored;
        {
            auto db = LibraryDb::open(lib.toStdString());
            QVERIFY(db.ok());
            JobContext job;
            ImportOptions o;
            o.roots = {dir.toStdString()};
            QVERIFY(importLibrary(**db, o, job).ok());
            std::vector<std::pair<int64_t, double>> scores; // windows from bar 9 on stay unscored
            for (const LoopRow& r : (*db)->loopRows(LoopQuery{}, 0, 1000))
                if (r.startBar < 9)
                    scores.push_back({r.windowId, 0.001 * double(1 + (r.startBar * 7) % 4)});
            QVERIFY(scores.size() == 9);
            QVERIFY((*db)->storeLoopScores(scores, 0.003, "test").ok());
            stored = (*db)->windowsOf(file);
        }
        const test::CliRun r = test::runCli({"ssm", QString::fromStdString(file), "--db", lib});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const QJsonArray bars = o["bar_scores"].toArray(), from = o["bar_score_windows"].toArray();
        QCOMPARE(bars.size(), o["bars"].toInt());
        QCOMPARE(bars.size(), 20);
        int nulls = 0;
        for (int b = 0; b < bars.size(); ++b) {
            std::optional<double> best;
            int64_t start = -1;
            for (const StoredWindow& w : stored)
                if (w.kept && w.loopScore && w.startBar <= b && b < w.startBar + 8 && (!best || *w.loopScore < *best)) {
                    best = w.loopScore;
                    start = w.startBar;
                }
            QCOMPARE(bars[b].isNull(), !best.has_value());
            nulls += bars[b].isNull();
            if (best) {
                QCOMPARE(bars[b].toDouble(), *best);
                QCOMPARE(from[b].toInteger(), start);
            }
        }
        QCOMPARE(nulls, 4); // bars 17-20: only the windows from bar 10 on (unscored) cover them
        QCOMPARE(o["empty_bars"].toArray().size(), 20);

        // Without --db: every bar null. The piano and strings file: its all-parts matrix.
        const test::CliRun plain = test::runCli({"ssm", QString::fromStdString(file)});
        QCOMPARE(plain.code, 0);
        for (const auto& v : QJsonDocument::fromJson(plain.out).object()["bar_scores"].toArray())
            QVERIFY(v.isNull());
        const std::string ps = tmp.filePath("ps.mid").toStdString();
        const HandMade h = pianoAndStrings();
        QVERIFY(writeFileAtomically(ps, encodeMidi(h.file)).ok());
        const test::CliRun p = test::runCli({"ssm", QString::fromStdString(ps)});
        QCOMPARE(p.code, 0);
        const QJsonObject po = QJsonDocument::fromJson(p.out).object();
        QCOMPARE(po["bars"].toInt(), 0);
        const QJsonObject all = po["all_parts"].toObject();
        QCOMPARE(all["bars"].toInt(), 8);
        QCOMPARE(all["parts"].toArray().size(), 2);
        QCOMPARE(all["parts"].toArray()[1].toObject()["family"].toString(), QString("strings"));
        const auto want = allPartsSimilarity(buildAllPartsRoll(h.file, analysePiece(h.file)), 8);
        const QJsonArray m = all["matrix"].toArray();
        for (int i = 0; i < 8; ++i)
            for (int j = 0; j < 8; ++j)
                QCOMPARE(m[i].toArray()[j].toDouble(), want[size_t(i * 8 + j)]);
        QCOMPARE(all["empty_bars"].toArray()[2].toBool(), true);

        // A library that is not there: exit 1, named.
        test::checkMissingInput({"ssm", QString::fromStdString(file), "--db", "nope.sqlite"}, "nope.sqlite");
    }
};

QTEST_MAIN(TestAllParts)
#include "test_all_parts.moc"
