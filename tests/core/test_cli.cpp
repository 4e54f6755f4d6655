// The command-line tool as a user runs it: JSON on stdout, exit codes 0/1/2.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestCli : public QObject {
    Q_OBJECT

    struct Run {
        int code;
        QByteArray out, err;
    };
    static Run cli(const QStringList& args, const QString& workingDir = {})
    {
        QProcess p;
        if (!workingDir.isEmpty())
            p.setWorkingDirectory(workingDir);
        p.start(LM_CLI, args);
        p.waitForFinished(60000);
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }

private Q_SLOTS:
    void windowsPrintsJson()
    {
        const Run r = cli({"windows", LM_TEST_DATA "/golden/01_groove_tpq480.mid"});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["usable"].toBool(), true);
        QCOMPARE(o["bars"].toInt(), 16);
        QCOMPARE(o["windows"].toArray().size(), 9);
        QCOMPARE(o["windows"].toArray()[0].toObject()["correlation"].toArray().size(), 28);
    }

    void unusableFileSaysWhy()
    {
        const Run r = cli({"windows", LM_TEST_DATA "/golden/06_three_four.mid"});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["usable"].toBool(), false);
        QCOMPARE(o["reason"].toString(), QString("not 4/4"));
        QVERIFY(o["windows"].toArray().isEmpty());
    }

    void ssmOfAThreeFourPiece()
    {
        const Run r = cli({"ssm", LM_TEST_DATA "/golden/06_three_four.mid"});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const int n = o["bars"].toInt();
        QVERIFY(n > 0);
        QCOMPARE(o["matrix"].toArray().size(), n);
        QCOMPARE(o["bar_starts"].toArray()[1].toInt(), 12); // 3/4 bars of 12 steps
    }

    void rollPrints57Rows()
    {
        const Run r = cli({"roll", LM_TEST_DATA "/golden/01_groove_tpq480.mid", "--start-bar", "3"});
        QCOMPARE(r.code, 0);
        const auto lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 57);
        for (const auto& l : lines)
            QCOMPARE(l.size(), 128);
    }

    void badInputExitsOneWithTheFileNamed()
    {
        QTemporaryDir tmp;
        const QString bad = tmp.filePath("broken.mid");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("MThd\0\0\0\6\0\1\0\1\1\xE0MTrk\0\0\1\0", 22);
        f.close();
        const Run r = cli({"windows", bad});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("broken.mid"));
        QVERIFY(r.err.contains("byte 18"));
        QVERIFY(r.out.isEmpty());
    }

    // A missing input is bad input (exit 1) with a message naming it, and the
    // command creates nothing: no library, no output file.
    void missingInputExitsOneAndCreatesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("named");
        QTest::newRow("scan, no folder") << QStringList{"scan", "nothere", "--db", "x.sqlite"} << "nothere";
        QTest::newRow("scan, one of two folders") << QStringList{"scan", ".", "gone", "--db", "x.sqlite"} << "gone";
        QTest::newRow("windows") << QStringList{"windows", "nofile.mid"} << "nofile.mid";
        QTest::newRow("windows, audio") << QStringList{"windows", "nofile.wav"} << "nofile.wav";
        QTest::newRow("ssm") << QStringList{"ssm", "nofile.mid"} << "nofile.mid";
        QTest::newRow("roll") << QStringList{"roll", "nofile.mid", "--start-bar", "0"} << "nofile.mid";
        QTest::newRow("tempo, no library") << QStringList{"tempo", "nofile.wav", "--db", "x.sqlite", "--bpm", "120"}
                                           << "nofile.wav";
        QTest::newRow("export-audio, no file")
            << QStringList{"export-audio", "nofile.wav", "--start-bar", "0", "--out", "o.wav", "--bpm", "120", "--downbeat", "0"}
            << "nofile.wav";
        QTest::newRow("export-audio, no library")
            << QStringList{"export-audio", "nofile.wav", "--start-bar", "0", "--out", "o.wav", "--db", "x.sqlite"}
            << "x.sqlite";
    }

    void missingInputExitsOneAndCreatesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, named);
        QTemporaryDir tmp;
        const Run r = cli(args, tmp.path());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(named.toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList{});
    }

    // tempo on a library that exists but a file that does not: the library is
    // left as it was (no tempo setting stored for a file that is not there).
    void tempoOfAMissingFileLeavesTheLibraryAlone()
    {
        QTemporaryDir tmp;
        QVERIFY(QDir(tmp.path()).mkdir("empty"));
        QCOMPARE(cli({"scan", "empty", "--db", "lib.sqlite", "--quiet"}, tmp.path()).code, 0);
        QFile lib(tmp.filePath("lib.sqlite"));
        QVERIFY(lib.open(QIODevice::ReadOnly));
        const QByteArray before = lib.readAll();
        lib.close();
        const Run r = cli({"tempo", "nofile.wav", "--db", "lib.sqlite", "--bpm", "120"}, tmp.path());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("nofile.wav: no such file"), r.err.constData());
        QVERIFY(lib.open(QIODevice::ReadOnly));
        QVERIFY(lib.readAll() == before);
    }

    void usageErrorsExitTwo()
    {
        QCOMPARE(cli({}).code, 2);
        QCOMPARE(cli({"frobnicate"}).code, 2);
        QCOMPARE(cli({"windows"}).code, 2);
        QCOMPARE(cli({"roll", LM_TEST_DATA "/golden/01_groove_tpq480.mid"}).code, 2);
        QCOMPARE(cli({"roll", LM_TEST_DATA "/golden/01_groove_tpq480.mid", "--start-bar", "x"}).code, 2);
        QCOMPARE(cli({"scan", "/tmp"}).code, 2);
        QCOMPARE(cli({"windows", "--bogus", "a.mid"}).code, 2);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
