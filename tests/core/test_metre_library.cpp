// Every metre through the library (issue 18, items 2 and 3): a 3/4 piece with
// a keys part imported into a real SQLite library, its windows stored with
// their metre (schema 5), listed and filtered in the loops query, exported as
// MIDI and read back with its time signature, bar length and keys; the
// models' training data staying 4/4; a schema-4 library migrated.
#include "Fixtures.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/io/MidiReader.h"
#include "core/io/MidiWriter.h"
#include "core/library/LibraryImport.h"
#include "core/library/LoopExport.h"
#include "core/library/LoopSet.h"
#include "core/library/TrainPlan.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace lm;
using namespace lm::test;

namespace {

constexpr uint64_t kStep = 120; // tpq 480

// 10 bars of 3/4 (kick, hats, bass) and a piano (program 0) playing a chord in
// bars 0 and 4 and a single note elsewhere, so that its rows vary.
MidiFile threeFourWithKeys()
{
    SongBuilder b(480);
    b.timeSig(3, 4);
    b.tempo(96);
    b.program(2, 1, 33);
    b.program(3, 0, 0);
    for (int bar = 0; bar < 10; ++bar) {
        const uint64_t base = uint64_t(bar) * 12;
        for (int beat = 0; beat < 3; ++beat)
            b.note(1, 9, 36, (base + 4 * beat) * kStep, (base + 4 * beat) * kStep + 60);
        for (int e = 0; e < 6; ++e)
            b.note(1, 9, 42, (base + 2 * e) * kStep, (base + 2 * e) * kStep + 60);
        b.note(2, 1, bar % 2 ? 38 : 36, base * kStep, (base + 4) * kStep);
        if (bar % 4 == 0)
            for (int pitch : {60, 64, 67})
                b.note(3, 0, pitch, base * kStep, (base + 8) * kStep);
        else
            b.note(3, 0, 72, (base + 4) * kStep, (base + 6) * kStep);
    }
    return b.build();
}

int userVersion(const std::string& path)
{
    sqlite3* raw = nullptr;
    sqlite3_open(path.c_str(), &raw);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &st, nullptr);
    const int v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    sqlite3_close(raw);
    return v;
}

} // namespace

class TestMetreLibrary : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::string music_, waltz_, db_;

    std::unique_ptr<LibraryDb> open()
    {
        auto db = LibraryDb::open(db_);
        if (!db)
            qFatal("%s", db.error().toString().c_str());
        return std::move(*db);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        music_ = tmp_.filePath("music").toStdString();
        QVERIFY(QDir().mkpath(QString::fromStdString(music_)));
        waltz_ = music_ + "/waltz.mid";
        QVERIFY(writeMidiFile(waltz_, threeFourWithKeys()).ok());
        QVERIFY(writeMidiFile(music_ + "/groove.mid", makeGroove(41)).ok());
        db_ = tmp_.filePath("lib.sqlite").toStdString();
        auto db = open();
        JobContext job;
        ImportOptions o;
        o.roots = {music_};
        auto summary = importLibrary(*db, o, job);
        QVERIFY(summary.ok());
        QCOMPARE(summary->usable, int64_t(2)); // the 3/4 file is usable now
    }

    void windowsAreStoredWithTheirMetre()
    {
        auto db = open();
        const std::vector<StoredWindow> windows = db->windowsOf(waltz_);
        QCOMPARE(windows.size(), size_t(2)); // 10 bars of 12 steps, n = 119: bars 0 and 1
        for (const StoredWindow& w : windows) {
            QCOMPARE(w.metre, std::string("3/4"));
            QCOMPARE(w.barSteps, 12);
            QVERIFY(w.kept);
        }
        LoopQuery q;
        q.metre = "3/4";
        const std::vector<LoopRow> rows = db->loopRows(q, 0, 100);
        QCOMPARE(rows.size(), size_t(2));
        for (const LoopRow& r : rows) {
            QCOMPARE(r.path, waltz_);
            QCOMPARE(r.metre, std::string("3/4"));
        }
        QCOMPARE(db->countLoops(q), int64_t(2));
        q.metre = "4/4";
        for (const LoopRow& r : db->loopRows(q, 0, 1000))
            QVERIFY(r.path != waltz_);
        QCOMPARE(db->countLoops(LoopQuery{}), db->countLoops(q) + 2);
    }

    void aThreeFourLoopExportsInThreeFourWithItsKeys()
    {
        auto db = open();
        LoopQuery q;
        q.metre = "3/4";
        const LoopRow row = db->loopRows(q, 0, 1).at(0);
        auto loop = loopRoll(*db, row.id);
        QVERIFY2(loop.ok(), loop.ok() ? "" : loop.error().toString().c_str());
        QCOMPARE(loop->steps.size(), size_t(96));
        QCOMPARE(loop->numerator, 3);
        QCOMPARE(loop->denominator, 4);
        QCOMPARE(loop->info.metre, std::string("3/4"));
        QCOMPARE(loop->keys.size(), size_t(96));
        QCOMPARE(loop->keysProgram, 0);

        LoopExportSettings settings;
        settings.repeat = 2;
        const std::string out = tmp_.filePath("waltz-loop.mid").toStdString();
        auto written = writeLoopFile(*loop, settings, out, false);
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().toString().c_str());

        auto midi = readMidiFile(out);
        QVERIFY(midi.ok());
        QCOMPARE(midi->timeSignatures(), (std::vector<TimeSignature>{{0, 3, 4}}));
        uint64_t end = 0;
        for (const MidiTrack& t : midi->tracks)
            end = std::max(end, t.endTick());
        QCOMPARE(end, uint64_t(16 * 3 * midi->ticksPerQuarter)); // 16 bars of 3/4, ending on the bar line
        const PieceAnalysis back = analysePiece(*midi);
        QCOMPARE(back.bars(), int64_t(16));
        for (int64_t b = 0; b < back.bars(); ++b)
            QCOMPARE(back.barStarts[size_t(b)], 12 * b);
        const auto windows = computeWindows(back);
        QCOMPARE(windows.size(), size_t(9));
        for (const WindowInfo& w : windows)
            QCOMPARE(w.barSteps, 12);
        QCOMPARE(windowSteps(back, 0), loop->steps); // the exported 8 bars, cell for cell
        QCOMPARE(windowSteps(back, 8), loop->steps); // and their repeat
        QVERIFY(back.keys());
        QCOMPARE(back.keysProgram, 0);
        QCOMPARE(windowSteps(back.keys()->steps, windowSpan(back, 0)), loop->keys);
        int named = 0;
        for (const MidiTrack& t : midi->tracks)
            named += t.name() == "Keys";
        QCOMPARE(named, 1);
    }

    void theModelsLearnFourFourLoopsOnly()
    {
        auto db = open();
        TrainRequest r;
        r.loops = LoopSource::AllMined;
        const std::vector<WindowRecord> fourFour = candidateWindows(*db, r);
        QVERIFY(!fourFour.empty());
        for (const WindowRecord& w : fourFour)
            QCOMPARE(w.metre, std::string("4/4"));
        LoopQuery mined44;
        mined44.source = LoopQuery::Source::Mined;
        mined44.metre = "4/4";
        QCOMPARE(int64_t(fourFour.size()), db->countLoops(mined44));
        r.metre = "3/4";
        const std::vector<WindowRecord> waltz = candidateWindows(*db, r);
        QCOMPARE(waltz.size(), size_t(2));
        for (const WindowRecord& w : waltz) {
            QCOMPARE(w.path, waltz_);
            QCOMPARE(w.barSteps, 12);
        }
        QCOMPARE(planFromJson(planToJson(r)).metre, std::string("3/4"));
        // The VQ-VAE's loops: 57 x 128, never a 3/4 window.
        const LoopSet set = loadLoopSet(*db);
        QCOMPARE(set.rolls.size(), fourFour.size());
        for (size_t i = 0; i < set.rolls.size(); ++i) {
            QCOMPARE(set.rolls[i].size(), size_t(format::kWindowSteps));
            QVERIFY(set.windows[i].path != waltz_);
        }
        QVERIFY(QString::fromStdString(set.selection).contains("4/4"));
    }

    void aSchemaFourLibraryGainsTheMetreColumns()
    {
        const std::string path = tmp_.filePath("four.sqlite").toStdString();
        {
            auto db = LibraryDb::open(path);
            QVERIFY(db.ok());
            JobContext job;
            ImportOptions o;
            o.roots = {music_ + "/groove.mid"};
            QVERIFY(importLibrary(**db, o, job).ok());
        }
        sqlite3* raw = nullptr;
        sqlite3_open(path.c_str(), &raw);
        QCOMPARE(sqlite3_exec(raw, "ALTER TABLE windows DROP COLUMN metre; ALTER TABLE windows DROP COLUMN bar_steps; "
                                   "PRAGMA user_version=4;", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(raw);
        QCOMPARE(userVersion(path), 4);
        for (int twice = 0; twice < 2; ++twice) { // the migration is idempotent
            auto db = LibraryDb::open(path);
            QVERIFY2(db.ok(), db.ok() ? "" : db.error().toString().c_str());
            const auto windows = (*db)->windowsOf(music_ + "/groove.mid");
            QVERIFY(!windows.empty());
            for (const StoredWindow& w : windows) {
                QCOMPARE(w.metre, std::string("4/4")); // an older library's windows were all 4/4
                QCOMPARE(w.barSteps, 16);
            }
            QVERIFY((*db)->integrityCheck().ok());
        }
        QCOMPARE(userVersion(path), 6); // the current schema
    }
};

QTEST_GUILESS_MAIN(TestMetreLibrary)
#include "test_metre_library.moc"
