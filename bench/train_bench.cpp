// The first model set (detector, VQ-VAE, prior) with the Training view's
// defaults (core/ml/TrainingDefaults.h) from a library of about 2,000 mined
// loops, timed; then the same training written as a PyTorch user would
// (bench/train_reference.py, Debian's python3-torch) on the same loops and
// threads, in the same run.
//   train_bench [--loops N] [--threads T] [--no-python]
#include "Fixtures.h"

#include "core/library/LibraryImport.h"
#include "core/library/LoopSet.h"
#include "core/ml/TorchInfo.h"
#include "core/ml/TrainingDefaults.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

using namespace lm;
using namespace lm::ml;

namespace {

double since(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// rolls.u8 (N x 57 x 128 cells), corr.f64 (N x 28) and settings.json for the Python side.
void writeForPython(const QString& dir, const LoopSet& set, const ModelSetSettings& s, int threads)
{
    std::ofstream rolls((dir + "/rolls.u8").toStdString(), std::ios::binary);
    for (const auto& roll : set.rolls)
        for (int row = 0; row < format::kRows; ++row)
            for (int step = 0; step < format::kWindowSteps; ++step) {
                const char c = char((roll[size_t(step)] >> row) & 1u);
                rolls.write(&c, 1);
            }
    std::ofstream corr((dir + "/corr.f64").toStdString(), std::ios::binary);
    for (const WindowRecord& w : set.windows)
        corr.write(reinterpret_cast<const char*>(w.correlation.data()), sizeof(double) * w.correlation.size());
    QJsonObject o;
    o["loops"] = int(set.rolls.size());
    o["threads"] = threads;
    o["detector"] = QJsonObject{{"autoencoderEpochs", s.detector.autoencoderEpochs}, {"svddEpochs", s.detector.svddEpochs},
                                {"batch", s.detector.batch}, {"lr", s.detector.lr}, {"lrMin", s.detector.lrMin},
                                {"validationShare", s.detector.validationShare}};
    o["vqvae"] = QJsonObject{{"codes", s.vqvae.codes}, {"epochs", s.vqvae.epochs}, {"batch", s.vqvae.batch},
                             {"lr", s.vqvae.lr}, {"lrMin", s.vqvae.lrMin}, {"validationShare", s.vqvae.validationShare},
                             {"decay", s.vqvae.decay}, {"epsilon", s.vqvae.epsilon}};
    o["prior"] = QJsonObject{{"embedding", s.prior.embedding}, {"hidden", s.prior.hidden}, {"layers", s.prior.layers},
                             {"epochs", s.prior.epochs}, {"batch", s.prior.batch}, {"lr", s.prior.lr},
                             {"lrMin", s.prior.lrMin}, {"validationShare", s.prior.validationShare}};
    QFile f(dir + "/settings.json");
    f.open(QIODevice::WriteOnly);
    f.write(QJsonDocument(o).toJson());
}

QJsonObject runPython(const QString& dir, const LoopSet& set, const ModelSetSettings& s, int threads)
{
    writeForPython(dir, set, s, threads);
    const std::string cmd = "/usr/bin/python3 " + std::string(LOOPMINER_SOURCE_DIR) + "/bench/train_reference.py "
                            + dir.toStdString();
    FILE* p = popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    for (size_t got; p && (got = std::fread(buf, 1, sizeof buf, p)) > 0;)
        out.append(buf, got);
    if (p)
        pclose(p);
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(out)).object();
    if (o.isEmpty())
        std::printf("Python reference: %s\n", out.c_str());
    return o;
}

} // namespace

int main(int argc, char** argv)
{
    int loops = 2000, threads = 2;
    bool python = true;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--loops") && i + 1 < argc) loops = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) threads = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--no-python")) python = false;
    }
    QTemporaryDir tmp;
    const QString music = tmp.filePath("music");
    QDir().mkpath(music);
    // About 17 kept windows a file, as the demo grooves give.
    test::writeCollection(music.toStdString(), loops / 12 + 10, 7);
    auto db = LibraryDb::open(tmp.filePath("lib.sqlite").toStdString());
    if (!db) {
        std::printf("library: %s\n", db.error().toString().c_str());
        return 1;
    }
    ImportOptions io;
    io.roots = {music.toStdString()};
    JobContext scanJob;
    importLibrary(**db, io, scanJob);
    LoopSetOptions lo;
    lo.limit = loops;
    const LoopSet set = loadLoopSet(**db, lo);
    std::vector<WindowCorrelation> corr;
    for (const WindowRecord& w : set.windows)
        corr.push_back(w.correlation);
    std::printf("%zu mined loops (%s), %d threads, LibTorch %s\n", set.rolls.size(), set.selection.c_str(), threads,
                torchInfo().version.c_str());

    const ModelSetSettings s = firstModelSetSettings();
    // Python first, so that no thread of ours (OpenMP spins a while after each op) takes its CPU.
    QJsonObject py;
    if (python)
        py = runPython(tmp.path(), set, s, threads);
    TrainOptions o;
    o.threads = threads;
    o.dir = tmp.filePath("model").toStdString();
    JobContext job;
    double firstEta = -1, firstEtaAt = 0;
    job.setProgress(onTrainProgress([&](const TrainProgress& p) {
        if (p.epochEnd && p.epoch == 1 && firstEta < 0) {
            firstEta = p.etaSeconds;
            firstEtaAt = p.seconds;
        }
    }));
    const auto t0 = std::chrono::steady_clock::now();
    auto detector = trainDetector(corr, s.detector, o, job);
    const double tDetector = since(t0);
    const auto t1 = std::chrono::steady_clock::now();
    firstEta = -1;
    auto vqvae = trainVqVae(set.rolls, s.vqvae, o, job);
    const double tVqVae = since(t1);
    const double vqEta = firstEta, vqEtaAt = firstEtaAt;
    if (!detector || !vqvae) {
        std::printf("training failed: %s\n", (!detector ? detector.error() : vqvae.error()).toString().c_str());
        return 1;
    }
    const auto t2 = std::chrono::steady_clock::now();
    PriorSettings ps = s.prior;
    ps.codes = s.vqvae.codes;
    auto prior = trainPrior(vqvae->encode(set.rolls), ps, o, job);
    const double tPrior = since(t2);
    const double cpp = tDetector + tVqVae + tPrior;
    std::printf("C++ (loopminer, the view's defaults):\n");
    std::printf("  detector %.1f s (%d + %d epochs), VQ-VAE %.1f s (%d epochs, batch %d, K %d), prior %.1f s (%d epochs, %d x %d)\n",
                tDetector, s.detector.autoencoderEpochs, s.detector.svddEpochs, tVqVae, s.vqvae.epochs, s.vqvae.batch,
                s.vqvae.codes, tPrior, s.prior.epochs, s.prior.layers, s.prior.hidden);
    std::printf("  total %.1f s (goal: under 600 s); VQ-VAE ETA after its first epoch (%.1f s in): %.1f s more\n", cpp,
                vqEtaAt, vqEta);
    std::fflush(stdout);
    if (!python)
        return 0;
    if (py.isEmpty()) {
        std::printf("Python reference did not run\n");
        return 0;
    }
    std::printf("Python (python3-torch %s, same loops, settings and threads, run first):\n", qPrintable(py["torch"].toString()));
    std::printf("  detector %.1f s, VQ-VAE %.1f s, prior %.1f s, total %.1f s\n", py["detector_seconds"].toDouble(),
                py["vqvae_seconds"].toDouble(), py["prior_seconds"].toDouble(), py["seconds"].toDouble());
    std::printf("ratio Python/C++ time: %.2f (goal: at least 1.2)\n", py["seconds"].toDouble() / cpp);
    return 0;
}
