// Favourites and tags (schema 6) on a real SQLite library of imported grooves
// and kept generated loops: starring, tagging (round trip, case-insensitive),
// the loops query's ★, tag and tempo filters giving exactly the loops
// expected (mined and generated), a file imported again keeping the marks of
// the loops it still has and dropping the others' (a generated loop deleted
// too), a schema-5 library migrating
// with its data, and a sharded merge shifting the marks' ids with their loops.
#include "Fixtures.h"

#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"
#include "core/library/LibraryMerge.h"
#include "core/model/LoopFormat.h"

#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <sqlite3.h>

using namespace lm;
using namespace lm::test;

namespace {

std::vector<uint64_t> rollOf(int i)
{
    std::vector<uint64_t> roll(format::kWindowSteps);
    for (int s = 0; s < format::kWindowSteps; ++s)
        roll[size_t(s)] = (uint64_t(1) << ((i + s) % format::kRows)) | (uint64_t(1) << 56) | (s == 0 ? ~uint64_t(0) : 0);
    return roll;
}

// One kept generated loop at `bpm`; its id.
LoopId addGenerated(LibraryDb& db, double bpm, int seed)
{
    GenerationBatch b;
    b.modelName = "default";
    b.modelDir = "/models/default";
    b.settings.tempoBpm = bpm;
    StoredGeneratedLoop g;
    g.loop = GeneratedLoop{rollOf(seed), 0.0001, 2.0, 1.0};
    b.loops.push_back(g);
    auto added = db.addGenerationBatch(b, true);
    if (!added)
        qFatal("%s", added.error().toString().c_str());
    return added->loops.front().loopId();
}

std::set<std::string> idsOf(const std::vector<LoopRow>& rows)
{
    std::set<std::string> out;
    for (const LoopRow& r : rows)
        out.insert(r.id.text());
    return out;
}

std::set<std::string> query(LibraryDb& db, const LoopQuery& q)
{
    const auto rows = db.loopRows(q, 0, 100000);
    if (db.countLoops(q) != int64_t(rows.size())) // the count and the rows agree
        return {"count differs"};
    return idsOf(rows);
}

void importInto(LibraryDb& db, const std::string& root)
{
    JobContext job;
    ImportOptions o;
    o.roots = {root};
    if (!importLibrary(db, o, job))
        qFatal("import of %s failed", root.c_str());
}

int64_t sqlCount(const std::string& path, const char* sql)
{
    sqlite3* raw = nullptr;
    sqlite3_open(path.c_str(), &raw);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(raw, sql, -1, &st, nullptr);
    const int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    sqlite3_close(raw);
    return n;
}

} // namespace

class TestLoopMarks : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::string music_, path_;
    std::unique_ptr<LibraryDb> db_;
    std::map<int, std::set<std::string>> minedByBpm_; // the mined loops of each groove's tempo
    LoopId g100_, g120_, g150_;

    std::string groove(int bpm) const { return music_ + "/groove_" + std::to_string(bpm) + ".mid"; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        music_ = tmp_.filePath("music").toStdString();
        QDir().mkpath(QString::fromStdString(music_));
        for (int bpm : {90, 120, 140})
            writeFileAtomically(groove(bpm), encodeMidi(makeStyledGroove(uint32_t(bpm), bpm)));
        path_ = tmp_.filePath("lib.sqlite").toStdString();
        auto db = LibraryDb::open(path_);
        QVERIFY(db.ok());
        db_ = std::move(*db);
        importInto(*db_, music_);
        for (const LoopRow& r : db_->loopRows(LoopQuery{}, 0, 100000))
            minedByBpm_[int(std::lround(r.tempoBpm))].insert(r.id.text());
        QCOMPARE(minedByBpm_.size(), size_t(3));
        for (const auto& [bpm, ids] : minedByBpm_)
            QVERIFY2(ids.size() >= 2, qPrintable(QString::number(bpm)));
        g100_ = addGenerated(*db_, 100, 1);
        g120_ = addGenerated(*db_, 120, 2);
        g150_ = addGenerated(*db_, 150, 3);
    }

    void starsFilterMinedAndGenerated()
    {
        const LoopId m = *LoopId::parse(*minedByBpm_[120].begin());
        auto n = db_->setStarred({m, g150_}, true);
        QVERIFY(n.ok());
        QCOMPARE(*n, int64_t(2));
        QCOMPARE(*db_->setStarred({m}, true), int64_t(0)); // already starred
        LoopQuery starred;
        starred.starredOnly = true;
        QCOMPARE(query(*db_, starred), (std::set<std::string>{m.text(), g150_.text()}));
        for (const LoopRow& r : db_->loopRows(LoopQuery{}, 0, 100000))
            QCOMPARE(r.starred, r.id == m || r.id == g150_);
        starred.source = LoopQuery::Source::Generated;
        QCOMPARE(query(*db_, starred), (std::set<std::string>{g150_.text()}));
        // No such loop: nothing is stored for it.
        QCOMPARE(*db_->setStarred({LoopId{LoopId::Source::Mined, 999999}, LoopId{LoopId::Source::Generated, 999}}, true),
                 int64_t(0));
        QVERIFY(!db_->hasLoop(LoopId{LoopId::Source::Generated, 999}));
        QVERIFY(db_->hasLoop(g100_) && db_->hasLoop(m));
        QCOMPARE(*db_->setStarred({m, g150_}, false), int64_t(2));
        starred.source = LoopQuery::Source::All;
        QCOMPARE(query(*db_, starred), std::set<std::string>{});
    }

    void tagsRoundTripAndFilter()
    {
        const LoopId m = *LoopId::parse(*minedByBpm_[90].begin());
        QCOMPARE(cleanTags(" drums, Funky,,DRUMS , "), (std::vector<std::string>{"drums", "Funky"}));
        QVERIFY(db_->addTags({m, g100_}, cleanTags(" drums, Funky,,DRUMS ")).ok());
        QVERIFY(db_->addTags({g120_}, {"fill"}).ok());
        LoopQuery only;
        only.only = std::vector<LoopId>{m};
        QCOMPARE(db_->loopRows(only, 0, 1).at(0).tags, (std::vector<std::string>{"drums", "Funky"}));
        LoopQuery tagged;
        tagged.tags = {"FUNKY"}; // case-insensitive
        QCOMPARE(query(*db_, tagged), (std::set<std::string>{m.text(), g100_.text()}));
        tagged.tags = {"nothing", "fill"}; // any of them
        QCOMPARE(query(*db_, tagged), (std::set<std::string>{g120_.text()}));
        QCOMPARE(db_->allTags(), (std::vector<std::string>{"drums", "fill", "Funky"}));
        QCOMPARE(*db_->removeTags({m}, {"funky"}), int64_t(1));
        QVERIFY(db_->setTags(g100_, {"Bass", "drums"}).ok());
        only.only = std::vector<LoopId>{m, g100_};
        std::map<std::string, std::vector<std::string>> tags;
        for (const LoopRow& r : db_->loopRows(only, 0, 10))
            tags[r.id.text()] = r.tags;
        QCOMPARE(tags[m.text()], (std::vector<std::string>{"drums"}));
        QCOMPARE(tags[g100_.text()], (std::vector<std::string>{"Bass", "drums"}));
        // Reopened: the tags are in the file.
        db_.reset();
        db_ = std::move(*LibraryDb::open(path_, LibraryOpen::MustExist));
        tagged.tags = {"drums"};
        QCOMPARE(query(*db_, tagged), (std::set<std::string>{m.text(), g100_.text()}));
        QVERIFY(db_->setTags(g100_, {}).ok());
        QVERIFY(db_->removeTags({m, g120_}, {"drums", "fill"}).ok());
        QCOMPARE(db_->allTags(), std::vector<std::string>{}); // no loop has a tag left
    }

    void tempoRangeIsInclusive()
    {
        LoopQuery q;
        q.minTempo = 110;
        q.maxTempo = 130;
        std::set<std::string> want = minedByBpm_[120];
        want.insert(g120_.text());
        QCOMPARE(query(*db_, q), want);
        q.minTempo = q.maxTempo = 120; // both bounds inclusive
        QCOMPARE(query(*db_, q), want);
        q.minTempo = 140;
        q.maxTempo.reset();
        want = minedByBpm_[140];
        want.insert(g150_.text());
        QCOMPARE(query(*db_, q), want);
        q.minTempo.reset();
        q.maxTempo = 100;
        want = minedByBpm_[90];
        want.insert(g100_.text());
        QCOMPARE(query(*db_, q), want);
        // With the other filters: starred and generated within the range.
        QVERIFY(db_->setStarred({g100_, *LoopId::parse(*minedByBpm_[90].begin())}, true).ok());
        q.starredOnly = true;
        q.source = LoopQuery::Source::Generated;
        QCOMPARE(query(*db_, q), (std::set<std::string>{g100_.text()}));
        QVERIFY(db_->setStarred({g100_, *LoopId::parse(*minedByBpm_[90].begin())}, false).ok());
    }

    // A file imported again replaces its windows: a star or tag of a window
    // that is still there (same start bar, kept) moves to its new row; those of
    // windows that vanished go with them (triggers), as do a deleted generated
    // loop's, so that no mark lands on another loop that gets the id later.
    void reimportKeepsTheMarksOfLoopsThatRemain()
    {
        std::map<int64_t, LoopId> byBar; // groove_140's kept windows
        for (const LoopRow& r : db_->loopRows(LoopQuery{}, 0, 100000))
            if (r.path == groove(140))
                byBar[r.startBar] = r.id;
        QVERIFY(byBar.count(0) && byBar.count(5));
        QVERIFY(db_->setStarred({byBar[0], byBar[5], g150_}, true).ok());
        QVERIFY(db_->addTags({byBar[0]}, {"stays"}).ok());
        QVERIFY(db_->addTags({byBar[5], g150_}, {"gone"}).ok());
        // The file changes (another groove, 9 bars: windows at bars 0 and 1 only) and is imported again.
        writeFileAtomically(groove(140), encodeMidi(makeStyledGroove(77, 140, 9)));
        std::filesystem::last_write_time(groove(140), std::filesystem::file_time_type::clock::now() + std::chrono::seconds(60));
        importInto(*db_, music_);
        QVERIFY(db_->deleteGenerated({g150_.id}).ok());
        std::map<int64_t, LoopId> now;
        for (const LoopRow& r : db_->loopRows(LoopQuery{}, 0, 100000))
            if (r.path == groove(140))
                now[r.startBar] = r.id;
        QVERIFY(now.count(0) && !now.count(5));
        LoopQuery starred;
        starred.starredOnly = true;
        QCOMPARE(query(*db_, starred), std::set<std::string>{now[0].text()});
        LoopQuery tagged;
        tagged.tags = {"stays"};
        QCOMPARE(query(*db_, tagged), std::set<std::string>{now[0].text()});
        tagged.tags = {"gone"};
        QCOMPARE(query(*db_, tagged), std::set<std::string>{});
        QCOMPARE(sqlCount(path_, "SELECT count(*) FROM loop_stars"), int64_t(1));
        QCOMPARE(sqlCount(path_, "SELECT count(*) FROM loop_tags WHERE tag='gone'"), int64_t(0));
        QVERIFY(db_->integrityCheck().ok());
        QVERIFY(db_->setStarred({now[0]}, false).ok());
        QVERIFY(db_->setTags(now[0], {}).ok());
    }

    void schemaFiveLibraryMigratesWithItsData()
    {
        const std::string old = tmp_.filePath("five.sqlite").toStdString();
        int64_t loops = 0;
        {
            auto db = LibraryDb::open(old);
            QVERIFY(db.ok());
            importInto(**db, music_);
            addGenerated(**db, 111, 9);
            loops = (*db)->countLoops(LoopQuery{});
        }
        sqlite3* raw = nullptr;
        sqlite3_open(old.c_str(), &raw);
        QCOMPARE(sqlite3_exec(raw, "DROP TRIGGER windows_unmark; DROP TRIGGER generated_unmark; DROP TABLE loop_stars; "
                                   "DROP TABLE loop_tags; PRAGMA user_version=5;", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(raw);
        QCOMPARE(sqlCount(old, "PRAGMA user_version"), int64_t(5));
        for (int pass = 0; pass < 2; ++pass) { // idempotent: the second open finds schema 6
            auto db = LibraryDb::open(old, LibraryOpen::MustExist);
            QVERIFY2(db.ok(), db.ok() ? "" : db.error().toString().c_str());
            QCOMPARE((*db)->countLoops(LoopQuery{}), loops);
            const LoopRow first = (*db)->loopRows(LoopQuery{}, 0, 1).at(0);
            QVERIFY((*db)->setStarred({first.id}, pass == 0).ok());
            LoopQuery starred;
            starred.starredOnly = true;
            QCOMPARE((*db)->countLoops(starred), int64_t(pass == 0 ? 1 : 0));
            QCOMPARE(sqlCount(old, "PRAGMA user_version"), int64_t(6));
        }
    }

    // A sharded scan's parts merged: a part's window and generated loop ids
    // are shifted past the earlier parts', and so are the ids of their marks.
    void mergeShiftsTheMarks()
    {
        const QString root = tmp_.filePath("shards");
        std::vector<std::string> parts;
        std::map<std::string, std::string> starredAt; // "path@bar" or "g:<bpm>" of each starred loop -> its tags
        for (int k = 0; k < 2; ++k) {
            const std::string dir = (root + QStringLiteral("/p%1").arg(k)).toStdString();
            QDir().mkpath(QString::fromStdString(dir));
            for (int i = 0; i < 2; ++i)
                writeFileAtomically(dir + "/g" + std::to_string(i) + ".mid",
                                    encodeMidi(makeStyledGroove(uint32_t(10 * k + i), 100 + 10 * i)));
            const std::string part = tmp_.filePath(QStringLiteral("part%1.sqlite").arg(k)).toStdString();
            { auto made = LibraryDb::open(part); QVERIFY(made.ok()); }
            QVERIFY(recordScanShard(part, ScanShard{k, 2, root.toStdString()}).ok());
            auto db = LibraryDb::open(part, LibraryOpen::MustExist);
            QVERIFY(db.ok());
            importInto(**db, dir);
            const LoopId g = addGenerated(**db, 130 + k, k);
            LoopQuery mined;
            mined.source = LoopQuery::Source::Mined;
            const LoopRow m = (*db)->loopRows(mined, 0, 1000).back();
            QVERIFY((*db)->setStarred({m.id, g}, true).ok());
            QVERIFY((*db)->addTags({m.id, g}, {"part" + std::to_string(k)}).ok());
            starredAt[m.path + "@" + std::to_string(m.startBar)] = "part" + std::to_string(k);
            starredAt["g:" + std::to_string(130 + k)] = "part" + std::to_string(k);
            parts.push_back(part);
        }
        MergeOptions o;
        o.parts = parts;
        o.out = tmp_.filePath("merged.sqlite").toStdString();
        auto merged = mergeLibraries(o);
        QVERIFY2(merged.ok(), merged.ok() ? "" : merged.error().toString().c_str());
        auto db = LibraryDb::open(o.out, LibraryOpen::MustExist);
        QVERIFY(db.ok());
        LoopQuery starred;
        starred.starredOnly = true;
        std::map<std::string, std::string> found;
        for (const LoopRow& r : (*db)->loopRows(starred, 0, 100)) {
            QCOMPARE(r.tags.size(), size_t(1));
            found[r.id.source == LoopId::Source::Mined ? r.path + "@" + std::to_string(r.startBar)
                                                       : "g:" + std::to_string(std::lround(r.tempoBpm))] = r.tags[0];
        }
        QCOMPARE(found, starredAt);
    }
};

QTEST_GUILESS_MAIN(TestLoopMarks)
#include "test_loop_marks.moc"
