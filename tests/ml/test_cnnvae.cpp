// The CNN-VAE baseline (method.md 8): its parameter count by hand, the KL term
// against the closed form on known means and log-variances, the beta schedule
// (the formula, and the beta training reports epoch by epoch), loss falling on
// a tiny fixture, resume equal to an uninterrupted run through the shared
// trainer, save and load, sampling the prior into valid 57 x 128 rolls that
// read back from MIDI, and linear interpolation.
#include "../core/Fixtures.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/io/MidiReader.h"
#include "core/io/MidiWriter.h"
#include "core/ml/CnnVae.h"
#include "core/ml/TorchInfo.h"
#include "core/model/LoopFormat.h"
#include "core/model/RollToMidi.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace lm;
using namespace lm::ml;

namespace {

std::vector<Roll> grooveLoops(int count)
{
    std::vector<Roll> out;
    for (uint32_t seed = 1; int(out.size()) < count; ++seed) {
        const PieceAnalysis a = analysePiece(test::makeGroove(seed));
        const auto stacked = a.roll.stackedSteps();
        for (const WindowInfo& w : computeWindows(a))
            if (w.kept && int(out.size()) < count)
                out.push_back(windowSteps(stacked, w.startBar));
    }
    return out;
}

TrainOptions options(const QString& dir, uint64_t seed = 2)
{
    TrainOptions o;
    o.dir = dir.toStdString();
    o.seed = seed;
    o.threads = 1;
    return o;
}

CnnVaeSettings tiny(int epochs = 6)
{
    CnnVaeSettings s;
    s.epochs = epochs;
    s.batch = 16;
    return s;
}

double metric(const TrainProgress& p, const std::string& name)
{
    for (const auto& [k, v] : p.metrics)
        if (k == name)
            return v;
    return std::nan("");
}

bool validRoll(const Roll& r)
{
    if (r.size() != size_t(format::kWindowSteps))
        return false;
    for (uint64_t m : r)
        if (m >> format::kRows)
            return false;
    return true;
}

} // namespace

class TestCnnVae : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { setTorchThreads(1); }

    void parameterCountByHand()
    {
        QTemporaryDir tmp;
        JobContext job;
        auto m = trainCnnVae(grooveLoops(8), tiny(1), options(tmp.path()), job);
        QVERIFY(m.ok());
        // The VQ-VAE's 649,545 (test_models) with the encoder's last convolution
        // doubled to 32 channels for mean and log-variance: + 128 x 16 x 3 + 16.
        QCOMPARE(m->parameterCount(), int64_t(649545 + 128 * 16 * 3 + 16));
        QCOMPARE(kCnnVaeLatent, 512);
    }

    void klAgainstClosedForm()
    {
        // 0.5 (1 + 1 - 1 - 0) + 0.5 (0 + 2 - 1 - ln 2) + 0.5 (4 + 0.5 - 1 - ln 0.5) = 2.75
        const std::vector<float> mean{1.0f, 0.0f, -2.0f};
        const std::vector<float> logVar{0.0f, float(std::log(2.0)), float(std::log(0.5))};
        QVERIFY(std::abs(gaussianKl(mean, logVar) - 2.75) < 1e-6);
        // The standard normal itself: 0, whatever the length.
        QCOMPARE(gaussianKl(std::vector<float>(512, 0.0f), std::vector<float>(512, 0.0f)), 0.0);
        // One dimension, mean 0.3, variance e^-1: 0.5 (0.09 + e^-1 - 1 + 1).
        QVERIFY(std::abs(gaussianKl({0.3f}, {-1.0f}) - 0.5 * (0.09 + std::exp(-1.0))) < 1e-6);
    }

    void betaSchedule()
    {
        QCOMPARE(klBeta(0, 10), 0.0);
        QCOMPARE(klBeta(5, 10), 0.5);
        QCOMPARE(klBeta(10, 10), 1.0);
        QCOMPARE(klBeta(99, 10), 1.0);
        QCOMPARE(klBeta(3, 0), 1.0); // no annealing: beta 1 from the start
        CnnVaeSettings s = tiny(6);  // anneal over ceil(0.5 x 6) = 3 epochs
        QCOMPARE(annealSteps(s, 38), int64_t(3 * 3)); // 38 loops in batches of 16: 3 a epoch
        s.annealShare = 0.2;                          // ceil(1.2) = 2 epochs
        QCOMPARE(annealSteps(s, 38), int64_t(2 * 3));
    }

    void trainsFollowsTheScheduleAndResumes()
    {
        const auto loops = grooveLoops(48); // 38 to train, 10 to validate
        QTemporaryDir a, b;
        JobContext job;
        TrainOutcome whole;
        auto full = trainCnnVae(loops, tiny(), options(a.path()), job, &whole);
        QVERIFY2(full.ok(), full.ok() ? "" : full.error().toString().c_str());
        QCOMPARE(int(whole.history.size()), 6);
        // The loss falls on the tiny fixture (beta rising works against it, the reconstruction wins).
        QVERIFY2(whole.history.back().loss < 0.5 * whole.history.front().loss,
                 qPrintable(QString("%1 -> %2").arg(whole.history.front().loss).arg(whole.history.back().loss)));
        QVERIFY(whole.history.back().valLoss < whole.history.front().valLoss);
        // Beta of each epoch's last batch: min(1, step / 9) with 3 batches a epoch.
        for (const TrainProgress& p : whole.history) {
            const double expected = std::min(1.0, double(p.epoch * 3 - 1) / 9.0);
            QVERIFY2(std::abs(metric(p, "beta") - expected) < 1e-12,
                     qPrintable(QString("epoch %1: beta %2, not %3").arg(p.epoch).arg(metric(p, "beta")).arg(expected)));
            QVERIFY(metric(p, "kl") >= 0);
            QVERIFY(metric(p, "hamming_error") >= 0 && metric(p, "hamming_error") <= 1);
        }
        // Stopped after epoch 3 (inside the annealing), then resumed: the same weights.
        JobContext stop;
        stop.setProgress(onTrainProgress([&stop](const TrainProgress& p) {
            if (p.epochEnd && p.epoch == 3)
                stop.cancel();
        }));
        QVERIFY(!trainCnnVae(loops, tiny(), options(b.path()), stop).ok());
        QVERIFY(QFile::exists(b.path() + "/cnnvae.ckpt"));
        TrainOptions r = options(b.path());
        r.resume = true;
        TrainOutcome resumedOutcome;
        auto resumed = trainCnnVae(loops, tiny(), r, job, &resumedOutcome);
        QVERIFY2(resumed.ok(), resumed.ok() ? "" : resumed.error().toString().c_str());
        QCOMPARE(resumedOutcome.startEpoch, 3);
        QVERIFY(resumed->encode(loops) == full->encode(loops));
        QVERIFY(resumed->decode(full->encode(loops)) == full->decode(full->encode(loops)));
        for (int e = 3; e < 6; ++e) {
            QCOMPARE(metric(resumedOutcome.history[size_t(e)], "beta"), metric(whole.history[size_t(e)], "beta"));
            QCOMPARE(resumedOutcome.history[size_t(e)].loss, whole.history[size_t(e)].loss);
        }
        // Other settings are refused by name.
        CnnVaeSettings other = tiny();
        other.annealShare = 0.25;
        auto refused = trainCnnVae(loops, other, r, job);
        QVERIFY(!refused.ok());
        QVERIFY2(QString::fromStdString(refused.error().message).contains("anneal share differs: checkpoint 0.5, now 0.25"),
                 refused.error().message.c_str());
        // Saved and loaded: the same network; a folder without one says which file is missing.
        auto loaded = CnnVae::load(a.path().toStdString());
        QVERIFY(loaded.ok());
        QVERIFY(loaded->encode(loops) == full->encode(loops));
        QTemporaryDir empty;
        auto missing = CnnVae::load(empty.path().toStdString());
        QVERIFY(!missing.ok());
        QVERIFY(QString::fromStdString(missing.error().toString()).contains("cnnvae.lmm"));
    }

    void samplesThePriorIntoValidRolls()
    {
        QTemporaryDir tmp;
        JobContext job;
        const auto loops = grooveLoops(64);
        std::vector<WindowCorrelation> corr;
        for (const Roll& r : loops)
            corr.push_back(windowCorrelation(r, 0));
        DetectorSettings ds;
        ds.autoencoderEpochs = ds.svddEpochs = 5;
        auto detector = trainDetector(corr, ds, options(tmp.path()), job);
        QVERIFY(detector.ok());
        auto model = trainCnnVae(loops, tiny(24), options(tmp.path()), job);
        QVERIFY(model.ok());
        // N(0, I) draws: 512 values each, the same for the same seed, mean near 0 and sd near 1.
        const auto z = CnnVae::samplePrior(32, 7);
        QCOMPARE(int(z.size()), 32);
        double sum = 0, sq = 0;
        for (const Latent& l : z) {
            QCOMPARE(int(l.size()), 512);
            for (float v : l) {
                sum += v;
                sq += double(v) * v;
            }
        }
        const double n = 32.0 * 512, mean = sum / n;
        QVERIFY(std::abs(mean) < 0.05);
        QVERIFY(std::abs(std::sqrt(sq / n - mean * mean) - 1.0) < 0.05);
        QVERIFY(CnnVae::samplePrior(2, 7)[1] == z[1]);
        QVERIFY(CnnVae::samplePrior(1, 8)[0] != z[0]);
        for (const Roll& r : model->decode(z))
            QVERIFY(validRoll(r));
        // Generation: the same rejection as the VQ-VAE's; kept loops read back from MIDI as one window.
        GenerateSettings gs;
        gs.count = 3;
        gs.maxScore = 1e9; // the plumbing, not the quality
        gs.maxDrawn = 2000;
        auto result = generateCnnVaeLoops(*detector, *model, gs, job);
        QVERIFY(result.ok());
        QCOMPARE(int(result->loops.size()), 3);
        for (const GeneratedLoop& g : result->loops) {
            QVERIFY(validRoll(g.steps));
            QCOMPARE(g.score, scoreRolls(*detector, {g.steps})[0]);
            const auto bytes = encodeMidi(rollToMidi(g.steps, RollExportOptions{}));
            auto midi = parseMidi(bytes.data(), bytes.size(), "cnnvae.mid");
            QVERIFY(midi.ok());
            const PieceAnalysis a = analysePiece(*midi);
            QVERIFY2(a.usable, a.reason.c_str());
            QVERIFY(windowSteps(a, 0) == g.steps);
        }
        auto again = generateCnnVaeLoops(*detector, *model, gs, job);
        QVERIFY(again.ok() && again->loops[0].steps == result->loops[0].steps);
        gs.seed = 2;
        auto other = generateCnnVaeLoops(*detector, *model, gs, job);
        QVERIFY(other.ok() && other->loops[0].steps != result->loops[0].steps);
    }

    void interpolatesLinearly()
    {
        const Latent a{0.0f, 1.0f, -2.0f}, b{4.0f, 1.0f, 2.0f};
        const auto line = interpolateLinear(a, b, 5);
        QCOMPARE(int(line.size()), 5);
        QVERIFY(line.front() == a);
        QVERIFY(line.back() == b);
        QVERIFY((line[2] == Latent{2.0f, 1.0f, 0.0f}));
        QVERIFY((line[1] == Latent{1.0f, 1.0f, -1.0f}));
        QCOMPARE(int(interpolateLinear(a, b, 1).size()), 1);
        // Between two loops: the ends are their reconstructions from the posterior means.
        QTemporaryDir tmp;
        JobContext job;
        const auto loops = grooveLoops(24);
        auto model = trainCnnVae(loops, tiny(3), options(tmp.path()), job);
        QVERIFY(model.ok());
        const auto rolls = interpolateRolls(*model, loops[0], loops[20], 6);
        QCOMPARE(int(rolls.size()), 6);
        const auto means = model->encode({loops[0], loops[20]});
        QVERIFY(rolls.front() == model->decode({means[0]})[0]);
        QVERIFY(rolls.back() == model->decode({means[1]})[0]);
        for (const Roll& r : rolls)
            QVERIFY(validRoll(r));
    }
};

QTEST_GUILESS_MAIN(TestCnnVae)
#include "test_cnnvae.moc"
