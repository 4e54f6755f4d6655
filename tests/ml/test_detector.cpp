// The loop detector and the trainer: network shape, the threshold rule, the
// model file loader on corrupt and mismatched files, resume equal to an
// uninterrupted run, scores written to a real library, and a training killed
// with SIGKILL that --resume finishes.
#include "../core/Fixtures.h"

#include "core/base/FileBytes.h"
#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"
#include "core/ml/LoopDetector.h"
#include "core/ml/ModelFile.h"
#include "core/ml/TorchInfo.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>
#include <filesystem>
#include <random>

using namespace lm;
using namespace lm::ml;

namespace {

// Windows like a loop (bars alike: values near 1) and like a song (values spread).
std::vector<WindowCorrelation> loopLike(int n, uint32_t seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0.85, 1.0);
    std::vector<WindowCorrelation> out(static_cast<size_t>(n));
    for (auto& w : out)
        for (double& v : w)
            v = u(rng);
    return out;
}
std::vector<WindowCorrelation> songLike(int n, uint32_t seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 0.7);
    std::vector<WindowCorrelation> out(static_cast<size_t>(n));
    for (auto& w : out)
        for (double& v : w)
            v = u(rng);
    return out;
}

TrainOptions quietOptions(const QString& dir, uint64_t seed = 3)
{
    TrainOptions o;
    o.dir = dir.toStdString();
    o.seed = seed;
    o.threads = 1;
    return o;
}

DetectorSettings small()
{
    DetectorSettings s;
    s.autoencoderEpochs = 12;
    s.svddEpochs = 12;
    return s;
}

} // namespace

class TestDetector : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { setTorchThreads(1); }

    void thresholdRule()
    {
        // log scores -1, 0, 1: mean 0, population sd sqrt(2/3).
        const double t = loopThresholdOf({std::exp(-1.0), 1.0, std::exp(1.0)});
        QVERIFY(std::abs(t - std::exp(std::sqrt(2.0 / 3.0))) < 1e-12);
        QCOMPARE(loopThresholdOf({0.01, 0.01}), 0.01);
    }

    void trainsSeparatesAndReloads()
    {
        QTemporaryDir tmp;
        JobContext job;
        std::vector<TrainProgress> reports;
        TrainOptions o = quietOptions(tmp.path());
        job.setProgress(onTrainProgress([&reports](const TrainProgress& p) { reports.push_back(p); }));
        auto d = trainDetector(loopLike(400, 1), small(), o, job);
        QVERIFY2(d.ok(), d.ok() ? "" : d.error().toString().c_str());
        // The ETA: positive until the last batch of the last epoch, 0 from there on.
        QVERIFY(reports.size() > 2);
        for (const TrainProgress& p : reports) {
            const bool last = p.epoch == p.epochs && p.batch == p.batches;
            QVERIFY2(last ? p.etaSeconds == 0 : p.etaSeconds > 0,
                     qPrintable(QString("epoch %1 batch %2/%3 eta %4").arg(p.epoch).arg(p.batch).arg(p.batches).arg(p.etaSeconds)));
        }
        QCOMPARE(d->parameterCount(), int64_t(28 * 14 + 14 * 14 + 14 * 7) * 2); // 1,372, no biases
        QVERIFY(d->threshold() > 0);
        const auto loops = d->score(loopLike(100, 2));
        const auto songs = d->score(songLike(100, 3));
        int loopsUnder = 0, songsUnder = 0;
        for (double s : loops)
            loopsUnder += s < d->threshold();
        for (double s : songs)
            songsUnder += s < d->threshold();
        QVERIFY2(loopsUnder >= 70, qPrintable(QString::number(loopsUnder)));
        QVERIFY2(songsUnder <= 5, qPrintable(QString::number(songsUnder)));
        auto again = LoopDetector::load(tmp.path().toStdString());
        QVERIFY(again.ok());
        QCOMPARE(again->threshold(), d->threshold());
        QVERIFY(again->score(songLike(10, 9)) == d->score(songLike(10, 9)));
    }

    void resumeEqualsAnUninterruptedRun()
    {
        QTemporaryDir a, b;
        JobContext job;
        auto whole = trainDetector(loopLike(300, 4), small(), quietOptions(a.path()), job);
        QVERIFY(whole.ok());
        // The same run, cancelled at the end of epoch 7 (inside the autoencoder
        // phase) and resumed; then once more across the phase change.
        for (int stopAt : {7, 15}) {
            QTemporaryDir c;
            JobContext stop;
            TrainOptions o = quietOptions(c.path());
            stop.setProgress(onTrainProgress([&stop, stopAt](const TrainProgress& p) {
                if (p.epochEnd && p.epoch == stopAt)
                    stop.cancel();
            }));
            TrainOutcome outcome;
            auto cut = trainDetector(loopLike(300, 4), small(), o, stop, &outcome);
            QVERIFY(!cut.ok());
            QVERIFY(outcome.cancelled);
            QVERIFY(QString::fromStdString(cut.error().message).contains("cancelled"));
            TrainOptions r = quietOptions(c.path());
            r.resume = true;
            JobContext go;
            auto resumed = trainDetector(loopLike(300, 4), small(), r, go, &outcome);
            QVERIFY2(resumed.ok(), resumed.ok() ? "" : resumed.error().toString().c_str());
            QCOMPARE(outcome.startEpoch, stopAt);
            QCOMPARE(int(outcome.history.size()), 24);
            QCOMPARE(resumed->threshold(), whole->threshold());
            QVERIFY(resumed->score(songLike(50, 5)) == whole->score(songLike(50, 5)));
        }
        // Resuming on other data or other settings is refused, with the reason.
        TrainOptions r = quietOptions(a.path());
        r.resume = true;
        auto other = trainDetector(loopLike(300, 99), small(), r, job);
        QVERIFY(!other.ok());
        QVERIFY(QString::fromStdString(other.error().message).contains("data changed"));
        DetectorSettings s = small();
        s.batch = 32;
        auto otherSettings = trainDetector(loopLike(300, 4), s, r, job);
        QVERIFY(!otherSettings.ok());
        // The message names the setting and both values.
        QCOMPARE(QString::fromStdString(otherSettings.error().message),
                 QString("batch size differs: checkpoint 64, now 32 (resume needs the settings of the checkpoint)"));
    }

    void corruptAndMismatchedModelFiles()
    {
        QTemporaryDir tmp;
        JobContext job;
        QVERIFY(trainDetector(loopLike(100, 1), small(), quietOptions(tmp.path()), job).ok());
        const std::string good = tmp.filePath("detector.lmm").toStdString();
        auto bytes = readFileBytes(good, 1 << 26);
        QVERIFY(bytes.ok());
        auto expectError = [&](const std::vector<uint8_t>& data, const char* why) {
            QTemporaryDir bad;
            QVERIFY(writeFileAtomically(bad.filePath("detector.lmm").toStdString(), data).ok());
            auto r = LoopDetector::load(bad.path().toStdString());
            QVERIFY2(!r.ok(), why);
            const std::string msg = r.error().toString();
            QVERIFY2(msg.find("detector.lmm") != std::string::npos, msg.c_str());
            QVERIFY2(msg.find(why) != std::string::npos, msg.c_str());
        };
        expectError({}, "not a loopminer model file");
        expectError(std::vector<uint8_t>(bytes->begin(), bytes->begin() + 10), "cut short");
        expectError(std::vector<uint8_t>(bytes->begin(), bytes->end() - 100), "does not match the file");
        std::vector<uint8_t> flipped = *bytes;
        for (size_t i = flipped.size() - 2000; i < flipped.size() - 1000; ++i)
            flipped[i] ^= 0x5A;
        expectError(flipped, "model");
        // A valid container of another kind, and a detector header over another network's weights.
        auto file = decodeModelFile(bytes->data(), bytes->size(), good, "detector");
        QVERIFY(file.ok());
        ModelFile other = *file;
        other.header["kind"] = "vqvae";
        expectError(encodeModelFile(other), "expected a detector model, found a vqvae");
        ModelFile noThreshold = *file;
        noThreshold.header.remove("threshold");
        expectError(encodeModelFile(noThreshold), "no threshold");
        ModelFile wrongNet = *file;
        wrongNet.payload.assign(wrongNet.payload.size() / 2, 'x');
        expectError(encodeModelFile(wrongNet), "model data unreadable");
        QVERIFY(!LoopDetector::load(tmp.filePath("missing").toStdString()).ok());
    }

    void checkpointOnAFullDisk()
    {
        // A stop at epoch 5 leaves a checkpoint; the resume then runs with a
        // file-size limit (a full disk): it fails naming the checkpoint, and the
        // checkpoint from epoch 5 is still whole.
        QTemporaryDir tmp;
        JobContext stop;
        TrainOptions o = quietOptions(tmp.path());
        stop.setProgress(onTrainProgress([&stop](const TrainProgress& p) {
            if (p.epochEnd && p.epoch == 5)
                stop.cancel();
        }));
        QVERIFY(!trainDetector(loopLike(100, 1), small(), o, stop).ok());
        const std::string ckpt = tmp.filePath("detector.ckpt").toStdString();
        QCOMPARE(readModelFile(ckpt, "detector")->header["epoch"].toInt(), 5);
        struct rlimit old {};
        ::getrlimit(RLIMIT_FSIZE, &old);
        auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit small2 = old;
        small2.rlim_cur = 2048;
        ::setrlimit(RLIMIT_FSIZE, &small2);
        TrainOptions r = quietOptions(tmp.path());
        r.resume = true;
        JobContext job;
        auto full = trainDetector(loopLike(100, 1), small(), r, job);
        ::setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, oldHandler);
        QVERIFY(!full.ok());
        QVERIFY2(full.error().toString().find("detector.ckpt") != std::string::npos, full.error().toString().c_str());
        auto still = readModelFile(ckpt, "detector");
        QVERIFY(still.ok());
        QCOMPARE(still->header["epoch"].toInt(), 5);
        QCOMPARE(QDir(tmp.path()).entryList(QDir::Files).size(), 1); // no temp file left
    }

    void scoresGoIntoTheLibrary()
    {
        QTemporaryDir tmp;
        const std::string dir = tmp.filePath("music").toStdString();
        std::filesystem::create_directories(dir);
        test::writeCollection(dir, 20, 5);
        auto db = LibraryDb::open(tmp.filePath("lib.sqlite").toStdString());
        QVERIFY(db.ok());
        JobContext job;
        ImportOptions io;
        io.roots = {dir};
        QVERIFY(importLibrary(**db, io, job).ok());
        const auto kept = (*db)->windowRecords(true);
        QVERIFY(kept.size() > 100);
        std::vector<WindowCorrelation> data;
        for (const auto& r : kept)
            data.push_back(r.correlation);
        auto d = trainDetector(data, small(), quietOptions(tmp.filePath("model")), job);
        QVERIFY(d.ok());
        const auto all = (*db)->windowRecords(false);
        std::vector<WindowCorrelation> allData;
        std::vector<std::pair<int64_t, double>> rows;
        for (const auto& r : all)
            allData.push_back(r.correlation);
        const auto scores = d->score(allData);
        for (size_t i = 0; i < all.size(); ++i)
            rows.emplace_back(all[i].id, scores[i]);
        QVERIFY((*db)->storeLoopScores(rows, d->threshold(), "model").ok());
        QCOMPARE(*(*db)->loopThreshold(), d->threshold());
        // Each file's best score is the lowest score of its kept windows.
        for (const FileRow& f : (*db)->fileRows(FileQuery{}, 0, 100)) {
            double best = 1e300;
            bool any = false;
            for (size_t i = 0; i < all.size(); ++i)
                if (all[i].path == f.path && std::find_if(kept.begin(), kept.end(), [&](const WindowRecord& k) {
                        return k.id == all[i].id;
                    }) != kept.end()) {
                    best = std::min(best, scores[i]);
                    any = true;
                }
            QCOMPARE(f.bestScore.has_value(), any);
            if (any)
                QCOMPARE(*f.bestScore, best);
        }
    }

    void killedTrainingResumes()
    {
        // The CLI trains in a child process; SIGKILL it mid-run several times,
        // resume each time, and compare with an uninterrupted run.
        QTemporaryDir tmp;
        const QString dir = tmp.filePath("music");
        QDir().mkpath(dir);
        test::writeCollection(dir.toStdString(), 12, 8);
        const QString db = tmp.filePath("lib.sqlite");
        QProcess scan;
        scan.start(LM_CLI, {"scan", dir, "--db", db, "--quiet"});
        QVERIFY(scan.waitForFinished(60000) && scan.exitCode() == 0);
        const QStringList common = {"train", "detector", "--db", db, "--epochs-ae", "400", "--epochs-svdd", "400",
                                    "--seed", "5", "--threads", "1", "--quiet"};
        // killAfterMs > 0: SIGKILL that long after the run has written a new
        // checkpoint (so every kill lands mid-training, however slow the start).
        auto run = [&](const QString& out, bool resume, int killAfterMs) {
            const QString ckpt = out + "/detector.ckpt";
            const QDateTime before = QFileInfo(ckpt).lastModified();
            QProcess p;
            p.start(LM_CLI, common + QStringList{"--out", out} + (resume ? QStringList{"--resume"} : QStringList{}));
            if (killAfterMs > 0) {
                QElapsedTimer waited;
                waited.start();
                while (p.state() != QProcess::NotRunning && waited.elapsed() < 60000
                       && (!QFile::exists(ckpt) || QFileInfo(ckpt).lastModified() == before))
                    p.waitForFinished(20);
                // waitForFinished is false also for a process that has already ended, and
                // then processId() is 0: kill(0) would kill this test's whole process group.
                if (!p.waitForFinished(killAfterMs) && p.state() != QProcess::NotRunning) {
                    if (const qint64 pid = p.processId(); pid > 0)
                        ::kill(pid_t(pid), SIGKILL);
                    p.waitForFinished(10000);
                    return QJsonObject{{"killed", true}};
                }
            } else {
                p.waitForFinished(300000);
            }
            return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        };
        const QJsonObject whole = run(tmp.filePath("whole"), false, 0);
        QVERIFY(whole.contains("threshold"));
        QCOMPARE(whole["windows"].toInt(), whole["windows_available"].toInt());
        // A seeded subset: the same windows for the same seed.
        QProcess sub;
        sub.start(LM_CLI, {"train", "detector", "--db", db, "--epochs-ae", "2", "--epochs-svdd", "2", "--max-windows", "50",
                           "--seed", "5", "--quiet", "--out", tmp.filePath("sub")});
        QVERIFY(sub.waitForFinished(60000) && sub.exitCode() == 0);
        const QJsonObject subset = QJsonDocument::fromJson(sub.readAllStandardOutput()).object();
        QCOMPARE(subset["windows"].toInt(), 50);
        QVERIFY(subset["windows_available"].toInt() > 50);
        const QString cut = tmp.filePath("cut");
        std::mt19937 rng(1);
        int kills = 0;
        QJsonObject last;
        for (int attempt = 0; attempt < 12; ++attempt) {
            last = run(cut, attempt > 0, 50 + int(rng() % 400));
            if (!last.contains("killed"))
                break;
            ++kills;
            // The checkpoint left by the kill is always whole: it loads.
            if (QFile::exists(cut + "/detector.ckpt"))
                QVERIFY(readModelFile((cut + "/detector.ckpt").toStdString(), "detector").ok());
        }
        if (last.contains("killed") || last.isEmpty())
            last = run(cut, true, 0);
        QVERIFY2(kills >= 2, qPrintable(QString("only %1 kills landed").arg(kills)));
        QVERIFY(last["resumed_from_epoch"].toInt() > 0);
        QCOMPARE(last["threshold"].toDouble(), whole["threshold"].toDouble());
        qInfo("training killed %d times, resumed from epoch %d, threshold equal to the uninterrupted run's", kills,
              last["resumed_from_epoch"].toInt());
    }
};

QTEST_GUILESS_MAIN(TestDetector)
#include "test_detector.moc"
