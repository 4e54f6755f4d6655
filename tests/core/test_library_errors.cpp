// A read that SQLite refuses is an error, never "no rows": a library whose
// tables were altered or dropped behind its back (through raw sqlite3) answers
// each read empty, with lastError() naming the library and what was being
// read, one line on stderr per distinct error, and an import that stops.
#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"
#include "core/library/LoopSet.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace lm;

namespace {

ImportedFile sample(const std::string& path)
{
    ImportedFile f;
    f.path = path;
    f.size = 1;
    f.mtimeNs = 1;
    f.hash = "0";
    f.status = FileStatus::Usable;
    StoredPiece p;
    p.tpq = 96;
    p.bars = 4;
    p.steps = 64;
    f.piece = p;
    StoredWindow w;
    w.kept = true;
    w.noteDensity = 0.5;
    f.windows = {w};
    return f;
}

bool rawExec(const std::string& path, const char* sql)
{
    sqlite3* raw = nullptr;
    bool ok = sqlite3_open(path.c_str(), &raw) == SQLITE_OK
        && sqlite3_exec(raw, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(raw);
    return ok;
}

// What the code run by `f` wrote to stderr.
template <typename F>
std::string stderrOf(const QString& file, F&& f)
{
    std::fflush(stderr);
    const int saved = ::dup(2);
    std::FILE* to = std::fopen(file.toLocal8Bit().constData(), "w");
    ::dup2(::fileno(to), 2);
    f();
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
    std::fclose(to);
    std::ifstream in(file.toStdString());
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

size_t occurrences(const std::string& s, const std::string& part)
{
    size_t n = 0;
    for (size_t at = s.find(part); at != std::string::npos; at = s.find(part, at + 1))
        ++n;
    return n;
}

} // namespace

class TestLibraryErrors : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;

    std::unique_ptr<LibraryDb> libraryWithTwoFiles(const std::string& path)
    {
        auto db = LibraryDb::open(path);
        if (!db.ok())
            qFatal("open failed: %s", db.error().toString().c_str());
        (*db)->begin();
        (*db)->store(sample("/m/a.mid"));
        (*db)->store(sample("/m/b.mid"));
        (*db)->commit();
        return std::move(*db);
    }

    static QByteArray lastErrorText(LibraryDb& db)
    {
        return db.lastError() ? QByteArray::fromStdString(db.lastError()->toString()) : QByteArray("(no error)");
    }

private Q_SLOTS:
    void alteredColumnIsAnErrorNotNoRows()
    {
        const std::string path = tmp_.filePath("altered.sqlite").toStdString();
        auto db = libraryWithTwoFiles(path);
        QCOMPARE(db->fileRows(FileQuery{}, 0, 10).size(), size_t(2));
        QVERIFY(!db->lastError());

        QVERIFY(rawExec(path, "ALTER TABLE files RENAME COLUMN best_score TO best_loop_score"));
        std::vector<FileRow> rows{FileRow{}};
        const std::string said = stderrOf(tmp_.filePath("stderr1.txt"), [&] {
            rows = db->fileRows(FileQuery{}, 0, 10);
            db->fileRows(FileQuery{}, 10, 10); // the table asks again: said once
        });
        QVERIFY(rows.empty());
        QVERIFY(db->lastError());
        const std::string expected = path + ": cannot read the files the browser shows: no such column: f.best_score";
        QCOMPARE(db->lastError()->toString(), expected);
        QCOMPARE(occurrences(said, "loopminer: " + expected + "\n"), size_t(1));
        QCOMPARE(said, "loopminer: " + expected + "\n");

        QCOMPARE(db->countFiles(FileQuery{}), int64_t(2)); // this one does not use the column
        QVERIFY2(!db->lastError(), lastErrorText(*db).constData());
        FileQuery scored;
        scored.minBestScore = 0.1;
        QCOMPARE(db->countFiles(scored), int64_t(0));
        QVERIFY(db->lastError());
        QVERIFY2(db->lastError()->message.find("cannot count the files the browser shows: no such column") == 0,
                 lastErrorText(*db).constData());

        QVERIFY(db->begin().ok());
        auto stored = db->store(sample("/m/c.mid"));
        db->rollback();
        QVERIFY(!stored.ok());
        QVERIFY2(stored.error().toString().find(path + ": cannot store /m/c.mid: ") == 0,
                 stored.error().toString().c_str());
    }

    void droppedTableIsAnErrorInEveryRead()
    {
        const std::string path = tmp_.filePath("dropped.sqlite").toStdString();
        auto db = libraryWithTwoFiles(path);
        QCOMPARE(db->countLoops(LoopQuery{}), int64_t(2));
        QVERIFY(rawExec(path, "DROP TABLE windows"));
        auto check = [&](const char* purpose) {
            QVERIFY2(db->lastError(), purpose);
            QCOMPARE(db->lastError()->file, path);
            QCOMPARE(db->lastError()->message, std::string(purpose) + ": no such table: windows");
        };
        stderrOf(tmp_.filePath("stderr2.txt"), [&] {
            QCOMPARE(db->counts().files, int64_t(0));
            check("cannot count the library's files and windows");
            QCOMPARE(db->countLoops(LoopQuery{}), int64_t(0));
            check("cannot count the loops the browser shows");
            QVERIFY(db->loopRows(LoopQuery{}, 0, 10).empty());
            check("cannot read the loops the browser shows");
            QVERIFY(db->windowsOf("/m/a.mid").empty());
            check("cannot read the windows of a file");
            QVERIFY(db->windowRecords(false).empty());
            check("cannot read the windows for the models");
            const LoopSet set = loadLoopSet(*db);
            QVERIFY(set.rolls.empty());
            QVERIFY2(set.selection.find("no such table: windows") != std::string::npos, set.selection.c_str());
        });
        // Reads of the tables still there work, and the error is forgotten.
        QVERIFY(db->fileInfo("/m/a.mid"));
        QVERIFY(!db->lastError());
        QCOMPARE(db->fileStates().size(), size_t(2));
        QVERIFY(!db->lastError());
    }

    void importOnAnUnreadableLibraryStops()
    {
        const std::string path = tmp_.filePath("nofiles.sqlite").toStdString();
        auto db = libraryWithTwoFiles(path);
        QVERIFY(rawExec(path, "DROP TABLE files"));
        QVERIFY(QDir().mkpath(tmp_.filePath("empty")));
        JobContext job;
        ImportOptions o;
        o.roots = {tmp_.filePath("empty").toStdString()};
        Result<ImportSummary> r = ImportSummary{};
        stderrOf(tmp_.filePath("stderr3.txt"), [&] { r = importLibrary(*db, o, job); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().toString(), path + ": cannot read the stored files' states: no such table: files");
    }
};

QTEST_GUILESS_MAIN(TestLibraryErrors)
#include "test_library_errors.moc"
