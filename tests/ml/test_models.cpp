// The VQ-VAE, the prior and generation: shapes and parameter counts, the
// quantiser's EMA update and dead-code restart on a hand-made batch, top-k and
// top-p filtering, resume equal to an uninterrupted run, corrupt model files,
// the rejection step of generation, and a small end to end run whose loops read
// back as MIDI with their rolls, one 8-bar window each.
#include "../core/Fixtures.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/io/MidiReader.h"
#include "core/ml/Generator.h"
#include "core/ml/ModelFile.h"
#include "core/ml/TorchInfo.h"
#include "core/model/LoopFormat.h"
#include "core/model/RollToMidi.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace lm;
using namespace lm::ml;

namespace {

// Kept windows of synthetic grooves: real loops with fills, our own music.
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

VqVaeSettings tinyVqVae()
{
    VqVaeSettings s;
    s.codes = 16;
    s.epochs = 6;
    s.batch = 16;
    return s;
}

} // namespace

class TestModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { setTorchThreads(1); }

    void parameterCounts()
    {
        // By hand from method.md 5 and 6 (the codebook is a buffer, not a parameter):
        // Block(i, o) = 3io + 2o (conv without bias, batch norm); Residual(128) = 2 x (3 x 128 x 128 + 256).
        const int64_t block57 = 3 * 57 * 128 + 256, block128 = 3 * 128 * 128 + 256, residual = 2 * (3 * 128 * 128 + 256);
        const int64_t encoder = block57 + 2 * block128 + 2 * residual + (3 * 128 * 16 + 16);
        const int64_t decoder = (3 * 16 * 128 + 256) + 2 * block128 + 2 * residual + (3 * 128 * 57 + 57);
        QTemporaryDir tmp;
        JobContext job;
        VqVaeSettings s = tinyVqVae();
        s.epochs = 1;
        auto v = trainVqVae(grooveLoops(8), s, options(tmp.path()), job);
        QVERIFY(v.ok());
        QCOMPARE(v->parameterCount(), encoder + decoder); // 649,545
        QCOMPARE(encoder + decoder, int64_t(649545));
        // Prior: embedding K x 128, LSTM 4 x 512, linear 512 -> K (K = 512): 7.9 M as the paper says.
        auto lstm = [](int64_t in, int64_t h) { return 4 * h * (in + h) + 8 * h; };
        const int64_t paperPrior = 512 * 128 + lstm(128, 512) + 3 * lstm(512, 512) + 512 * 512 + 512;
        QCOMPARE(paperPrior, int64_t(7946752));
        PriorSettings ps;
        ps.epochs = 1;
        std::vector<CodeSequence> codes(4);
        for (size_t i = 0; i < codes.size(); ++i)
            for (int t = 0; t < kLatentSteps; ++t)
                codes[i][size_t(t)] = int((i * 7 + size_t(t)) % 512);
        auto p = trainPrior(codes, ps, options(tmp.filePath("p")), job);
        QVERIFY(p.ok());
        QCOMPARE(p->parameterCount(), paperPrior);
        // Shapes: 32 codes per loop, and a decoded roll of 128 steps.
        const auto enc = v->encode(grooveLoops(3));
        QCOMPARE(enc.size(), size_t(3));
        for (int c : enc[0])
            QVERIFY(c >= 0 && c < 16);
        const auto dec = v->decode(enc);
        QCOMPARE(dec.size(), size_t(3));
        QCOMPARE(dec[0].size(), size_t(128));
    }

    void emaUpdateAndDeadCodeRestart()
    {
        // Two codes at (0,0) and (10,10); a batch of three vectors, two near code 0, one near code 1.
        CodebookState s;
        s.codes = 2;
        s.dim = 2;
        s.codebook = {0, 0, 10, 10};
        s.emaSum = {0, 0, 10, 10};
        s.counts = {1, 1};
        const std::vector<float> batch = {1, 1, 1, 1, 9, 9};
        CodebookState a = s;
        emaUpdate(a, batch, 0.5, 1e-5, 1);
        // counts = 0.5 x 1 + 0.5 x (2, 1) = (1.5, 1); sums = 0.5 x old + 0.5 x (2, 2), (9, 9).
        QVERIFY(std::abs(a.counts[0] - 1.5f) < 1e-6 && std::abs(a.counts[1] - 1.0f) < 1e-6);
        QVERIFY(std::abs(a.emaSum[0] - 1.0f) < 1e-6 && std::abs(a.emaSum[2] - 9.5f) < 1e-6);
        // Codebook = sums / Laplace-smoothed counts: (c + eps) / (n + K eps) x n.
        const double n = 2.5, eps = 1e-5;
        QVERIFY(std::abs(a.codebook[0] - 1.0 / ((1.5 + eps) / (n + 2 * eps) * n)) < 1e-5);
        QVERIFY(std::abs(a.codebook[2] - 9.5 / ((1.0 + eps) / (n + 2 * eps) * n)) < 1e-5);
        // A batch that never picks code 1, decay 0.99: its count falls to 0.99 < 1,
        // so it is dead and restarts from one of the batch's vectors, count reset to 1.
        CodebookState b = s;
        emaUpdate(b, {1, 1, 1, 1, 2, 2}, 0.99, 1e-5, 3);
        QCOMPARE(b.counts[1], 1.0f);
        const bool fromBatch = (b.codebook[2] == 1.0f && b.codebook[3] == 1.0f) || (b.codebook[2] == 2.0f && b.codebook[3] == 2.0f);
        QVERIFY2(fromBatch, qPrintable(QString("%1 %2").arg(b.codebook[2]).arg(b.codebook[3])));
        QVERIFY(std::abs(b.emaSum[2] - b.codebook[2]) < 1e-6);
        // Code 0: count 0.99 + 0.03 = 1.02, sum 0.01 x (4, 4).
        QVERIFY(std::abs(b.counts[0] - 1.02f) < 1e-6);
        QVERIFY(std::abs(b.codebook[0] - 0.04 / ((1.02 + eps) / (2.01 + 2 * eps) * 2.01)) < 1e-5);
    }

    void topKAndTopP()
    {
        const std::vector<float> logits = {0.f, 3.f, 1.f, 2.f, -1.f};
        auto kept = [](const std::vector<float>& l) {
            QList<int> k;
            for (size_t i = 0; i < l.size(); ++i)
                if (std::isfinite(l[i]))
                    k << int(i);
            return k;
        };
        QCOMPARE(kept(filterLogits(logits, 2, 0)), (QList<int>{1, 3}));
        QCOMPARE(kept(filterLogits(logits, 0, 0)), (QList<int>{0, 1, 2, 3, 4}));
        QCOMPARE(kept(filterLogits(logits, 9, 0)), (QList<int>{0, 1, 2, 3, 4}));
        // Softmax of (0,3,1,2,-1): 0.032, 0.636, 0.086, 0.234, 0.012. Nucleus 0.5 keeps
        // the top one; 0.8 the top two (0.870); 0.9 the top three (0.957).
        QCOMPARE(kept(filterLogits(logits, 0, 0.5)), (QList<int>{1}));
        QCOMPARE(kept(filterLogits(logits, 0, 0.8)), (QList<int>{1, 3}));
        QCOMPARE(kept(filterLogits(logits, 0, 0.9)), (QList<int>{1, 2, 3}));
        // Ties at the k-th value keep exactly k.
        QCOMPARE(kept(filterLogits({1.f, 1.f, 1.f}, 2, 0)), (QList<int>{0, 1}));
    }

    void vqvaeResumeEqualsAnUninterruptedRun()
    {
        const auto loops = grooveLoops(48);
        QTemporaryDir a, b;
        JobContext job;
        auto whole = trainVqVae(loops, tinyVqVae(), options(a.path()), job);
        QVERIFY(whole.ok());
        JobContext stop;
        TrainOptions o = options(b.path());
        stop.setProgress(onTrainProgress([&stop](const TrainProgress& p) {
            if (p.epochEnd && p.epoch == 3)
                stop.cancel();
        }));
        QVERIFY(!trainVqVae(loops, tinyVqVae(), o, stop).ok());
        TrainOptions r = options(b.path());
        r.resume = true;
        TrainOutcome outcome;
        auto resumed = trainVqVae(loops, tinyVqVae(), r, job, &outcome);
        QVERIFY2(resumed.ok(), resumed.ok() ? "" : resumed.error().toString().c_str());
        QCOMPARE(outcome.startEpoch, 3);
        QVERIFY(resumed->encode(loops) == whole->encode(loops));
        QVERIFY(resumed->decode(whole->encode(loops)) == whole->decode(whole->encode(loops)));
        // Per-epoch measures were reported.
        bool sawHamming = false, sawPerplexity = false;
        for (const auto& [k, v] : outcome.history.back().metrics) {
            sawHamming |= k == "hamming_error" && v >= 0 && v <= 1;
            sawPerplexity |= k == "perplexity" && v >= 1 && v <= 16;
        }
        QVERIFY(sawHamming && sawPerplexity);
        // A resume with other settings is refused, naming each setting and both values.
        VqVaeSettings other = tinyVqVae();
        other.codes = 32;
        other.epochs = 7;
        auto refused = trainVqVae(loops, other, r, job);
        QVERIFY(!refused.ok());
        const QString why = QString::fromStdString(refused.error().message);
        QVERIFY2(why.contains("codebook size differs: checkpoint 16, now 32"), qPrintable(why));
        QVERIFY2(why.contains("epochs differs: checkpoint 6, now 7"), qPrintable(why));
        QVERIFY2(!why.contains("batch"), qPrintable(why));
    }

    void mismatchedModelFolders()
    {
        QTemporaryDir tmp;
        JobContext job;
        QVERIFY(trainVqVae(grooveLoops(8), tinyVqVae(), options(tmp.path()), job).ok());
        // A VQ-VAE file where a prior is expected; a folder without a detector.
        QVERIFY(QFile::copy(tmp.filePath("vqvae.lmm"), tmp.filePath("prior.lmm")));
        auto prior = CodePrior::load(tmp.path().toStdString());
        QVERIFY(!prior.ok());
        QVERIFY(QString::fromStdString(prior.error().message).contains("expected a prior model, found a vqvae"));
        auto model = LoopModel::load(tmp.path().toStdString());
        QVERIFY(!model.ok());
        QVERIFY(QString::fromStdString(model.error().toString()).contains("detector.lmm"));
        // A codebook size out of range in the header is refused before LibTorch sees the data.
        auto file = readModelFile(tmp.filePath("vqvae.lmm").toStdString(), "vqvae");
        QVERIFY(file.ok());
        QJsonObject settings = file->header["settings"].toObject();
        settings["codes"] = 1;
        file->header["settings"] = settings;
        QVERIFY(writeModelFile(tmp.filePath("vqvae.lmm").toStdString(), *file).ok());
        auto bad = VqVae::load(tmp.path().toStdString());
        QVERIFY(!bad.ok());
        QVERIFY(QString::fromStdString(bad.error().message).contains("out of range"));
    }

    void rejectionStep()
    {
        // A dense roll with bar 8 empty: under the score, 112 drum and 112 bass
        // cells, but it would read back as 7 bars, so it is rejected.
        Roll r(size_t(format::kWindowSteps), 0);
        for (int i = 0; i < 7 * format::kStepsPerBar; ++i)
            r[size_t(i)] = 1u | (uint64_t(1) << (format::kDrumRows + 12));
        QVERIFY(rejectDecoded(r, 0.0, 0.001) == Rejection::EmptyLastBar);
        QVERIFY(rejectDecoded(r, 0.5, 0.001) == Rejection::Score);
        r[127] = uint64_t(1) << 4; // one open hi-hat on the last step
        QVERIFY(rejectDecoded(r, 0.0, 0.001) == Rejection::Kept);
        Roll sparse(size_t(format::kWindowSteps), 0);
        for (int i = 0; i < 31; ++i)
            sparse[size_t(4 * i)] = 1u | (uint64_t(1) << format::kDrumRows);
        QVERIFY(rejectDecoded(sparse, 0.0, 0.001) == Rejection::TooSparse);
    }

    void endToEndLoopsReadBackAsMidi()
    {
        QTemporaryDir tmp;
        JobContext job;
        const auto loops = grooveLoops(96);
        std::vector<WindowCorrelation> corr;
        for (const Roll& r : loops)
            corr.push_back(windowCorrelation(r, 0));
        DetectorSettings ds;
        ds.autoencoderEpochs = 10;
        ds.svddEpochs = 10;
        QVERIFY(trainDetector(corr, ds, options(tmp.path()), job).ok());
        VqVaeSettings vs = tinyVqVae();
        vs.epochs = 20;
        auto vqvae = trainVqVae(loops, vs, options(tmp.path()), job);
        QVERIFY(vqvae.ok());
        PriorSettings ps;
        ps.codes = vs.codes;
        ps.layers = 1;
        ps.hidden = 32;
        ps.embedding = 16;
        ps.epochs = 10;
        ps.batch = 16;
        QVERIFY(trainPrior(vqvae->encode(loops), ps, options(tmp.path()), job).ok());
        auto model = LoopModel::load(tmp.path().toStdString());
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().toString().c_str());
        GenerateSettings gs;
        gs.count = 4;
        gs.maxScore = 1e9; // every draw dense enough is kept: this checks the plumbing, not quality
        gs.sampling = {1.0, 0, 0.0};
        gs.maxDrawn = 4000;
        auto result = generateLoops(*model, gs, job);
        QVERIFY(result.ok());
        QCOMPARE(int(result->loops.size()), 4);
        QVERIFY(result->drawn >= 4);
        const auto rescored = scoreRolls(model->detector, {result->loops[0].steps});
        QCOMPARE(rescored[0], result->loops[0].score);
        for (const GeneratedLoop& g : result->loops) {
            RollExportOptions ro;
            ro.bpm = 97;
            const auto bytes = encodeMidi(rollToMidi(g.steps, ro));
            auto midi = parseMidi(bytes.data(), bytes.size(), "generated.mid");
            QVERIFY(midi.ok());
            const PieceAnalysis a = analysePiece(*midi);
            QVERIFY2(a.usable, a.reason.c_str());
            QCOMPARE(a.bars(), int64_t(8));
            const auto windows = computeWindows(a);
            QCOMPARE(int(windows.size()), 1); // one 8-bar window, also when the last notes end early
            QCOMPARE(windows[0].startBar, int64_t(0));
            QVERIFY(windowSteps(a, 0) == g.steps);
            QVERIFY(std::abs(a.firstTempoBpm() - 97) < 0.01);
            QCOMPARE(a.bassProgram, 34);
        }
        // Same seed, same loops.
        auto again = generateLoops(*model, gs, job);
        QVERIFY(again.ok());
        QVERIFY(again->loops[0].steps == result->loops[0].steps);
        // Top-k with top-p is refused.
        gs.sampling = {0.7, 30, 0.9};
        QVERIFY(!generateLoops(*model, gs, job).ok());
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "test_models.moc"
