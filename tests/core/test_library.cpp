// The library database: import, incremental re-import, bad files reported,
// and an import killed with SIGKILL that a re-run finishes.
#include "Fixtures.h"

#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <sqlite3.h>
#include <random>
#include <sys/time.h>
#include <utime.h>

using namespace lm;
using namespace lm::test;

class TestLibrary : public QObject {
    Q_OBJECT

    static ImportSummary import(LibraryDb& db, const std::string& root)
    {
        JobContext job;
        ImportOptions o;
        o.roots = {root};
        auto r = importLibrary(db, o, job);
        if (!r.ok())
            qFatal("import failed: %s", r.error().toString().c_str());
        return *r;
    }

private Q_SLOTS:
    void importsAndReportsEveryBadFile()
    {
        QTemporaryDir tmp;
        const std::string dir = tmp.filePath("music").toStdString();
        QDir().mkpath(QString::fromStdString(dir));
        writeCollection(dir, 40);
        QFile notes(QString::fromStdString(dir + "/notes.txt")); // not MIDI: not seen
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("hello");
        notes.close();
        QFile fake(QString::fromStdString(dir + "/fake.mid"));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        fake.write("RIFF not midi at all");
        fake.close();
        QVERIFY(QFile::link(QString::fromStdString(dir), QString::fromStdString(dir + "/loop"))); // symlink loop

        auto db = LibraryDb::open(tmp.filePath("lib.sqlite").toStdString());
        QVERIFY(db.ok());
        const ImportSummary s = import(**db, dir);
        QCOMPARE(s.seen, int64_t(41));
        QCOMPARE(s.failed, int64_t(3)); // two truncated grooves and fake.mid
        QCOMPARE(s.unusable, int64_t(2)); // two without bass (the two in 3/4 are usable: method.md 10.2)
        QCOMPARE(s.usable, int64_t(36));
        QCOMPARE(int64_t(s.skipped.size()), s.failed + s.unusable);
        bool fakeReported = false;
        for (const auto& sk : s.skipped)
            if (sk.path.find("fake.mid") != std::string::npos)
                fakeReported = sk.reason.find("not a Standard MIDI File") != std::string::npos;
        QVERIFY(fakeReported);
        QVERIFY(s.windowsKept > 0);

        const LibraryCounts c = (*db)->counts();
        QCOMPARE(c.files, int64_t(41));
        QCOMPARE(c.usable, int64_t(36));
        QCOMPARE(c.windowsKept, s.windowsKept);
        QVERIFY((*db)->integrityCheck().ok());

        // Re-import: nothing changed, nothing read.
        const ImportSummary again = import(**db, dir);
        QCOMPARE(again.unchanged, int64_t(41));
        QCOMPARE(again.read + again.failed, int64_t(0));

        // Change one file: only it is read again, and its windows are replaced.
        const std::string changed = dir + "/groove_0.mid";
        const auto before = (*db)->windowsOf(changed);
        QVERIFY(writeMidiFile(changed, makeGroove(999)).ok());
        struct timeval times[2] = {{1000, 0}, {1000, 0}};
        ::utimes(changed.c_str(), times);
        const ImportSummary third = import(**db, dir);
        QCOMPARE(third.read, int64_t(1));
        QCOMPARE(third.unchanged, int64_t(40));
        const auto after = (*db)->windowsOf(changed);
        QVERIFY(!after.empty());
        QVERIFY(after.size() != before.size() || after[0].correlation != before[0].correlation);
        QCOMPARE((*db)->counts().files, int64_t(41));
    }

    void cancelledImportIsConsistentAndResumable()
    {
        QTemporaryDir tmp;
        const std::string dir = tmp.path().toStdString() + "/m";
        QDir().mkpath(QString::fromStdString(dir));
        writeCollection(dir, 60, 3);
        auto db = LibraryDb::open(tmp.filePath("lib.sqlite").toStdString());
        QVERIFY(db.ok());
        JobContext job([&](int64_t done, int64_t, const std::string&) {
            if (done >= 10)
                job.cancel();
        });
        ImportOptions o;
        o.roots = {dir};
        o.batchFiles = 4;
        auto r = importLibrary(**db, o, job);
        QVERIFY(r.ok());
        QVERIFY(r->cancelled);
        const int64_t stored = (*db)->counts().files;
        QVERIFY(stored >= 10 && stored < 60);
        const ImportSummary rest = import(**db, dir);
        QCOMPARE(rest.unchanged, stored);
        QCOMPARE((*db)->counts().files, int64_t(60));
    }

    void killedImportLeavesALibraryThatARerunFinishes()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath("big");
        QDir().mkpath(dir);
        writeCollection(dir.toStdString(), 2000, 5);
        const QString lib = tmp.filePath("lib.sqlite");

        // The reference: one clean import of the same folder.
        const QString cleanLib = tmp.filePath("clean.sqlite");
        QProcess clean;
        QElapsedTimer timer;
        timer.start();
        clean.start(LM_CLI, {"scan", dir, "--db", cleanLib, "--quiet"});
        QVERIFY(clean.waitForFinished(120000));
        const int cleanMs = int(timer.elapsed());
        QCOMPARE(clean.exitCode(), 0);
        auto cleanDb = LibraryDb::open(cleanLib.toStdString());
        QVERIFY(cleanDb.ok());
        const LibraryCounts expected = (*cleanDb)->counts();

        std::mt19937 rng(42);
        int kills = 0, midImport = 0;
        int64_t lastStored = 0;
        for (int attempt = 0; attempt < 12 && (attempt < 5 || midImport == 0); ++attempt) {
            QProcess p;
            p.start(LM_CLI, {"scan", dir, "--db", lib, "--quiet"});
            QVERIFY(p.waitForStarted());
            QTest::qWait(cleanMs / 10 + int(rng() % uint32_t(cleanMs / 3 + 1)));
            if (p.state() == QProcess::Running) {
                if (const qint64 pid = p.processId(); pid > 0) // never kill(0): that is our process group
                    ::kill(pid_t(pid), SIGKILL);
                ++kills;
            }
            p.waitForFinished(60000);
            auto db = LibraryDb::open(lib.toStdString());
            QVERIFY2(db.ok(), db.ok() ? "" : db.error().toString().c_str());
            QVERIFY((*db)->integrityCheck().ok());
            const int64_t stored = (*db)->counts().files;
            QVERIFY(stored >= lastStored); // nothing committed is lost
            if (stored > lastStored && stored < expected.files)
                ++midImport;
            lastStored = stored;
        }
        qInfo("clean import: %d ms; kills: %d, %d of them mid-import; files stored before the last run: %lld",
              cleanMs, kills, midImport, static_cast<long long>(lastStored));
        QVERIFY(midImport >= 1); // at least one kill landed between commits

        QProcess finish;
        finish.start(LM_CLI, {"scan", dir, "--db", lib, "--quiet"});
        QVERIFY(finish.waitForFinished(120000));
        QCOMPARE(finish.exitCode(), 0);
        auto db = LibraryDb::open(lib.toStdString());
        QVERIFY(db.ok());
        const LibraryCounts got = (*db)->counts();
        QCOMPARE(got.files, expected.files);
        QCOMPARE(got.usable, expected.usable);
        QCOMPARE(got.errors, expected.errors);
        QCOMPARE(got.windows, expected.windows);
        QCOMPARE(got.windowsKept, expected.windowsKept);
    }

    void schemaOneLibraryIsMigrated()
    {
        QTemporaryDir tmp;
        const std::string path = tmp.filePath("old.sqlite").toStdString();
        sqlite3* raw = nullptr;
        QCOMPARE(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
        const char* v1 =
            "CREATE TABLE files (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,"
            " mtime_ns INTEGER NOT NULL, hash TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL,"
            " error TEXT NOT NULL DEFAULT '', imported_at INTEGER NOT NULL DEFAULT 0);"
            "CREATE TABLE windows (id INTEGER PRIMARY KEY, file_id INTEGER NOT NULL, start_bar INTEGER NOT NULL,"
            " drum_cells INTEGER NOT NULL, bass_cells INTEGER NOT NULL, kept INTEGER NOT NULL,"
            " correlation BLOB NOT NULL, loop_score REAL, UNIQUE(file_id, start_bar));"
            "INSERT INTO files VALUES(1,'/a.mid',1,1,'0','midi','usable','',0);"
            "INSERT INTO files VALUES(2,'/b.mid',1,1,'0','midi','usable','',0);"
            "INSERT INTO windows VALUES(1,1,0,40,40,1,x'00',0.5),(2,1,1,40,40,1,x'00',0.25),(3,1,2,4,4,0,x'00',0.1);"
            "PRAGMA user_version=1;";
        QCOMPARE(sqlite3_exec(raw, v1, nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(raw);

        auto db = LibraryDb::open(path);
        QVERIFY2(db.ok(), db.ok() ? "" : db.error().toString().c_str());
        FileQuery byKept;
        byKept.order = FileQuery::Order::WindowsKept;
        byKept.descending = true;
        const auto rows = (*db)->fileRows(byKept, 0, 10);
        QCOMPARE(rows.size(), size_t(2));
        QCOMPARE(rows[0].path, std::string("/a.mid"));
        QCOMPARE(rows[0].windowsKept, int64_t(2));
        QCOMPARE(rows[0].bestScore.value_or(-1), 0.25); // the unkept window's 0.1 does not count
        QVERIFY(!rows[1].bestScore);
        QVERIFY((*db)->integrityCheck().ok());
    }

    // Schema 2 as it first shipped: summary columns in files, but windows
    // without note density and unique pitch (added later under the same
    // number) and pieces without the audio columns of schema 3.
    void schemaTwoLibraryIsMigrated()
    {
        QTemporaryDir tmp;
        const std::string path = tmp.filePath("two.sqlite").toStdString();
        sqlite3* raw = nullptr;
        QCOMPARE(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
        const char* v2 =
            "CREATE TABLE files (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,"
            " mtime_ns INTEGER NOT NULL, hash TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL,"
            " error TEXT NOT NULL DEFAULT '', imported_at INTEGER NOT NULL DEFAULT 0,"
            " windows_kept INTEGER NOT NULL DEFAULT 0, best_score REAL);"
            "CREATE TABLE pieces (file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,"
            " tpq INTEGER NOT NULL, tempo_bpm REAL NOT NULL, tempo_changes INTEGER NOT NULL,"
            " time_signatures TEXT NOT NULL, assumed_4_4 INTEGER NOT NULL, bars INTEGER NOT NULL, steps INTEGER NOT NULL);"
            "CREATE TABLE windows (id INTEGER PRIMARY KEY, file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,"
            " start_bar INTEGER NOT NULL, drum_cells INTEGER NOT NULL, bass_cells INTEGER NOT NULL, kept INTEGER NOT NULL,"
            " correlation BLOB NOT NULL, loop_score REAL, UNIQUE(file_id, start_bar));"
            "INSERT INTO files VALUES(1,'/a.mid',1,1,'0','midi','usable','',0,2,0.25);"
            "INSERT INTO pieces VALUES(1,96,174.0,0,'4/4@0',0,8,128);"
            "INSERT INTO windows VALUES(1,1,0,40,40,1,x'00',0.5),(2,1,1,40,40,1,x'00',0.25),(3,1,2,4,4,0,x'00',0.1);"
            "PRAGMA user_version=2;";
        QCOMPARE(sqlite3_exec(raw, v2, nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(raw);

        auto db = LibraryDb::open(path);
        QVERIFY2(db.ok(), db.ok() ? "" : db.error().toString().c_str());
        const auto loops = (*db)->loopRows(LoopQuery{}, 0, 10);
        QVERIFY2(!(*db)->lastError(), (*db)->lastError() ? (*db)->lastError()->toString().c_str() : "");
        QCOMPARE(loops.size(), size_t(2));
        QCOMPARE(loops[0].loopScore.value_or(-1), 0.25);
        QCOMPARE(loops[0].noteDensity, 0.0);
        QCOMPARE(loops[0].tempoBpm, 174.0);
        const auto info = (*db)->fileInfo("/a.mid");
        QVERIFY(info && info->piece);
        QCOMPARE(info->piece->bars, int64_t(8));
        QCOMPARE(info->piece->sampleRate, 0);
        ImportedFile next = *info;
        next.path = "/b.mid";
        next.windows = {StoredWindow{0, 40, 40, true, {}, 0.75, 0.5, 0.25}};
        QVERIFY((*db)->begin().ok());
        auto stored = (*db)->store(next);
        QVERIFY2(stored.ok(), stored.ok() ? "" : stored.error().toString().c_str());
        QVERIFY((*db)->commit().ok());
        QCOMPARE((*db)->countLoops(LoopQuery{}), int64_t(3));
        QVERIFY((*db)->integrityCheck().ok());
    }

    // Readers open with MustExist: a missing library is an error naming it, and
    // no file appears; a folder in its place is refused; an existing one opens.
    void mustExistCreatesNothing()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath("nothere.sqlite");
        auto missing = LibraryDb::open(path.toStdString(), LibraryOpen::MustExist);
        QVERIFY(!missing.ok());
        QCOMPARE(QString::fromStdString(missing.error().toString()), path + ": no such library (file not found)");
        QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList{});
        QVERIFY(QDir(tmp.path()).mkdir("folder.sqlite"));
        QVERIFY(!LibraryDb::open(tmp.filePath("folder.sqlite").toStdString(), LibraryOpen::MustExist).ok());
        QVERIFY(LibraryDb::open(path.toStdString()).ok()); // Create makes it
        auto again = LibraryDb::open(path.toStdString(), LibraryOpen::MustExist);
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().toString().c_str());
    }

    void garbageLibraryFileIsAClearError()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath("notadb.sqlite");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'z'));
        f.close();
        auto db = LibraryDb::open(path.toStdString());
        QVERIFY(!db.ok());
        QVERIFY(db.error().toString().find("notadb.sqlite") != std::string::npos);
        QFile g(path);
        QVERIFY(g.open(QIODevice::ReadOnly));
        QCOMPARE(g.readAll(), QByteArray(4096, 'z')); // untouched
    }
};

QTEST_GUILESS_MAIN(TestLibrary)
#include "test_library.moc"
