// The demo library the build makes (bench/CMakeLists.txt, tools/make_demo_library.sh)
// and its copy into a user's data folder (core/library/DemoLibrary): the shipped
// file has windows, mined loops under the detector's threshold and generated
// loops, all its files exist; a copy under another data folder points there,
// is kept while it is a copy of the same file, replaced when the shipped one
// changes, and a library of the user's at that name is never replaced.
#include "core/base/DataPaths.h"
#include "core/base/FileBytes.h"
#include "core/library/DemoLibrary.h"
#include "core/library/LibraryDb.h"

#include <sqlite3.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

using namespace lm;

namespace {

// A little SQL on a library, from outside the code under test.
struct Sql {
    sqlite3* db = nullptr;
    explicit Sql(const QString& path) { sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr); }
    ~Sql() { sqlite3_close(db); }
    QStringList column(const char* sql) const
    {
        QStringList out;
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
            return {QStringLiteral("SQL error: ") + sqlite3_errmsg(db)};
        while (sqlite3_step(st) == SQLITE_ROW)
            out << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        sqlite3_finalize(st);
        return out;
    }
    QString one(const char* sql) const { return column(sql).value(0); }
};

QByteArray hashOf(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : QByteArray();
}

} // namespace

class TestDemoLibrary : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    QString shipped_ = QString::fromStdString(shippedDemoLibrary());

private Q_SLOTS:
    void theBuildMadeLibrary()
    {
        QVERIFY2(QFile::exists(shipped_), qPrintable(shipped_));
        Sql sql(shipped_);
        QCOMPARE(sql.one("PRAGMA journal_mode"), QStringLiteral("delete")); // opens from a read-only folder
        QCOMPARE(sql.one("SELECT value FROM meta WHERE key='demo_data_dir'"), QDir(QString::fromStdString(dataDir())).absolutePath());
        QVERIFY(sql.one("SELECT count(*) FROM files WHERE kind='midi' AND status='usable'").toInt() >= 40);
        QVERIFY(sql.one("SELECT count(*) FROM files WHERE kind='audio' AND status='usable'").toInt() >= 2);
        QVERIFY(sql.one("SELECT count(*) FROM windows WHERE kept=1").toInt() > 300);
        const int under = sql.one("SELECT count(*) FROM windows w JOIN files f ON f.id=w.file_id WHERE w.kept=1 AND f.kind='midi' "
                                  "AND w.loop_score < (SELECT CAST(value AS REAL) FROM meta WHERE key='loop_threshold')")
                              .toInt();
        QVERIFY2(under >= 20, qPrintable(QString::number(under)));
        QCOMPARE(sql.one("SELECT count(*) FROM generated_loops WHERE kept=1 AND loop_score < 0.001").toInt(), 16);
        QCOMPARE(sql.one("SELECT seed FROM generation_batches"), QStringLiteral("1"));
        for (const QString& path : sql.column("SELECT path FROM files")) {
            QVERIFY2(path.startsWith(QString::fromStdString(demoDir()) + "/grooves/"), qPrintable(path));
            QVERIFY2(QFile::exists(path), qPrintable(path));
        }
        QVERIFY(QFile::exists(sql.one("SELECT model_dir FROM generation_batches") + "/vqvae.lmm"));
    }

    void copiedUnderAnotherDataFolder()
    {
        // An installed data folder elsewhere, as /usr/share/loopminer is.
        const QString data = tmp_.filePath("usr/share/loopminer");
        std::filesystem::create_directories(data.toStdString());
        std::filesystem::copy(dataDir() + "/demo", (data + "/demo").toStdString(), std::filesystem::copy_options::recursive);
        std::filesystem::copy(dataDir() + "/models", (data + "/models").toStdString(), std::filesystem::copy_options::recursive);
        const QString shipped = data + "/demo/demo.sqlite", dest = tmp_.filePath("home/.local/share/loopminer/demo-library.sqlite");
        auto r = installDemoLibrary(shipped.toStdString(), data.toStdString(), dest.toStdString());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().toString().c_str());
        QCOMPARE(*r, true);
        QVERIFY(!QFile::exists(dest + ".part"));
        {
            Sql sql(dest);
            const QStringList paths = sql.column("SELECT path FROM files");
            QVERIFY(paths.size() >= 42);
            for (const QString& p : paths) {
                QVERIFY2(p.startsWith(data + "/demo/grooves/"), qPrintable(p));
                const auto stamp = fileStamp(p.toStdString());
                QVERIFY(stamp);
                QCOMPARE(sql.column(qPrintable("SELECT mtime_ns FROM files WHERE path='" + p + "'")).value(0).toLongLong(), stamp->mtimeNs);
            }
            QCOMPARE(sql.one("SELECT model_dir FROM generation_batches"), data + "/models/default");
            QCOMPARE(sql.one("SELECT value FROM meta WHERE key='loop_model'"), data + "/models/default");
        }
        // The library reads its files there: windows, and a piece to show.
        auto db = LibraryDb::open(dest.toStdString());
        QVERIFY(db.ok());
        Sql sql(dest);
        const QString first = sql.one("SELECT path FROM files WHERE kind='midi' ORDER BY path LIMIT 1");
        QVERIFY(!(*db)->windowsOf(first.toStdString()).empty());

        // The pick: the kept generated loop with the lowest loop score.
        const QString lowest = "g" + sql.one("SELECT id FROM generated_loops WHERE kept=1 ORDER BY loop_score, id LIMIT 1");
        const auto pick = demoPick(**db);
        QVERIFY(pick);
        QCOMPARE(QString::fromStdString(pick->text()), lowest);
        db->reset();

        // Kept while it is a copy of the same shipped file...
        auto again = installDemoLibrary(shipped.toStdString(), data.toStdString(), dest.toStdString());
        QVERIFY(again.ok());
        QCOMPARE(*again, false);
        // ... replaced by a new one.
        std::filesystem::last_write_time(shipped.toStdString(), std::filesystem::file_time_type::clock::now());
        auto newer = installDemoLibrary(shipped.toStdString(), data.toStdString(), dest.toStdString());
        QVERIFY(newer.ok());
        QCOMPARE(*newer, true);
    }

    void aUsersLibraryAtThatNameIsKept()
    {
        const QString dest = tmp_.filePath("mine/demo-library.sqlite");
        QDir().mkpath(tmp_.filePath("mine"));
        {
            auto db = LibraryDb::open(dest.toStdString()); // a library of the user's own
            QVERIFY(db.ok());
        }
        const QByteArray before = hashOf(dest);
        auto r = installDemoLibrary(shipped_.toStdString(), dataDir(), dest.toStdString());
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error().toString()).contains("not a copy of the demo library"), r.error().toString().c_str());
        QCOMPARE(hashOf(dest), before);
        // No shipped library: said, nothing made.
        const QString none = tmp_.filePath("none/demo-library.sqlite");
        auto missing = installDemoLibrary(tmp_.filePath("nothing.sqlite").toStdString(), dataDir(), none.toStdString());
        QVERIFY(!missing.ok());
        QVERIFY(QString::fromStdString(missing.error().toString()).contains("no demo library"));
        QVERIFY(!QFile::exists(none));
    }
};

QTEST_GUILESS_MAIN(TestDemoLibrary)
#include "test_demo_library.moc"
