// Generated loops in the library (schema 4): a batch stored pending, some
// kept, the rest discarded; the loops panel's query answers mined and
// generated loops together (source filter, score filter, one order), also
// after the library is reopened; a schema-3 library migrates.
#include "Fixtures.h"

#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"
#include "core/model/LoopFormat.h"

#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <set>
#include <sqlite3.h>

using namespace lm;
using namespace lm::test;

namespace {

// A roll that differs from loop to loop: bit (i + step) % 57 at every step.
std::vector<uint64_t> rollOf(int i)
{
    std::vector<uint64_t> roll(format::kWindowSteps);
    for (int s = 0; s < format::kWindowSteps; ++s)
        roll[size_t(s)] = (uint64_t(1) << ((i + s) % format::kRows)) | (uint64_t(1) << 56) | (s == 0 ? ~uint64_t(0) : 0);
    return roll;
}

GenerationBatch batchOf(int n, const std::string& model)
{
    GenerationBatch b;
    b.modelName = model;
    b.modelDir = "/models/" + model;
    b.settings.count = n;
    b.settings.temperature = 0.9;
    b.settings.topK = 0;
    b.settings.topP = 0.8;
    b.settings.seed = 424242;
    b.settings.tempoBpm = 97;
    b.drawn = 10 * n;
    for (int i = 0; i < n; ++i) {
        StoredGeneratedLoop g;
        g.loop = GeneratedLoop{rollOf(i), 0.0001 * (i + 1), 2.0 + i, 1.0 + 0.5 * i};
        b.loops.push_back(g);
    }
    return b;
}

std::set<std::string> idsOf(const std::vector<LoopRow>& rows)
{
    std::set<std::string> out;
    for (const LoopRow& r : rows)
        out.insert(r.id.text());
    return out;
}

int userVersion(const std::string& path)
{
    sqlite3* raw = nullptr;
    sqlite3_open(path.c_str(), &raw);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &st, nullptr);
    int v = -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(raw);
    return v;
}

} // namespace

class TestGeneratedLoops : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::string music_;

    // A library of real imported grooves, made as schema 3 had it: no
    // generated tables, user_version 3.
    std::string schemaThreeLibrary(const QString& name)
    {
        const std::string path = tmp_.filePath(name).toStdString();
        {
            auto db = LibraryDb::open(path);
            if (!db)
                qFatal("%s", db.error().toString().c_str());
            JobContext job;
            ImportOptions o;
            o.roots = {music_};
            if (!importLibrary(**db, o, job))
                qFatal("import failed");
        }
        sqlite3* raw = nullptr;
        sqlite3_open(path.c_str(), &raw);
        const int rc = sqlite3_exec(raw, "DROP TABLE generated_loops; DROP TABLE generation_batches; PRAGMA user_version=3;",
                                    nullptr, nullptr, nullptr);
        sqlite3_close(raw);
        if (rc != SQLITE_OK)
            qFatal("cannot make the schema-3 library");
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        music_ = tmp_.filePath("music").toStdString();
        QDir().mkpath(QString::fromStdString(music_));
        for (int i = 0; i < 3; ++i)
            writeFileAtomically(music_ + "/groove_" + std::to_string(i) + ".mid", encodeMidi(makeGroove(7 + uint32_t(i))));
    }

    void schemaThreeLibraryMigrates()
    {
        const std::string path = schemaThreeLibrary("three.sqlite");
        QCOMPARE(userVersion(path), 3);
        int64_t mined = 0;
        {
            auto db = LibraryDb::open(path);
            QVERIFY2(db.ok(), db.ok() ? "" : db.error().toString().c_str());
            mined = (*db)->countLoops(LoopQuery{});
            QVERIFY(mined > 0);
            QCOMPARE((*db)->counts().windowsKept, mined); // no generated loop yet
            auto added = (*db)->addGenerationBatch(batchOf(2, "default"), true);
            QVERIFY2(added.ok(), added.ok() ? "" : added.error().toString().c_str());
            QVERIFY((*db)->integrityCheck().ok());
        }
        QCOMPARE(userVersion(path), 6); // the current schema
        auto db = LibraryDb::open(path, LibraryOpen::MustExist);
        QVERIFY(db.ok());
        QCOMPARE((*db)->countLoops(LoopQuery{}), mined + 2);
    }

    // Keep 4 of 8, discard the rest; reopen: the source filter finds exactly those 4.
    void keepFourOfEightAndFindThemAfterReopening()
    {
        const std::string path = schemaThreeLibrary("keep.sqlite");
        std::set<std::string> kept;
        std::vector<uint64_t> rollOfFirstKept;
        int64_t mined = 0;
        {
            auto db = LibraryDb::open(path);
            QVERIFY(db.ok());
            mined = (*db)->countLoops(LoopQuery{});
            auto added = (*db)->addGenerationBatch(batchOf(8, "default"), false);
            QVERIFY(added.ok());
            QCOMPARE(added->loops.size(), size_t(8));
            // Pending loops are not library loops yet.
            LoopQuery generated;
            generated.source = LoopQuery::Source::Generated;
            QCOMPARE((*db)->countLoops(generated), int64_t(0));
            std::vector<int64_t> keep, drop;
            for (size_t i = 0; i < 8; ++i)
                (i % 2 ? drop : keep).push_back(added->loops[i].id);
            for (int64_t id : keep)
                kept.insert(LoopId{LoopId::Source::Generated, id}.text());
            rollOfFirstKept = added->loops[0].loop.roll;
            auto k = (*db)->keepGenerated(keep);
            QVERIFY(k.ok());
            QCOMPARE(*k, int64_t(4));
            QCOMPARE(*(*db)->keepGenerated(keep), int64_t(0)); // already kept
            QCOMPARE(*(*db)->discardGenerated(keep), int64_t(0)); // kept loops are not discarded
            QCOMPARE(*(*db)->discardGenerated(drop), int64_t(4));
            const auto history = (*db)->generationHistory();
            QCOMPARE(history.size(), size_t(1));
            QCOMPARE(history[0].loops.size(), size_t(4));
            QCOMPARE(history[0].settings.seed, uint64_t(424242));
            QCOMPARE(history[0].settings.topP, 0.8);
        }
        auto db = LibraryDb::open(path, LibraryOpen::MustExist);
        QVERIFY(db.ok());
        LoopQuery generated;
        generated.source = LoopQuery::Source::Generated;
        const auto rows = (*db)->loopRows(generated, 0, 100);
        QCOMPARE(idsOf(rows), kept);
        QCOMPARE((*db)->countLoops(generated), int64_t(4));
        for (const LoopRow& r : rows) {
            QCOMPARE(r.model, std::string("default"));
            QVERIFY(r.path.empty());
            QCOMPARE(r.tempoBpm, 97.0);
            QCOMPARE(r.windowId, int64_t(0));
        }
        // Best first: scores 0.0001, 0.0003, ... of loops 0, 2, 4, 6.
        QCOMPARE(rows.front().loopScore.value_or(-1), 0.0001);
        QCOMPARE(rows.back().loopScore.value_or(-1), 0.0007);
        LoopQuery mine;
        mine.source = LoopQuery::Source::Mined;
        QCOMPARE((*db)->countLoops(mine), mined);
        for (const LoopRow& r : (*db)->loopRows(mine, 0, 1000)) {
            QCOMPARE(r.id.source, LoopId::Source::Mined);
            QCOMPARE(r.id.id, r.windowId);
        }
        QCOMPARE((*db)->countLoops(LoopQuery{}), mined + 4);
        QCOMPARE(int64_t(idsOf((*db)->loopRows(LoopQuery{}, 0, 100000)).size()), mined + 4);
        LoopQuery ofModel;
        ofModel.model = "default";
        QCOMPARE(idsOf((*db)->loopRows(ofModel, 0, 100)), kept);
        ofModel.model = "other";
        QCOMPARE((*db)->countLoops(ofModel), int64_t(0));
        QCOMPARE((*db)->generatedModels(), std::vector<std::string>{"default"});
        // The roll and the provenance read back.
        const auto first = (*db)->generatedLoop(LoopId::parse(*kept.begin())->id);
        QVERIFY(first);
        QCOMPARE(first->loop.roll, rollOfFirstKept);
        QCOMPARE(first->modelDir, std::string("/models/default"));
        QCOMPARE(first->seed, uint64_t(424242));
        QVERIFY2(first->settingsJson.find("\"top_p\":0.8") != std::string::npos, first->settingsJson.c_str());
        QVERIFY(first->kept);
        QVERIFY((*db)->integrityCheck().ok());
    }

    // One order over both sources, done in SQL: scores interleave, a score
    // filter applies to both, an offset pages through the union.
    void minedAndGeneratedSortAndFilterTogether()
    {
        const std::string path = schemaThreeLibrary("mixed.sqlite");
        auto db = LibraryDb::open(path);
        QVERIFY(db.ok());
        std::vector<std::pair<int64_t, double>> scores;
        for (const LoopRow& r : (*db)->loopRows(LoopQuery{}, 0, 1000))
            scores.push_back({r.windowId, 0.00015 + 0.0001 * double(scores.size())});
        QVERIFY(scores.size() >= 4);
        QVERIFY((*db)->storeLoopScores(scores, 0.01, "test").ok());
        QVERIFY((*db)->addGenerationBatch(batchOf(4, "m2"), true).ok());
        const auto all = (*db)->loopRows(LoopQuery{}, 0, 100000);
        QCOMPARE(int64_t(all.size()), int64_t(scores.size()) + 4);
        for (size_t i = 1; i < all.size(); ++i)
            QVERIFY(*all[i - 1].loopScore <= *all[i].loopScore);
        // 0.0001 (g), 0.00015 (m), 0.0002 (g), 0.00025 (m), ...
        QCOMPARE(all[0].id.source, LoopId::Source::Generated);
        QCOMPARE(all[1].id.source, LoopId::Source::Mined);
        QCOMPARE(all[2].id.source, LoopId::Source::Generated);
        QCOMPARE(all[1].path.empty(), false);
        LoopQuery under;
        under.maxScore = 0.00036;
        QCOMPARE(idsOf((*db)->loopRows(under, 0, 100)).size(), size_t(6)); // 3 generated, 3 mined
        QCOMPARE((*db)->countLoops(under), int64_t(6));
        const auto page = (*db)->loopRows(LoopQuery{}, 2, 2);
        QCOMPARE(page.size(), size_t(2));
        QCOMPARE(page[0].id, all[2].id);
        QCOMPARE(page[1].id, all[3].id);
        LoopQuery byDensity;
        byDensity.order = LoopQuery::Order::NoteDensity;
        byDensity.descending = true;
        const auto dense = (*db)->loopRows(byDensity, 0, 100000);
        for (size_t i = 1; i < dense.size(); ++i)
            QVERIFY(dense[i - 1].noteDensity >= dense[i].noteDensity);
        LoopQuery text;
        text.text = "groove_1";
        for (const LoopRow& r : (*db)->loopRows(text, 0, 1000))
            QCOMPARE(r.id.source, LoopId::Source::Mined); // a file name filter is about files
    }

    // Discarding a batch drops its pending loops and takes it out of the
    // history; loops kept from it stay with their provenance. Delete removes kept ones.
    void discardBatchAndDelete()
    {
        QTemporaryDir dir;
        auto db = LibraryDb::open(dir.filePath("lib.sqlite").toStdString());
        QVERIFY(db.ok());
        auto a = (*db)->addGenerationBatch(batchOf(3, "default"), false);
        auto b = (*db)->addGenerationBatch(batchOf(2, "default"), false);
        QVERIFY(a.ok() && b.ok());
        auto history = (*db)->generationHistory();
        QCOMPARE(history.size(), size_t(2));
        QCOMPARE(history[0].id, b->id); // newest first
        QCOMPARE(history[1].loops.size(), size_t(3));
        QVERIFY((*db)->keepGenerated({a->loops[1].id}).ok());
        QVERIFY((*db)->discardBatch(a->id).ok());
        history = (*db)->generationHistory();
        QCOMPARE(history.size(), size_t(1));
        QCOMPARE(history[0].id, b->id);
        QVERIFY(!(*db)->generatedLoop(a->loops[0].id));
        const auto survivor = (*db)->generatedLoop(a->loops[1].id);
        QVERIFY(survivor && survivor->kept);
        QCOMPARE(survivor->seed, uint64_t(424242));
        QCOMPARE(*(*db)->deleteGenerated({a->loops[1].id}), int64_t(1));
        QVERIFY(!(*db)->generatedLoop(a->loops[1].id));
        // Its batch had nothing left: it is gone too.
        sqlite3* raw = nullptr;
        sqlite3_open((*db)->path().c_str(), &raw);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(raw, "SELECT count(*) FROM generation_batches", -1, &st, nullptr);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int(st, 0), 1);
        sqlite3_finalize(st);
        sqlite3_close(raw);
        // A roll of the wrong length is refused, nothing stored.
        GenerationBatch bad = batchOf(1, "default");
        bad.loops[0].loop.roll.resize(5);
        QVERIFY(!(*db)->addGenerationBatch(bad, true).ok());
        QCOMPARE((*db)->generationHistory().size(), size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestGeneratedLoops)
#include "test_generated_loops.moc"
