// The model commands of the command-line tool (train, score, generate,
// evaluate): inputs that are not there (exit 1, a message naming the missing
// input, and nothing created), bad numbers (exit 2 naming the option and its
// range), generate with the bundled model, and the settings description.
#include "../core/CliRun.h"
#include "core/ml/CodePrior.h"
#include "core/ml/LoopDetector.h"
#include "core/ml/VqVae.h"
#include "core/io/MidiWriter.h"
#include "core/model/LoopFormat.h"
#include "core/model/RollToMidi.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestCliModels : public QObject {
    Q_OBJECT

    using Run = lm::test::CliRun;
    static Run cli(const QStringList& args, const QString& dir = {}) { return lm::test::runCli(args, dir); }
    static QStringList entries(const QString& dir) { return lm::test::entries(dir); }

private Q_SLOTS:
    void missingInputExitsOneAndCreatesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("named");
        QTest::newRow("train detector") << QStringList{"train", "detector", "--db", "nothere.sqlite", "--out", "m3"}
                                        << "nothere.sqlite: no such library";
        QTest::newRow("train vqvae") << QStringList{"train", "vqvae", "--db", "nothere.sqlite", "--out", "m3"}
                                     << "nothere.sqlite: no such library";
        QTest::newRow("train prior") << QStringList{"train", "prior", "--db", "nothere.sqlite", "--out", "m3"}
                                     << "nothere.sqlite: no such library";
        QTest::newRow("score") << QStringList{"score", "--db", "nothere.sqlite", "--model", "m3"}
                               << "nothere.sqlite: no such library";
        QTest::newRow("evaluate") << QStringList{"evaluate", "--db", "nothere.sqlite", "--model", "m3"}
                                  << "nothere.sqlite: no such library";
        QTest::newRow("generate") << QStringList{"generate", "--model", "m3", "--out", "gen", "-n", "1"} << "m3";
    }

    void missingInputExitsOneAndCreatesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, named);
        lm::test::checkMissingInput(args, named);
    }

    // An empty library: the error names the library (where the windows are
    // missing), not the output folder, and the output folder is not made.
    void trainingOnAnEmptyLibraryNamesTheLibrary()
    {
        QTemporaryDir tmp;
        QVERIFY(QDir(tmp.path()).mkdir("empty"));
        QCOMPARE(cli({"scan", "empty", "--db", "lib.sqlite", "--quiet"}, tmp.path()).code, 0);
        const Run r = cli({"train", "detector", "--db", "lib.sqlite", "--out", "m3"}, tmp.path());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("lib.sqlite: only 0 kept windows to train the detector on"), r.err.constData());
        QVERIFY2(!r.err.contains("m3"), r.err.constData());
        QCOMPARE(entries(tmp.path()), (QStringList{"empty", "lib.sqlite"}));
    }

    // Options read from the settings description, and the others: a bad value
    // exits 2 naming the option and its range, before any input is opened.
    void badNumberNamesTheOptionAndItsRange_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("detector --epochs-ae") << QStringList{"train", "detector", "--db", "nothere.sqlite", "--out", "m3", "--epochs-ae", "0"}
                                              << "--epochs-ae needs a whole number from 1 to 100000, not '0'";
        QTest::newRow("vqvae --codes") << QStringList{"train", "vqvae", "--db", "nothere.sqlite", "--out", "m3", "--codes", "1"}
                                       << "--codes needs a whole number from 2 to 65536, not '1'";
        QTest::newRow("prior --layers") << QStringList{"train", "prior", "--db", "nothere.sqlite", "--out", "m3", "--layers", "4x"}
                                        << "--layers needs a whole number from 1 to 16, not '4x'";
        QTest::newRow("vqvae --seed") << QStringList{"train", "vqvae", "--db", "nothere.sqlite", "--out", "m3", "--seed", "-1"}
                                      << "--seed needs a whole number from 0 to 1073741824, not '-1'";
        QTest::newRow("generate -n") << QStringList{"generate", "-n", "0", "--out", "gen"}
                                     << "-n needs a whole number from 1 to 100000, not '0'";
        QTest::newRow("generate --top-p") << QStringList{"generate", "--top-p", "2", "--out", "gen"}
                                          << "--top-p needs a number from 0 to 1, not '2'";
        QTest::newRow("evaluate --repeats") << QStringList{"evaluate", "--db", "nothere.sqlite", "--model", "m3", "--repeats", "x"}
                                            << "--repeats needs a whole number from 1 to 1000, not 'x'";
    }

    void badNumberNamesTheOptionAndItsRange()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir tmp;
        const Run r = cli(args, tmp.path());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QCOMPARE(entries(tmp.path()), QStringList{});
    }

    // Without --model, generate uses the bundled default model: from the
    // build tree, and from a copy of bin/ and share/ somewhere else.
    void generateWithoutModelUsesTheBundledOne_data()
    {
        QTest::addColumn<bool>("copied");
        QTest::newRow("build tree") << false;
        QTest::newRow("copied elsewhere") << true;
    }

    void generateWithoutModelUsesTheBundledOne()
    {
        QFETCH(bool, copied);
        QTemporaryDir tmp;
        QString exe = LM_CLI;
        if (copied) {
            const QDir bin = QFileInfo(LM_CLI).dir();
            QVERIFY(QDir(tmp.path()).mkpath("tree/bin"));
            for (const QString& f : {QString("loopminer-cli"), QString("loopminer-cli-models.so")})
                QVERIFY(QFile::copy(bin.filePath(f), tmp.filePath("tree/bin/" + f)));
            QCOMPARE(QProcess::execute("cp", {"-r", bin.filePath("../share"), tmp.filePath("tree")}), 0);
            exe = tmp.filePath("tree/bin/loopminer-cli");
        }
        QProcess p;
        p.setWorkingDirectory(tmp.path());
        p.start(exe, {"generate", "-n", "1", "--seed", "3", "--out", "gen", "--quiet"});
        QVERIFY(p.waitForFinished(300000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(o["kept"].toInt(), 1);
        const QString model = o["model"].toString();
        QVERIFY2(model.endsWith("share/loopminer/models/default"), qPrintable(model));
        if (copied)
            QVERIFY2(model.startsWith(QDir(tmp.path()).canonicalPath() + "/tree/"), qPrintable(model));
        QVERIFY(QFile::exists(tmp.filePath("gen/loop_001.mid")));
        QVERIFY(QFile::exists(tmp.filePath("gen/summary.json")));
    }

    // train detector --loops FOLDER: one loop per file, as the paper's detector
    // data; short loops repeated, other files skipped and listed with why.
    void trainDetectorOnAFolderOfLoopFiles()
    {
        QTemporaryDir tmp;
        QVERIFY(QDir(tmp.path()).mkpath("loops"));
        auto writeLoop = [&](const QString& name, int bars, int variant) {
            std::vector<uint64_t> steps(size_t(bars * lm::format::kStepsPerBar), 0);
            for (size_t i = 0; i < steps.size(); ++i) {
                if (i % 4 == 0)
                    steps[i] |= 1u; // kick
                if ((i + size_t(variant)) % 3 == 0)
                    steps[i] |= 4u; // hats
                if (i % 4 != 3)
                    steps[i] |= uint64_t(1) << (lm::format::kDrumRows + (variant + int(i / 16)) % 12);
            }
            QVERIFY(lm::writeMidiFile(tmp.filePath("loops/" + name).toStdString(), lm::rollToMidi(steps)).ok());
        };
        for (int v = 0; v < 10; ++v)
            writeLoop(QString("loop_%1.mid").arg(v), v % 2 ? 2 : 8, v);
        writeLoop("odd_three_bars.mid", 3, 0);
        const Run r = cli({"train", "detector", "--loops", "loops", "--out", "m", "--epochs-ae", "2", "--epochs-svdd",
                           "2", "--threads", "1", "--quiet"},
                          tmp.path());
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["windows"].toInt(), 10);
        QCOMPARE(o["training_set"].toString(), QString("loop files in loops"));
        const QJsonArray skipped = o["skipped"].toArray();
        QCOMPARE(skipped.size(), 1);
        QVERIFY2(skipped[0].toString().contains("odd_three_bars.mid: 3 bars"), qPrintable(skipped[0].toString()));
        QVERIFY(lm::ml::LoopDetector::load(tmp.filePath("m").toStdString()).ok());

        // A folder with no usable loop names itself and makes no model.
        const Run none = cli({"train", "detector", "--loops", "nothere", "--out", "m2", "--quiet"}, tmp.path());
        QCOMPARE(none.code, 1);
        QVERIFY2(none.err.contains("nothere") && none.err.contains("usable loop files"), none.err.constData());
        QVERIFY(!QFile::exists(tmp.filePath("m2/detector.lmm")));
    }

    // One settings description per model: the model files' keys stay what
    // they were, values go both ways, and the ranges are the CLI's.
    void settingsDescriptionGoesBothWays()
    {
        using namespace lm;
        using namespace lm::ml;
        const QJsonObject d = settingsToJson(DetectorSettings{}, detectorSettingFields());
        QCOMPARE(d.keys(), (QStringList{"autoencoder_epochs", "batch", "lr", "lr_min", "svdd_epochs", "validation_share"}));
        QCOMPARE(settingsToJson(VqVaeSettings{}, vqVaeSettingFields()).keys(),
                 (QStringList{"average_share", "batch", "codes", "commitment", "decay", "epochs", "epsilon", "lr", "lr_min",
                              "training_set", "validation_share"}));
        QCOMPARE(settingsToJson(PriorSettings{}, priorSettingFields()).keys(),
                 (QStringList{"batch", "codes", "embedding", "epochs", "hidden", "layers", "lr", "lr_min", "validation_share"}));
        VqVaeSettings v;
        v.codes = 64;
        v.lr = 0.01;
        v.trainingSet = "loops starting a phrase";
        const VqVaeSettings back = settingsFromJson(settingsToJson(v, vqVaeSettingFields()), vqVaeSettingFields());
        QCOMPARE(back.codes, 64);
        QCOMPARE(back.lr, 0.01);
        QCOMPARE(QString::fromStdString(back.trainingSet), QString("loops starting a phrase"));
        QCOMPARE(settingsFromJson(QJsonObject{}, vqVaeSettingFields()).epochs, VqVaeSettings{}.epochs); // missing: default
        PriorSettings p;
        QCOMPARE(QString::fromStdString(settingOutOfRange(p, priorSettingFields())), QString());
        p.layers = 40;
        QCOMPARE(QString::fromStdString(settingOutOfRange(p, priorSettingFields())), QString("layers 40 is not in 1..16"));
    }
};

QTEST_GUILESS_MAIN(TestCliModels)
#include "test_cli_models.moc"
