// The CNN-VAE baseline through loopminer-cli on a fixture library: `train
// cnnvae` (its JSON, then --resume of a finished run refused with other
// settings), `generate --net cnnvae` (MIDI files, no sampling fields, a bad
// --net is exit 2), and `evaluate --cnnvae DIR` with both models' measures in
// the JSON and in one --table.
#include "../core/CliRun.h"
#include "../core/Fixtures.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QFileInfo>
#include <QtTest>

using lm::test::runCli;

class TestCliCnnVae : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    QString db_, model_;

    static QJsonObject json(const lm::test::CliRun& r) { return QJsonDocument::fromJson(r.out).object(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QDir().mkpath(tmp_.filePath("music")));
        lm::test::writeCollection(tmp_.filePath("music").toStdString(), 8, 5);
        db_ = tmp_.filePath("lib.sqlite");
        model_ = tmp_.filePath("model");
        auto r = runCli({"scan", tmp_.filePath("music"), "--db", db_, "--quiet"});
        QVERIFY2(r.code == 0, r.err.constData());
        r = runCli({"train", "detector", "--db", db_, "--out", model_, "--epochs-ae", "2", "--epochs-svdd", "2", "--threads", "1", "--quiet"});
        QVERIFY2(r.code == 0, r.err.constData());
    }

    void trainCnnVae()
    {
        const auto r = runCli({"train", "cnnvae", "--db", db_, "--out", model_, "--epochs", "16", "--batch", "16", "--threads", "1",
                               "--quiet"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = json(r);
        QCOMPARE(o["model"].toString(), model_ + "/cnnvae.lmm");
        QCOMPARE(o["latent"].toInt(), 512);
        QCOMPARE(o["parameters"].toInt(), 655705);
        QCOMPARE(o["epochs"].toInt(), 16);
        QCOMPARE(o["beta"].toDouble(), 1.0); // annealed over the first 8 of 16 epochs
        QVERIFY(o["kl"].toDouble() > 0);
        QVERIFY(o["loops"].toInt() >= 2);
        QVERIFY(QFile::exists(model_ + "/cnnvae.lmm"));
        // The checkpoint stays beside it: a resume with other settings names the difference.
        const auto again = runCli({"train", "cnnvae", "--db", db_, "--out", model_, "--epochs", "5", "--batch", "16", "--resume",
                                   "--threads", "1", "--quiet"});
        QCOMPARE(again.code, 1);
        QVERIFY2(again.err.contains("epochs differs: checkpoint 16, now 5"), again.err.constData());
        QCOMPARE(runCli({"train", "vae"}).code, 2);
        // Data-parallel training does not cover the CNN-VAE: refused, nothing trained.
        const auto dist = runCli({"train", "cnnvae", "--db", db_, "--out", tmp_.filePath("dist"), "--world-size", "2",
                                  "--rank", "0", "--master", "127.0.0.1:29999", "--quiet"});
        QCOMPARE(dist.code, 2);
        QVERIFY2(dist.err.contains("CNN-VAE trains in one process"), dist.err.constData());
        QVERIFY(!QFileInfo::exists(tmp_.filePath("dist")));
    }

    void generateWithTheCnnVae()
    {
        const QString out = tmp_.filePath("gen");
        const auto r = runCli({"generate", "--model", model_, "--net", "cnnvae", "-n", "2", "--max-score", "1e9", "--max-drawn", "4000",
                               "--out", out, "--threads", "1", "--quiet"});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = json(r);
        QCOMPARE(o["net"].toString(), QString("cnnvae"));
        QCOMPARE(o["kept"].toInt(), 2);
        QVERIFY(!o.contains("temperature") && !o.contains("top_k")); // N(0, I) has none
        QVERIFY(QFile::exists(out + "/loop_001.mid") && QFile::exists(out + "/loop_002.mid"));
        const auto bad = runCli({"generate", "--model", model_, "--net", "gan", "-n", "1", "--out", out});
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.contains("--net is vqvae"), bad.err.constData());
        // A folder without a CNN-VAE names the file it lacks.
        const auto none = runCli({"generate", "--model", LM_DEFAULT_MODEL, "--net", "cnnvae", "-n", "1", "--out", out, "--quiet"});
        QCOMPARE(none.code, 1);
        QVERIFY2(none.err.contains("cnnvae.lmm"), none.err.constData());
    }

    void evaluateBothModels()
    {
        const QStringList args{"evaluate", "--model", LM_DEFAULT_MODEL, "--cnnvae", model_, "--db", db_, "-n", "8", "--max-drawn", "8000",
                               "--repeats", "2", "--max-score", "1e9", "--threads", "1", "--quiet"};
        const auto r = runCli(args);
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = json(r);
        QCOMPARE(o["generated"].toObject()["loops"].toInt(), 8);
        const QJsonObject cnn = o["cnnvae"].toObject();
        QCOMPARE(cnn["model"].toString(), model_);
        QCOMPARE(cnn["generated"].toObject()["loops"].toInt(), 8);
        QVERIFY(cnn["generated"].toObject()["note_density"].toDouble() > 0);
        QCOMPARE(cnn["prdc"].toObject()["repeats"].toInt(), 2);
        QVERIFY(cnn["prdc"].toObject()["precision"].toObject().contains("sd"));
        const auto t = runCli(QStringList(args) << "--table");
        QVERIFY2(t.code == 0, t.err.constData());
        const QString table = QString::fromUtf8(t.out);
        for (const char* row : {"training ", "VQ-VAE + prior ", "CNN-VAE "})
            QVERIFY2(table.contains(QLatin1String("\n") + row), qPrintable(table));
        QVERIFY2(table.contains("precision") && table.contains("coverage") && table.count("±") == 8, qPrintable(table));
    }
};

QTEST_GUILESS_MAIN(TestCliCnnVae)
#include "test_cli_cnnvae.moc"
