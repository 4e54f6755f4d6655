// Sharded scans and their merge, through the real loopminer-cli: N = 1, 2, 3
// and 5 parts merged give the rows of one scan of the same folder; merge
// refuses parts of another schema version, of another folder, overlapping or
// missing parts, and keeps an existing library; a file that hangs the parser
// is cut off by --file-timeout, recorded as failed, and the scan goes on.
#include "CliRun.h"
#include "Fixtures.h"
#include "LibraryRows.h"

#include "core/library/ImportPool.h"
#include "core/library/ScanShard.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace lm;
using test::runCli;

namespace {

const QStringList kTables = {"files", "pieces", "windows"};

// 45 files in nested folders: usable, 3/4, without bass and truncated ones.
QString makeFolder(const QTemporaryDir& tmp, const QString& name = "collection")
{
    const QString root = tmp.filePath(name);
    for (const QString& sub : {QStringLiteral("/a"), QStringLiteral("/b/deeper")})
        QDir().mkpath(root + sub);
    test::writeCollection((root + "/a").toStdString(), 20, 3);
    test::writeCollection((root + "/b/deeper").toStdString(), 15, 4);
    test::writeCollection(root.toStdString(), 10, 5);
    return root;
}

QJsonObject json(const test::CliRun& r) { return QJsonDocument::fromJson(r.out).object(); }

void setVersion(const QString& db, int version)
{
    sqlite3* h = nullptr;
    QCOMPARE(sqlite3_open(db.toUtf8().constData(), &h), SQLITE_OK);
    QCOMPARE(sqlite3_exec(h, ("PRAGMA user_version=" + std::to_string(version)).c_str(), nullptr, nullptr, nullptr),
             SQLITE_OK);
    sqlite3_close(h);
}

} // namespace

class TestShard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shardsAreDeterministicAndSplitTheFiles()
    {
        ScanShard s{0, 4, "/data/midi"};
        int seen[4] = {0, 0, 0, 0};
        for (int i = 0; i < 400; ++i) {
            const std::string rel = "artist_" + std::to_string(i % 17) + "/song_" + std::to_string(i) + ".mid";
            const int k = shardOfRelative(rel, 4);
            QVERIFY(k >= 0 && k < 4);
            ++seen[k];
            // Same answer from any root: only the relative path counts.
            QCOMPARE(shardOf("/data/midi/" + rel, s), k);
            QCOMPARE(shardOf("/mnt/other/place/" + rel, ScanShard{0, 4, "/mnt/other/place"}), k);
        }
        for (int k = 0; k < 4; ++k)
            QVERIFY2(seen[k] > 60, qPrintable(QString::number(seen[k]))); // about 100 each
        // A fixed value, so a change of the hash (which would split old parts differently) is seen.
        QCOMPARE(shardOfRelative("a/groove_1.mid", 1000), 105); // FNV-1a 64 0x2e3a55dfdc699559 % 1000
        ScanShard parsed;
        QVERIFY(parseShard("2/5", parsed));
        QCOMPARE(parsed.index, 2);
        QCOMPARE(parsed.count, 5);
        for (const char* bad : {"5/5", "-1/3", "1/0", "1", "/3", "a/b", "1/3x"})
            QVERIFY2(!parseShard(bad, parsed), bad);
    }

    void mergedShardsEqualOneScan()
    {
        QTemporaryDir tmp;
        const QString root = makeFolder(tmp);
        const QString single = tmp.filePath("single.sqlite");
        auto one = runCli({"scan", root, "--db", single, "--quiet"});
        QVERIFY2(one.code == 0, one.err.constData());
        QCOMPARE(json(one)["files_seen"].toInt(), 45);
        QVERIFY(json(one)["usable"].toInt() > 30);
        QVERIFY(json(one)["failed"].toInt() > 0); // the truncated ones: error rows are merged too
        for (int n : {1, 2, 3, 5}) {
            QStringList parts;
            int filesInParts = 0;
            for (int k = 0; k < n; ++k) {
                const QString part = tmp.filePath(QStringLiteral("part-%1-of-%2.sqlite").arg(k).arg(n));
                auto r = runCli({"scan", root, "--db", part, "--shard", QStringLiteral("%1/%2").arg(k).arg(n), "--threads",
                                 QString::number(1 + k % 2), "--quiet"});
                QVERIFY2(r.code == 0, r.err.constData());
                QCOMPARE(json(r)["shard"].toString(), QStringLiteral("%1/%2").arg(k).arg(n));
                filesInParts += json(r)["files_seen"].toInt();
                parts << part;
            }
            QCOMPARE(filesInParts, 45); // each file in exactly one part
            const QString all = tmp.filePath(QStringLiteral("all-%1.sqlite").arg(n));
            auto m = runCli(QStringList{"merge"} + parts + QStringList{"--db", all});
            QVERIFY2(m.code == 0, m.err.constData());
            QCOMPARE(json(m)["files"].toInt(), 45);
            QCOMPARE(json(m)["shards"].toInt(), n);
            QVERIFY(json(m)["tables"].toArray().contains(QStringLiteral("windows")));
            QVERIFY(!QFile::exists(all + "-wal")); // one file, journal folded in
            for (const QString& t : kTables) {
                const QStringList want = test::libraryRows(single, t), got = test::libraryRows(all, t);
                QVERIFY(want.size() > 0);
                QCOMPARE(got.size(), want.size());
                QCOMPARE(got, want);
            }
        }
    }

    void listedFilesShardAndMergeToo()
    {
        QTemporaryDir tmp;
        const QString root = makeFolder(tmp);
        const QString single = tmp.filePath("single.sqlite");
        QCOMPARE(runCli({"scan", root, "--db", single, "--quiet"}).code, 0);
        // Relative paths, as `find . -name '*.mid'` in the root writes them, and a comment.
        QFile list(tmp.filePath("files.txt"));
        QVERIFY(list.open(QIODevice::WriteOnly));
        list.write("# the collection\n");
        for (const QString& f : QDir(root).entryList({"*.mid", "*.MIDI"}, QDir::Files))
            list.write(("./" + f + "\n").toUtf8());
        for (const QString& sub : {"a", "b/deeper"})
            for (const QString& f : QDir(root + "/" + sub).entryList({"*.mid", "*.MIDI"}, QDir::Files))
                list.write((sub + "/" + f + "\n").toUtf8());
        list.close();
        QStringList parts;
        for (int k = 0; k < 3; ++k) {
            parts << tmp.filePath(QStringLiteral("l%1.sqlite").arg(k));
            auto r = runCli({"scan", "--list", list.fileName(), "--root", root, "--db", parts.last(), "--shard",
                             QStringLiteral("%1/3").arg(k), "--quiet"});
            QVERIFY2(r.code == 0, r.err.constData());
        }
        // The same shard of a folder scan and of a list scan holds the same files.
        const QString folderPart = tmp.filePath("f1.sqlite");
        QCOMPARE(runCli({"scan", root, "--db", folderPart, "--shard", "1/3", "--quiet"}).code, 0);
        QCOMPARE(test::libraryRows(folderPart, "windows"), test::libraryRows(parts[1], "windows"));
        const QString all = tmp.filePath("all.sqlite");
        auto m = runCli(QStringList{"merge"} + parts + QStringList{"--db", all});
        QVERIFY2(m.code == 0, m.err.constData());
        for (const QString& t : kTables)
            QCOMPARE(test::libraryRows(all, t), test::libraryRows(single, t));
        // --list without --root, or with folders, is a usage error.
        QCOMPARE(runCli({"scan", "--list", list.fileName(), "--db", tmp.filePath("x.sqlite"), "--shard", "0/3"}).code, 2);
        QCOMPARE(runCli({"scan", root, "--list", list.fileName(), "--root", root, "--db", tmp.filePath("x.sqlite")}).code, 2);
    }

    void rescanOfAShardIsIncrementalAndKeepsToItsShard()
    {
        QTemporaryDir tmp;
        const QString root = makeFolder(tmp);
        const QString part = tmp.filePath("p0.sqlite");
        auto first = runCli({"scan", root, "--db", part, "--shard", "0/2", "--quiet"});
        QCOMPARE(first.code, 0);
        auto again = runCli({"scan", root, "--db", part, "--shard", "0/2", "--quiet"});
        QCOMPARE(again.code, 0);
        QCOMPARE(json(again)["read"].toInt(), 0);
        QCOMPARE(json(again)["unchanged"].toInt(), json(first)["files_seen"].toInt());
        // Another shard, or another folder, into the same part is refused before anything is written.
        const QStringList before = test::libraryRows(part, "files");
        auto other = runCli({"scan", root, "--db", part, "--shard", "1/2", "--quiet"});
        QCOMPARE(other.code, 1);
        QVERIFY2(other.err.contains("holds shard 0/2"), other.err.constData());
        QCOMPARE(test::libraryRows(part, "files"), before);
        const QString plain = tmp.filePath("plain.sqlite");
        QCOMPARE(runCli({"scan", root, "--db", plain, "--quiet"}).code, 0);
        auto intoPlain = runCli({"scan", root, "--db", plain, "--shard", "0/2", "--quiet"});
        QCOMPARE(intoPlain.code, 1);
        QVERIFY2(intoPlain.err.contains("without --shard"), intoPlain.err.constData());
        QCOMPARE(runCli({"scan", root, "--db", part, "--shard", "2/2"}).code, 2);
    }

    void mergeRefusesPartsThatDoNotBelongTogether()
    {
        QTemporaryDir tmp;
        const QString root = makeFolder(tmp);
        const QString p0 = tmp.filePath("p0.sqlite"), p1 = tmp.filePath("p1.sqlite");
        QCOMPARE(runCli({"scan", root, "--db", p0, "--shard", "0/2", "--quiet"}).code, 0);
        QCOMPARE(runCli({"scan", root, "--db", p1, "--shard", "1/2", "--quiet"}).code, 0);
        const QString out = tmp.filePath("all.sqlite");
        auto refused = [&](const QStringList& parts, const QByteArray& why, const QString& named) {
            const QStringList before = test::entries(tmp.path());
            auto r = runCli(QStringList{"merge"} + parts + QStringList{"--db", out});
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains(why), r.err.constData());
            QVERIFY2(r.err.contains(named.toUtf8()), r.err.constData());
            QVERIFY(r.out.isEmpty());
            QCOMPARE(test::entries(tmp.path()), before); // no output, no temporary left
        };
        // Another schema version.
        const QString old = tmp.filePath("old.sqlite");
        QVERIFY(QFile::copy(p1, old));
        setVersion(old, 3);
        refused({p0, old}, "schema version 3", old);
        // Another folder (same files, copied elsewhere).
        const QString elsewhere = makeFolder(tmp, "copy");
        const QString e1 = tmp.filePath("e1.sqlite");
        QCOMPARE(runCli({"scan", elsewhere, "--db", e1, "--shard", "1/2", "--quiet"}).code, 0);
        refused({p0, e1}, "come from one folder", e1);
        // A missing shard, the same shard twice, a part of another split, a library that is no part.
        refused({p0}, "lacks 1 of 2 shards (1/2)", p0);
        refused({p0, p1, p1}, "holds shard 1/2", p1);
        const QString third = tmp.filePath("t.sqlite");
        QCOMPARE(runCli({"scan", root, "--db", third, "--shard", "0/3", "--quiet"}).code, 0);
        refused({p0, third}, "split the files alike", third);
        const QString plain = tmp.filePath("plain.sqlite");
        QCOMPARE(runCli({"scan", root, "--db", plain, "--quiet"}).code, 0);
        refused({p0, plain}, "not a part of a sharded scan", plain);
        refused({p0, tmp.filePath("nothere.sqlite")}, "no such part", "nothere.sqlite");
        // --allow-missing merges what there is and says what is missing.
        auto partial = runCli({"merge", p0, "--db", out, "--allow-missing"});
        QVERIFY2(partial.code == 0, partial.err.constData());
        QCOMPARE(json(partial)["missing_shards"].toArray(), QJsonArray{1});
        // An existing library is kept unless --overwrite.
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray kept = f.readAll();
        f.close();
        refused({p0, p1}, "already exists", out);
        QFile again(out);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), kept);
        again.close();
        auto over = runCli({"merge", p0, p1, "--db", out, "--overwrite"});
        QVERIFY2(over.code == 0, over.err.constData());
        QCOMPARE(json(over)["files"].toInt(), 45);
        QCOMPARE(runCli({"merge", "--db", out}).code, 2);
        QCOMPARE(runCli({"merge", p0, p1}).code, 2);
    }

    void partsScannedWhereTheCollectionWasElsewhereMoveUnderOneRoot()
    {
        // As on a cluster whose nodes mount (or stage) the collection at other paths.
        QTemporaryDir tmp;
        const QString root = makeFolder(tmp);
        const QString single = tmp.filePath("single.sqlite");
        QCOMPARE(runCli({"scan", root, "--db", single, "--quiet"}).code, 0);
        const QString p0 = tmp.filePath("p0.sqlite"), p1 = tmp.filePath("p1.sqlite");
        QCOMPARE(runCli({"scan", root, "--db", p0, "--shard", "0/2", "--quiet"}).code, 0);
        const QString mounted = tmp.filePath("mnt/other");
        QVERIFY(QDir().mkpath(tmp.filePath("mnt")));
        QVERIFY(QDir().rename(root, mounted)); // a rename keeps the files' times
        QCOMPARE(runCli({"scan", mounted, "--db", p1, "--shard", "1/2", "--quiet"}).code, 0);
        QVERIFY(QDir().rename(mounted, root));
        const QString all = tmp.filePath("all.sqlite");
        auto refused = runCli({"merge", p0, p1, "--db", all});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains("or give --root DIR"), refused.err.constData());
        auto m = runCli({"merge", p0, p1, "--db", all, "--root", root + "/"});
        QVERIFY2(m.code == 0, m.err.constData());
        QCOMPARE(json(m)["root"].toString(), root);
        for (const QString& t : kTables)
            QCOMPARE(test::libraryRows(all, t), test::libraryRows(single, t));
    }

    void aFileThatHangsTheParserIsCutOff_data()
    {
        QTest::addColumn<int>("threads");
        QTest::newRow("one thread") << 1;
        QTest::newRow("two threads") << 2;
    }

    void aFileThatHangsTheParserIsCutOff()
    {
        QFETCH(int, threads);
        QTemporaryDir tmp;
        const QString root = makeFolder(tmp);
        const QString db = tmp.filePath("lib.sqlite");
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(kHangFileVariable, "groove_4.mid"); // in a/ and b/deeper/: two files hang
        p.setProcessEnvironment(env);
        p.start(LM_CLI, {"scan", root, "--db", db, "--file-timeout", "0.5", "--threads", QString::number(threads),
                         "--quiet"});
        QVERIFY(p.waitForFinished(60000)); // without the time limit it would never end
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QJsonObject out = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(out["timed_out"].toInt(), 3); // groove_4.mid in the root, a/ and b/deeper/
        QCOMPARE(out["files_seen"].toInt(), 45);
        int reported = 0;
        for (const auto& s : out["skipped"].toArray())
            if (s.toObject()["file"].toString().endsWith("/groove_4.mid")) {
                QCOMPARE(s.toObject()["reason"].toString(), QString::fromStdString(timeoutReason(0.5)));
                ++reported;
            }
        QCOMPARE(reported, 3);
        // Every other file was stored as usual; the cut-off ones as failed, with the reason.
        const QStringList files = test::libraryRows(db, "files");
        QCOMPARE(files.size(), 45);
        QCOMPARE(files.filter("/groove_4.mid | ").filter("| error | given up").size(), 3);
        QCOMPARE(files.filter("| usable |").size(), out["usable"].toInt());
    }
};

QTEST_GUILESS_MAIN(TestShard)
#include "test_shard.moc"
