// Training through the Models seam (Models::train), as the app does it: all
// three networks in order into a model folder of the store on a real library,
// with TrainProgress payloads per batch and epoch, a pause held at the job's
// checkpoint, a cancel whose checkpoint a later run (from the plan kept in
// model.json, as after a restart) resumes at the next epoch, metrics in
// model.json, the bundled detector kept; and `generate` without --model using
// the active model of the store.
#include "../core/CliRun.h"
#include "../core/Fixtures.h"

#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"
#include "core/library/LoopSet.h"
#include "core/library/ModelStore.h"
#include "core/library/Models.h"
#include "core/library/TrainPlan.h"
#include "core/ml/Training.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <mutex>
#include <thread>

using namespace lm;

namespace {

struct Seen {
    std::mutex m;
    std::vector<ml::TrainProgress> all;
    std::vector<ml::TrainProgress> epochs() 
    {
        std::lock_guard<std::mutex> lock(m);
        std::vector<ml::TrainProgress> out;
        for (const auto& p : all)
            if (p.epochEnd)
                out.push_back(p);
        return out;
    }
    size_t size()
    {
        std::lock_guard<std::mutex> lock(m);
        return all.size();
    }
};

QByteArray bytesOf(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestModelTraining : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::unique_ptr<LibraryDb> db_;
    QString root_;

    ModelStore store() const { return ModelStore(root_.toStdString(), LM_DEFAULT_MODEL); }

    TrainRequest tiny(const std::string& name)
    {
        auto made = store().create(name);
        [&] { QVERIFY(made.ok()); }();
        TrainRequest r;
        r.parts = {"detector", "vqvae", "prior"};
        r.modelDir = (root_ + "/" + QString::fromStdString(*made)).toStdString();
        r.baseModelDir = r.bundledDir = LM_DEFAULT_MODEL;
        r.detector = DetectorSource::SameLoops;
        r.loops = LoopSource::AllMined;
        r.detectorEpochs = 2;
        r.vqvaeEpochs = 4;
        r.priorEpochs = 3;
        r.batch = 16;
        r.codes = 16;
        r.layers = 1;
        r.hidden = 16;
        r.threads = 1;
        return r;
    }

    static JobContext::ProgressFn collect(Seen& seen, std::function<void(const ml::TrainProgress&)> also = {})
    {
        return ml::onTrainProgress([&seen, also](const ml::TrainProgress& p) {
            {
                std::lock_guard<std::mutex> lock(seen.m);
                seen.all.push_back(p);
            }
            if (also)
                also(p);
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp_.isValid());
        root_ = tmp_.filePath("data/models");
        const QString music = tmp_.filePath("music");
        QDir().mkpath(music);
        test::writeCollection(music.toStdString(), 6, 5);
        auto db = LibraryDb::open(tmp_.filePath("lib.sqlite").toStdString());
        QVERIFY(db.ok());
        db_ = std::move(*db);
        JobContext job;
        ImportOptions io;
        io.roots = {music.toStdString()};
        io.threads = 1;
        auto r = importLibrary(*db_, io, job);
        QVERIFY(r.ok() && r->read > 0);
        QVERIFY(db_->counts().windowsKept >= 8);
    }

    void trainsAllThreeInOrderWithMetrics()
    {
        const TrainRequest r = tiny("all");
        Seen seen;
        JobContext job(collect(seen));
        auto result = models().train(*db_, r, job);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());
        QVERIFY(!result->cancelled);
        QCOMPARE(result->trained, (std::vector<std::string>{"detector", "vqvae", "prior"}));
        const auto epochs = seen.epochs();
        std::vector<std::string> order;
        for (const auto& p : epochs)
            order.push_back(p.model + ":" + p.phase + ":" + std::to_string(p.epoch));
        QCOMPARE(order, (std::vector<std::string>{"detector:autoencoder:1", "detector:autoencoder:2", "detector:svdd:3",
                                                  "detector:svdd:4", "vqvae:vqvae:1", "vqvae:vqvae:2", "vqvae:vqvae:3",
                                                  "vqvae:vqvae:4", "prior:prior:1", "prior:prior:2", "prior:prior:3"}));
        QVERIFY(seen.size() > epochs.size()); // per-batch reports too
        const ModelInfo m = *store().find("all");
        QCOMPARE(m.parts, (std::vector<std::string>{"detector", "vqvae", "prior"}));
        QVERIFY(m.pending.empty());
        QVERIFY(m.metric("detector", "threshold").value_or(0) > 0);
        QVERIFY(m.metric("vqvae", "hamming_error").has_value());
        QVERIFY(m.metric("vqvae", "perplexity").value_or(0) >= 1);
        QVERIFY(m.metric("prior", "val_loss").value_or(0) > 0);
        QCOMPARE(m.info["loops"].toInt(), int(result->loops));
        QVERIFY(m.info["selection"].toString().contains("all mined"));
        QCOMPARE(m.info["parts"].toObject()["vqvae"].toObject()["settings"].toObject()["codes"].toInt(), 16);
        QCOMPARE(m.info["parts"].toObject()["prior"].toObject()["settings"].toObject()["hidden"].toInt(), 16);
        QVERIFY(!QFileInfo::exists(QString::fromStdString(r.modelDir) + "/vqvae.ckpt")); // finished: no checkpoint left
    }

    void phaseNamesAreTheDetectors()
    {
        // The detector's two phases reach the view by name (the chart marks the change).
        const TrainRequest r = tiny("phases");
        Seen seen;
        TrainRequest d = r;
        d.parts = {"detector"};
        JobContext job(collect(seen));
        QVERIFY(models().train(*db_, d, job).ok());
        QCOMPARE(seen.epochs().front().phase, std::string("autoencoder"));
        QCOMPARE(seen.epochs().back().phase, std::string("svdd"));
        // Not trained here: the VQ-VAE and prior come from the base model.
        QCOMPARE(store().find("phases")->parts, (std::vector<std::string>{"detector", "vqvae", "prior"}));
        QCOMPARE(bytesOf(QString::fromStdString(r.modelDir) + "/prior.lmm"), bytesOf(QString(LM_DEFAULT_MODEL) + "/prior.lmm"));
    }

    void keepsTheBundledDetector()
    {
        TrainRequest r = tiny("kept");
        r.parts = {"detector", "vqvae"};
        r.detector = DetectorSource::KeepBundled;
        r.loops = LoopSource::UnderThreshold;
        Seen seen;
        JobContext job(collect(seen));
        auto result = models().train(*db_, r, job);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());
        QCOMPARE(result->trained, std::vector<std::string>{"vqvae"});
        for (const auto& p : seen.epochs())
            QCOMPARE(p.model, std::string("vqvae"));
        QCOMPARE(bytesOf(QString::fromStdString(r.modelDir) + "/detector.lmm"),
                 bytesOf(QString(LM_DEFAULT_MODEL) + "/detector.lmm"));
        QVERIFY(store().find("kept")->info["selection"].toString().contains("under the model's detector threshold"));
    }

    void detectorLearnsFromAFolderOfLoopFiles()
    {
        // Each file one loop (method.md 4: the detector learns from known loops).
        const QString loops = tmp_.filePath("loopfiles");
        QDir().mkpath(loops);
        test::writeCollection(loops.toStdString(), 4, 11);
        TrainRequest r = tiny("folder");
        r.parts = {"detector"};
        r.detector = DetectorSource::Folder;
        r.folder = loops.toStdString();
        JobContext job;
        auto result = models().train(*db_, r, job);
        const LoopFolder folder = loadLoopFolder(r.folder);
        QCOMPARE(folder.correlations.size(), size_t(4)); // 16-bar grooves: a loop file of at least 8 bars is used
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());
        QCOMPARE(store().find("folder")->metric("detector", "windows").value_or(0), 4.0);
        // A folder with fewer than 2 loops is refused with a message naming it.
        r.folder = tmp_.filePath("nothing").toStdString();
        QDir().mkpath(tmp_.filePath("nothing"));
        r.modelDir = (root_ + "/" + QString::fromStdString(*store().create("folder"))).toStdString();
        auto refused = models().train(*db_, r, job);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().toString().find("nothing: only 0 loop files") != std::string::npos, refused.error().toString().c_str());
    }

    void selectionTakesWhatTheLoopsPanelShows()
    {
        TrainRequest r = tiny("selection");
        r.loops = LoopSource::Selection;
        r.selection.text = "groove_1"; // groove_1.mid (and groove_1x, if any)
        const auto windows = candidateWindows(*db_, r);
        const auto shown = db_->loopRows(r.selection, 0, 100000);
        int64_t midiShown = 0;
        for (const LoopRow& row : shown)
            midiShown += row.path.find(".mid") != std::string::npos;
        QVERIFY(!windows.empty());
        QCOMPARE(int64_t(windows.size()), midiShown);
        for (const WindowRecord& w : windows)
            QVERIFY(w.path.find("groove_1") != std::string::npos);
        r.parts = {"vqvae"};
        JobContext job;
        auto result = models().train(*db_, r, job);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());
        QCOMPARE(result->loops, int64_t(windows.size()));
        QVERIFY(store().find("selection")->info["selection"].toString().contains("text 'groove_1'"));
    }

    void learnsFromKeptGeneratedLoops()
    {
        // Kept generated loops (here: rolls of mined windows stored as a generated batch).
        TrainRequest all = tiny("unused");
        const LoopSet mined = readLoopRolls(candidateWindows(*db_, all), "", nullptr);
        QVERIFY(mined.rolls.size() >= 6);
        GenerationBatch batch;
        batch.modelName = "default";
        batch.modelDir = LM_DEFAULT_MODEL;
        for (int i = 0; i < 5; ++i) {
            StoredGeneratedLoop g;
            g.loop.roll = mined.rolls[size_t(i)];
            batch.loops.push_back(g);
        }
        QVERIFY(db_->addGenerationBatch(batch, true).ok());
        batch.loops.resize(2);
        QVERIFY(db_->addGenerationBatch(batch, false).ok()); // pending: not library loops
        TrainRequest r = tiny("generated");
        r.parts = {"vqvae"};
        r.loops = LoopSource::Generated;
        JobContext job;
        auto result = models().train(*db_, r, job);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());
        QCOMPARE(result->loops, int64_t(5));
        QVERIFY(store().find("generated")->info["selection"].toString().contains("generated"));
        // The selection counts the kept generated loops it shows too.
        r = tiny("generated selection");
        r.parts = {"vqvae"};
        r.loops = LoopSource::Selection;
        r.selection.source = LoopQuery::Source::Generated;
        QCOMPARE(generatedRolls(*db_, r).size(), size_t(5));
        QVERIFY(candidateWindows(*db_, r).empty());
        QVERIFY(db_->deleteGenerated([&] {
            std::vector<int64_t> ids;
            for (const auto& g : db_->generatedLoops())
                ids.push_back(g.id);
            return ids;
        }()).ok());
    }

    void pauseHoldsAtTheCheckpoint()
    {
        TrainRequest r = tiny("paused");
        r.parts = {"vqvae"};
        Seen seen;
        JobContext* jobPtr = nullptr;
        std::atomic<bool> pausedOnce{false};
        JobContext job(collect(seen, [&](const ml::TrainProgress& p) {
            if (p.epoch == 2 && p.batch == 1 && !pausedOnce.exchange(true))
                jobPtr->setPaused(true);
        }));
        jobPtr = &job;
        Result<TrainResult> result = Error{};
        std::thread t([&] { result = models().train(*db_, r, job); });
        QTRY_VERIFY_WITH_TIMEOUT(job.waitingInPause(), 60000);
        const size_t held = seen.size();
        QVERIFY(job.waitingInPause());
        QCOMPARE(seen.size(), held); // held in checkpoint(): nothing runs
        const auto last = seen.all.back();
        QCOMPARE(last.epoch, 2);
        QCOMPARE(last.batch, int64_t(1));
        job.setPaused(false);
        t.join();
        QVERIFY(result.ok() && !result->cancelled);
        QCOMPARE(seen.epochs().size(), size_t(4));
    }

    void cancelledRunResumesFromThePlanAtTheNextEpoch()
    {
        const TrainRequest r = tiny("resumed");
        Seen first;
        JobContext* jobPtr = nullptr;
        JobContext job(collect(first, [&](const ml::TrainProgress& p) {
            if (p.model == "vqvae" && p.epochEnd && p.epoch == 2)
                jobPtr->cancel();
        }));
        jobPtr = &job;
        auto stopped = models().train(*db_, r, job);
        QVERIFY2(stopped.ok(), stopped.ok() ? "" : stopped.error().toString().c_str());
        QVERIFY(stopped->cancelled);
        QCOMPARE(stopped->trained, std::vector<std::string>{"detector"});
        const ModelInfo m = *store().find("resumed");
        QCOMPARE(m.pending, (std::vector<std::string>{"vqvae", "prior"})); // offered for resume
        QVERIFY(QFileInfo::exists(QString::fromStdString(r.modelDir) + "/vqvae.ckpt"));
        // As after a restart: only the folder and its plan.
        TrainRequest again = planFromJson(m.info["plan"].toObject());
        again.modelDir = m.dir;
        again.resume = true;
        Seen second;
        JobContext job2(collect(second));
        auto done = models().train(*db_, again, job2);
        QVERIFY2(done.ok(), done.ok() ? "" : done.error().toString().c_str());
        QCOMPARE(done->trained, (std::vector<std::string>{"vqvae", "prior"}));
        const auto epochs = second.epochs();
        QCOMPARE(epochs.front().model, std::string("vqvae"));
        QCOMPARE(epochs.front().epoch, 3); // goes on after the last checkpoint (epoch 2)
        QCOMPARE(epochs.back().model, std::string("prior"));
        QCOMPARE(store().find("resumed")->info["parts"].toObject()["vqvae"].toObject()["resumed_from_epoch"].toInt(), 2);
        QVERIFY(store().find("resumed")->pending.empty());
    }

    void resumeRefusesOtherSettings()
    {
        TrainRequest r = tiny("refused");
        r.parts = {"vqvae"};
        JobContext* jobPtr = nullptr;
        Seen seen;
        JobContext job(collect(seen, [&](const ml::TrainProgress& p) {
            if (p.epochEnd && p.epoch == 1)
                jobPtr->cancel();
        }));
        jobPtr = &job;
        QVERIFY(models().train(*db_, r, job)->cancelled);
        r.resume = true;
        r.codes = 32;
        JobContext job2;
        auto refused = models().train(*db_, r, job2);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.find("codebook size differs") != std::string::npos, refused.error().toString().c_str());
    }

    void generateWithoutModelUsesTheActiveOne()
    {
        QTemporaryDir home;
        qputenv("LOOPMINER_DATA_HOME", home.path().toUtf8());
        ModelStore s(ModelStore::userRoot(), LM_DEFAULT_MODEL);
        const std::string name = *s.create("copy");
        for (const char* f : {"detector.lmm", "vqvae.lmm", "prior.lmm"})
            QVERIFY(QFile::copy(QString(LM_DEFAULT_MODEL) + "/" + f, home.filePath("models/copy/") + f));
        QVERIFY(s.activate(name).ok());
        const auto r = test::runCli({"generate", "-n", "1", "--seed", "3", "--out", home.filePath("gen"), "--quiet"}, {}, 300000);
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["model"].toString(), home.filePath("models/copy"));
        qunsetenv("LOOPMINER_DATA_HOME");
    }
};

QTEST_GUILESS_MAIN(TestModelTraining)
#include "test_model_training.moc"
