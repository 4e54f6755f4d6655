// loopminer-cli generate --db LIB --keep: the loops stored in the library as
// generated loops with their provenance (and still written with --out), then
// listed by `loops --source generated`; its usage errors and a missing library.
#include "../core/CliRun.h"
#include "../core/Fixtures.h"

#include "core/library/LibraryDb.h"
#include "core/model/LoopFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using lm::test::CliRun;
using lm::test::runCli;

class TestCliGenerateKeep : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;

    QJsonArray loops(const QStringList& extra)
    {
        const CliRun r = runCli(QStringList{"loops", "--db", "lib.sqlite"} + extra, tmp_.path());
        const QJsonDocument d = QJsonDocument::fromJson(r.out);
        if (r.code != 0 || !d.isArray())
            return QJsonArray{QJsonValue(QString::fromUtf8(r.err))};
        return d.array();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        QVERIFY(QDir(tmp_.path()).mkdir("music"));
        lm::test::writeCollection(tmp_.filePath("music").toStdString(), 3, 5);
        const CliRun scan = runCli({"scan", "music", "--db", "lib.sqlite", "--quiet"}, tmp_.path());
        QVERIFY2(scan.code == 0, scan.err.constData());
    }

    void keptLoopsAreInTheLibraryWithTheirProvenance()
    {
        const int mined = loops({}).size();
        QVERIFY(mined > 0);
        const CliRun r = runCli({"generate", "--db", "lib.sqlite", "--keep", "-n", "4", "--seed", "5", "--top-p", "0.9",
                                 "--bpm", "101", "--out", "gen", "--quiet", "--threads", "1"},
                                tmp_.path(), 300000);
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(summary["kept"].toInt(), 4);
        QVERIFY(summary["library"].toString().endsWith("lib.sqlite"));
        const QJsonArray made = summary["loops"].toArray();
        QCOMPARE(made.size(), 4);
        QMap<QString, double> scoreOf;
        for (const QJsonValue& v : made) {
            const QJsonObject o = v.toObject();
            QVERIFY2(o["id"].toString().startsWith('g'), qPrintable(o["id"].toString()));
            QVERIFY(QFile::exists(tmp_.filePath(o["file"].toString()))); // --out still writes the files
            scoreOf[o["id"].toString()] = o["loop_score"].toDouble();
        }
        const QJsonArray generated = loops({"--source", "generated"});
        QCOMPARE(generated.size(), 4);
        for (const QJsonValue& v : generated) {
            const QJsonObject o = v.toObject();
            QCOMPARE(o["source"].toString(), QString("generated"));
            QVERIFY2(scoreOf.contains(o["id"].toString()), qPrintable(o["id"].toString()));
            QCOMPARE(o["loop_score"].toDouble(), scoreOf[o["id"].toString()]);
            QVERIFY(o["file"].isNull());
            QCOMPARE(o["start_bar"].toInt(), 0);
            QCOMPARE(o["tempo"].toDouble(), 101.0);
            QCOMPARE(o["model"].toString(), QString("default"));
            QVERIFY(o.contains("note_density") && o.contains("unique_pitch"));
        }
        QCOMPARE(loops({}).size(), mined + 4);
        QCOMPARE(loops({"--source", "mined"}).size(), mined);
        QCOMPARE(loops({"--model", "default"}).size(), 4);

        // The stored roll is the one written to loop_001.mid, and the provenance is there.
        auto db = lm::LibraryDb::open(tmp_.filePath("lib.sqlite").toStdString(), lm::LibraryOpen::MustExist);
        QVERIFY(db.ok());
        const auto first = (*db)->generatedLoop(lm::LoopId::parse(made[0].toObject()["id"].toString().toStdString())->id);
        QVERIFY(first && first->kept);
        QCOMPARE(first->seed, uint64_t(5));
        QVERIFY2(first->modelDir.find("share/loopminer/models/default") != std::string::npos, first->modelDir.c_str());
        QVERIFY2(first->settingsJson.find("\"top_p\":0.9") != std::string::npos, first->settingsJson.c_str());
        QVERIFY((*db)->generationHistory().empty()); // --keep keeps everything: no batch is left pending
        const CliRun roll = runCli({"roll", made[0].toObject()["file"].toString(), "--start-bar", "0"}, tmp_.path());
        QCOMPARE(roll.code, 0);
        const QList<QByteArray> lines = roll.out.trimmed().split('\n');
        QCOMPARE(lines.size(), lm::format::kRows);
        for (int row = 0; row < lm::format::kRows; ++row)
            for (int s = 0; s < lm::format::kWindowSteps; ++s)
                QCOMPARE(lines[row].at(s) == '1', bool((first->loop.roll[size_t(s)] >> row) & 1u));

        // Without --out: kept, no files.
        const CliRun again = runCli({"generate", "--db", "lib.sqlite", "--keep", "-n", "2", "--seed", "6", "--quiet"},
                                    tmp_.path(), 300000);
        QVERIFY2(again.code == 0, again.err.constData());
        QCOMPARE(loops({"--source", "generated"}).size(), 6);
        QCOMPARE(lm::test::entries(tmp_.path()).filter("gen").size(), 1);
    }

    void keepWithoutALibraryExitsOneAndCreatesNothing()
    {
        lm::test::checkMissingInput({"generate", "--db", "nothere.sqlite", "--keep", "-n", "1"},
                                    "nothere.sqlite: no such library");
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("--keep without --db") << QStringList{"generate", "--keep", "-n", "1"} << "--keep needs --db LIB.sqlite";
        QTest::newRow("--db without --keep") << QStringList{"generate", "--db", "lib.sqlite", "-n", "1", "--out", "g"}
                                             << "add --keep";
        QTest::newRow("nowhere to put them") << QStringList{"generate", "-n", "1"}
                                             << "generate needs --out OUTDIR or --db LIB.sqlite --keep";
        QTest::newRow("--max-drawn") << QStringList{"generate", "--db", "lib.sqlite", "--keep", "--max-drawn", "0"}
                                     << "--max-drawn needs a whole number from 1 to 1000000000, not '0'";
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const CliRun r = runCli(args, dir.path());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        QCOMPARE(lm::test::entries(dir.path()), QStringList{});
    }
};

QTEST_GUILESS_MAIN(TestCliGenerateKeep)
#include "test_cli_generate_keep.moc"
