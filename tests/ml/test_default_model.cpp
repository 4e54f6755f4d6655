// The bundled default model (resources/models/default): it loads, it is small,
// and it generates 16 loops that read back as valid MIDI whose loop scores,
// under its own detector, are below the rejection threshold. Also the CLI's
// generate and evaluate commands on it.
#include "../core/Fixtures.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/io/MidiReader.h"
#include "core/io/MidiWriter.h"
#include "core/ml/Evaluation.h"
#include "core/ml/Generator.h"
#include "core/ml/TorchInfo.h"
#include "core/model/RollToMidi.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <string>

using namespace lm;
using namespace lm::ml;

class TestDefaultModel : public QObject {
    Q_OBJECT
    const QString dir_ = QStringLiteral(LM_DEFAULT_MODEL);

private Q_SLOTS:
    void isSmallAndLoads()
    {
        qint64 bytes = 0;
        for (const QFileInfo& f : QDir(dir_).entryInfoList({"*.lmm"}, QDir::Files))
            bytes += f.size();
        QVERIFY2(bytes > 0 && bytes < 10 * 1000 * 1000, qPrintable(QString::number(bytes)));
        auto model = LoopModel::load(dir_.toStdString());
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().toString().c_str());
        qInfo("default model: %lld bytes; detector %lld, VQ-VAE %lld (K = %d), prior %lld parameters (%d x %d)",
              static_cast<long long>(bytes), static_cast<long long>(model->detector.parameterCount()),
              static_cast<long long>(model->vqvae.parameterCount()), model->vqvae.settings().codes,
              static_cast<long long>(model->prior.parameterCount()), model->prior.settings().layers,
              model->prior.settings().hidden);
    }

    void generatesLoopsUnderTheRejectionThreshold()
    {
        setTorchThreads(2);
        auto model = LoopModel::load(dir_.toStdString());
        QVERIFY(model.ok());
        GenerateSettings s; // 16 loops, temperature 0.7, top-k 30, max score 0.001
        JobContext job;
        auto r = generateLoops(*model, s, job);
        QVERIFY(r.ok());
        QCOMPARE(int(r->loops.size()), 16);
        qInfo("kept 16 of %lld drawn (%.3f) in %.2f s", static_cast<long long>(r->drawn), 16.0 / double(r->drawn), r->seconds);
        QTemporaryDir tmp;
        for (size_t i = 0; i < r->loops.size(); ++i) {
            const std::string path = tmp.filePath(QString("loop_%1.mid").arg(i)).toStdString();
            QVERIFY(writeMidiFile(path, rollToMidi(r->loops[i].steps)).ok());
            auto midi = readMidiFile(path);
            QVERIFY(midi.ok());
            const PieceAnalysis a = analysePiece(*midi);
            QVERIFY2(a.usable, a.reason.c_str());
            const auto windows = computeWindows(a);
            QCOMPARE(windows.size(), size_t(1));
            QVERIFY(windows[0].kept);
            // Scored again from the file: under the rejection threshold.
            const double score = model->detector.score({windows[0].correlation})[0];
            QVERIFY2(score < 0.001, qPrintable(QString::number(score)));
            // The same score: the detector runs in float32, and a batch of one can take
            // another BLAS path than the batch of 64 it was scored in (seen: 7e-7 apart).
            QVERIFY2(std::abs(score - r->loops[i].score) <= 1e-5 * r->loops[i].score,
                     qPrintable(QString("%1 vs %2").arg(score, 0, 'g', 12).arg(r->loops[i].score, 0, 'g', 12)));
        }
    }

    // evaluate's bar correlation: 1 for a loop whose 8 bars are one bar repeated,
    // the mean of its 28 correlations otherwise.
    void barCorrelationSaysWhetherBarsRepeat()
    {
        auto detector = LoopDetector::load(dir_.toStdString());
        QVERIFY(detector.ok());
        Roll same(size_t(format::kWindowSteps), 0), changing(size_t(format::kWindowSteps), 0);
        for (int st = 0; st < format::kWindowSteps; ++st) {
            same[size_t(st)] = (st % 4 == 0 ? 1u : 0u) | (st % 2 == 0 ? 4u : 0u);
            changing[size_t(st)] = same[size_t(st)] | (st % 16 < st / 16 ? 2u : 0u); // more snare each bar
        }
        QCOMPARE(measureSet(*detector, {same}).barCorrelation, 1.0);
        double sum = 0;
        for (double c : windowCorrelation(changing, 0))
            sum += c;
        const double mean = measureSet(*detector, {changing}).barCorrelation;
        QCOMPARE(mean, sum / 28.0);
        QVERIFY2(mean < 0.9, qPrintable(QString::number(mean)));
        QCOMPARE(measureSet(*detector, {same, changing}).barCorrelation, (1.0 + mean) / 2);
    }

    void commandLineGenerateAndEvaluate()
    {
        QTemporaryDir tmp;
        QProcess p;
        p.start(LM_CLI, {"generate", "--model", dir_, "-n", "16", "--temperature", "0.7", "--top-k", "30", "--max-score",
                         "0.001", "--bpm", "120", "--seed", "1", "--out", tmp.filePath("out")});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(o["kept"].toInt(), 16);
        QVERIFY(o["drawn"].toInt() >= 16);
        QVERIFY(p.readAllStandardError().contains("kept 16 of"));
        QCOMPARE(o["loops"].toArray().size(), 16);
        for (const auto& v : o["loops"].toArray()) {
            const QJsonObject l = v.toObject();
            QVERIFY(l["loop_score"].toDouble() < 0.001);
            auto midi = readMidiFile(l["file"].toString().toStdString());
            QVERIFY(midi.ok());
            QVERIFY(std::abs(analysePiece(*midi).firstTempoBpm() - 120) < 0.01);
        }
        QVERIFY(QFile::exists(tmp.filePath("out/summary.json")));

        // Evaluate against a small library of our own grooves.
        const QString music = tmp.filePath("music");
        QDir().mkpath(music);
        test::writeCollection(music.toStdString(), 20, 4);
        QProcess scan;
        scan.start(LM_CLI, {"scan", music, "--db", tmp.filePath("lib.sqlite"), "--quiet"});
        QVERIFY(scan.waitForFinished(60000) && scan.exitCode() == 0);
        QProcess ev;
        ev.start(LM_CLI, {"evaluate", "--model", dir_, "--db", tmp.filePath("lib.sqlite"), "-n", "40", "--repeats", "3",
                          "--max-score", "0.01"});
        QVERIFY(ev.waitForFinished(300000));
        QCOMPARE(ev.exitCode(), 0);
        const QJsonObject e = QJsonDocument::fromJson(ev.readAllStandardOutput()).object();
        QCOMPARE(e["generated"].toObject()["loops"].toInt(), 40);
        QVERIFY(e["training"].toObject()["loops"].toInt() > 100);
        for (const char* set : {"generated", "training"}) {
            const double bc = e[set].toObject()["bar_correlation"].toDouble(-1);
            QVERIFY2(bc > 0 && bc <= 1, set);
        }
        qInfo("evaluate: %s", QJsonDocument(e).toJson(QJsonDocument::Compact).constData());
        const QJsonObject prdc = e["prdc"].toObject();
        QCOMPARE(prdc["repeats"].toInt(), 3);
        QCOMPARE(prdc["k"].toInt(), 5);
        // Each repeat compares `subset` real with `subset` generated loops (fewer than the
        // 40 asked for only if a side is smaller).
        const int n = prdc["subset"].toInt(), k = 5, repeats = 3;
        QVERIFY2(n >= 2 * k && n <= 40, qPrintable(QString::number(n)));
        for (const char* m : {"precision", "recall", "density", "coverage"}) {
            const QJsonObject v = prdc[m].toObject();
            QVERIFY2(v.contains("mean") && v.contains("sd"), m);
            const double mean = v["mean"].toDouble(), sd = v["sd"].toDouble();
            const bool isDensity = std::string(m) == "density";
            // Precision, recall and coverage are shares of n loops: in [0, 1], and a mean of
            // three is a whole number of 1/(3n); their sd is at most 0.5 (values in [0, 1]).
            // Density is (neighbourhoods a generated loop is in)/(k n): in [0, n/k], a whole
            // number of 1/(3kn).
            const double most = isDensity ? double(n) / k : 1.0;
            const double step = 1.0 / (repeats * n * (isDensity ? k : 1));
            QVERIFY2(mean >= 0 && mean <= most, qPrintable(QString("%1 mean %2").arg(m).arg(mean)));
            QVERIFY2(sd >= 0 && sd <= most / 2, qPrintable(QString("%1 sd %2").arg(m).arg(sd)));
            QVERIFY2(std::abs(mean / step - std::round(mean / step)) < 1e-6,
                     qPrintable(QString("%1 mean %2 is not a multiple of %3").arg(m).arg(mean).arg(step)));
        }
        // The generated loops are grooves of this kind (note density 16, like the
        // library's): some of them fall in the neighbourhood of a real loop, and some real
        // loops have a generated one in theirs. A model or an evaluation that lost that
        // gives 0.
        QVERIFY2(prdc["precision"].toObject()["mean"].toDouble() > 0, "no generated loop near a real one");
        QVERIFY2(prdc["coverage"].toObject()["mean"].toDouble() > 0, "no real loop with a generated one near");
        QVERIFY(e["generated"].toObject()["loop_score"].toDouble() < 0.01);
    }
};

QTEST_GUILESS_MAIN(TestDefaultModel)
#include "test_default_model.moc"
