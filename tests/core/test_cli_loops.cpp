// loopminer-cli loops: the library's loops as a JSON array (mined here;
// generated ones in tests/ml/test_cli_generate_keep.cpp), its filters, and
// its errors: a missing library (exit 1, named, nothing made), bad options (exit 2).
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
