// loopminer-cli loops: the library's loops as a JSON array (mined here;
// generated ones in tests/ml/test_cli_generate_keep.cpp), its filters, and
// its errors: a missing library (exit 1, named, nothing made), bad options (exit 2);
// star and tag (schema 6) and the --starred, --tag and tempo filters.
#include "CliRun.h"
#include "Fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using lm::test::CliRun;
using lm::test::runCli;

class TestCliLoops : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;

    static QJsonArray loops(const QStringList& extra, const QString& dir)
    {
        const CliRun r = runCli(QStringList{"loops", "--db", "lib.sqlite"} + extra, dir);
        if (r.code != 0)
            qWarning("loops: %s", r.err.constData());
        QJsonParseError e;
        const QJsonDocument d = QJsonDocument::fromJson(r.out, &e);
        if (r.code != 0 || !d.isArray())
            return QJsonArray{QJsonValue("not an array")};
        return d.array();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        QVERIFY(QDir(tmp_.path()).mkdir("music"));
        lm::test::writeCollection(tmp_.filePath("music").toStdString(), 4, 3);
        const CliRun scan = runCli({"scan", "music", "--db", "lib.sqlite", "--quiet"}, tmp_.path());
        QVERIFY2(scan.code == 0, scan.err.constData());
    }

    void minedLoopsAsJson()
    {
        const QJsonArray all = loops({}, tmp_.path());
        QVERIFY(all.size() > 4);
        QVERIFY(all[0].isObject());
        QSet<QString> ids;
        for (const QJsonValue& v : all) {
            const QJsonObject o = v.toObject();
            for (const char* key : {"id", "source", "file", "start_bar", "loop_score", "note_density", "unique_pitch", "tempo"})
                QVERIFY2(o.contains(key), key);
            QCOMPARE(o["source"].toString(), QString("mined"));
            QVERIFY2(o["id"].toString().startsWith('m'), qPrintable(o["id"].toString()));
            QVERIFY(o["file"].toString().startsWith(tmp_.filePath("music/groove_")));
            QVERIFY(o["loop_score"].isNull()); // nothing scored yet
            QVERIFY(o["note_density"].toDouble() > 0);
            QVERIFY(o["tempo"].toDouble() >= 80);
            ids.insert(o["id"].toString());
        }
        QCOMPARE(ids.size(), all.size());
        QCOMPARE(loops({"--source", "mined"}, tmp_.path()), all);
        QCOMPARE(loops({"--source", "generated"}, tmp_.path()), QJsonArray{});
        const QJsonArray two = loops({"--limit", "2"}, tmp_.path());
        QCOMPARE(two.size(), 2);
        QCOMPARE(two[0], all[0]);
        QCOMPARE(two[1], all[1]);
        QCOMPARE(loops({"--max-score", "1"}, tmp_.path()), QJsonArray{}); // unscored loops are under no score
    }

    // star and tag from a script, and loops' --starred / --tag / --min-tempo / --max-tempo.
    void starTagAndFilter()
    {
        const QJsonArray all = loops({}, tmp_.path());
        QVERIFY(all.size() > 4);
        for (const QJsonValue& v : all) {
            QCOMPARE(v.toObject()["starred"], QJsonValue(false));
            QCOMPARE(v.toObject()["tags"], QJsonValue(QJsonArray{}));
        }
        const QString a = all[0].toObject()["id"].toString(), b = all[3].toObject()["id"].toString();
        const CliRun star = runCli({"star", "--db", "lib.sqlite", "--id", a + "," + b}, tmp_.path());
        QVERIFY2(star.code == 0, star.err.constData());
        QCOMPARE(QJsonDocument::fromJson(star.out).array().size(), 2);
        QSet<QString> starred;
        for (const QJsonValue& v : loops({"--starred"}, tmp_.path()))
            starred.insert(v.toObject()["id"].toString());
        QCOMPARE(starred, (QSet<QString>{a, b}));
        QVERIFY(runCli({"star", "--db", "lib.sqlite", "--id", b, "--off"}, tmp_.path()).code == 0);
        const QJsonArray one = loops({"--starred"}, tmp_.path());
        QCOMPARE(one.size(), 1);
        QCOMPARE(one[0].toObject()["id"].toString(), a);

        const CliRun tag = runCli({"tag", "--db", "lib.sqlite", "--id", b, "--add", "drums, Funky"}, tmp_.path());
        QVERIFY2(tag.code == 0, tag.err.constData());
        QCOMPARE(QJsonDocument::fromJson(tag.out).array()[0].toObject()["tags"], QJsonValue(QJsonArray{"drums", "Funky"}));
        const QJsonArray funky = loops({"--tag", "funky"}, tmp_.path());
        QCOMPARE(funky.size(), 1);
        QCOMPARE(funky[0].toObject()["id"].toString(), b);
        QCOMPARE(funky[0].toObject()["tags"], QJsonValue(QJsonArray{"drums", "Funky"}));
        QVERIFY(runCli({"tag", "--db", "lib.sqlite", "--id", b, "--remove", "drums"}, tmp_.path()).code == 0);
        QCOMPARE(loops({"--tag", "drums"}, tmp_.path()), QJsonArray{});

        // The tempo range is inclusive, on the tempo the JSON gives.
        const double t = all[2].toObject()["tempo"].toDouble();
        const QString bpm = QString::number(t, 'g', 17);
        int expected = 0;
        for (const QJsonValue& v : all)
            expected += v.toObject()["tempo"].toDouble() == t;
        const QJsonArray exact = loops({"--min-tempo", bpm, "--max-tempo", bpm}, tmp_.path());
        QCOMPARE(exact.size(), expected);
        for (const QJsonValue& v : exact)
            QCOMPARE(v.toObject()["tempo"].toDouble(), t);
        for (const QJsonValue& v : loops({"--min-tempo", bpm}, tmp_.path()))
            QVERIFY(v.toObject()["tempo"].toDouble() >= t);
    }

    void missingLibraryExitsOneAndCreatesNothing()
    {
        lm::test::checkMissingInput({"loops", "--db", "nothere.sqlite"}, "nothere.sqlite: no such library");
    }

    void badOptionsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no --db") << QStringList{"loops"} << "loops needs --db LIB.sqlite";
        QTest::newRow("--source") << QStringList{"loops", "--db", "lib.sqlite", "--source", "found"}
                                  << "--source needs mined or generated, not 'found'";
        QTest::newRow("--limit") << QStringList{"loops", "--db", "lib.sqlite", "--limit", "0"}
                                 << "--limit needs a whole number from 1 to 1000000000, not '0'";
        QTest::newRow("--max-score") << QStringList{"loops", "--db", "lib.sqlite", "--max-score", "low"}
                                     << "--max-score needs a number from 0 to 1000000000, not 'low'";
        QTest::newRow("unknown option") << QStringList{"loops", "--db", "lib.sqlite", "--sauce", "x"} << "--sauce";
        QTest::newRow("star: no such loop") << QStringList{"star", "--db", "lib.sqlite", "--id", "m999999"}
                                            << "no loop m999999 in lib.sqlite";
        QTest::newRow("star: bad id") << QStringList{"star", "--db", "lib.sqlite", "--id", "x12"}
                                      << "--id takes loop ids as 'loopminer-cli loops' prints them (m12, g3), not 'x12'";
        QTest::newRow("tag: no such loop") << QStringList{"tag", "--db", "lib.sqlite", "--id", "g7", "--add", "x"}
                                           << "no loop g7 in lib.sqlite";
        QTest::newRow("tag: nothing to do") << QStringList{"tag", "--db", "lib.sqlite", "--id", "m1"}
                                            << "tag needs one of --add TAGS, --remove TAGS or --set TAGS";
        QTest::newRow("tag: empty") << QStringList{"tag", "--db", "lib.sqlite", "--id", "m1", "--add", " , "}
                                    << "--add needs a tag";
        QTest::newRow("--min-tempo") << QStringList{"loops", "--db", "lib.sqlite", "--min-tempo", "fast"}
                                     << "--min-tempo needs a number from 1 to 1000, not 'fast'";
        QTest::newRow("tempo range") << QStringList{"loops", "--db", "lib.sqlite", "--min-tempo", "130", "--max-tempo", "120"}
                                     << "--min-tempo is above --max-tempo";
    }

    void badOptionsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun r = runCli(args, tmp_.path());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliLoops)
#include "test_cli_loops.moc"
