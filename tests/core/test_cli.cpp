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
    static Run cli(const QStringList& args)
    {
        QProcess p;
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
