// The VQ-VAE trainer against the same network in Python (Debian's
// python3-torch, bench/vqvae_reference.py), on the same threads, for a fixed
// number of steps; then the time to generate 16 loops with rejection.
//   vqvae_bench [--steps S] [--batch B] [--threads T] [--model DIR]
#include "core/ml/Generator.h"
#include "core/ml/TorchInfo.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

int main(int argc, char** argv)
{
    using namespace lm;
    using namespace lm::ml;
    int steps = 20, batch = 512, threads = 2;
    std::string modelDir = LOOPMINER_DEFAULT_MODEL_DIR;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--steps")) steps = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--batch")) batch = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--threads")) threads = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--model")) modelDir = argv[i + 1];
    }
    setTorchThreads(threads);
    // Random rolls of the same density as the Python side (4 % of cells on).
    const int loops = 4096;
    std::mt19937 rng(1);
    std::vector<Roll> rolls(static_cast<size_t>(loops), Roll(128, 0));
    for (Roll& r : rolls)
        for (uint64_t& m : r)
            for (int row = 0; row < 57; ++row)
                if (rng() % 100 < 4)
                    m |= uint64_t(1) << row;
    VqVaeSettings s;
    s.batch = batch;
    s.epochs = 1 + steps * batch / loops; // enough epochs for the steps; timing stops after `steps`
    s.validationShare = 0.01;
    TrainOptions o;
    o.dir = "/tmp/loopminer_vqvae_bench";
    o.threads = threads;
    JobContext job;
    int done = 0;
    std::chrono::steady_clock::time_point t0, t1;
    job.setProgress(onTrainProgress([&](const TrainProgress& p) {
        if (p.epochEnd)
            return;
        ++done;
        if (done == 1)
            t0 = std::chrono::steady_clock::now(); // the first step warms up
        if (done == steps) {
            t1 = std::chrono::steady_clock::now();
            job.cancel();
        }
    }));
    trainVqVae(rolls, s, o, job);
    const double cpp = double(steps - 1) / std::chrono::duration<double>(t1 - t0).count();
    std::printf("VQ-VAE training, batch %d, %d threads, %d timed steps (after one warm-up):\n", batch, threads, steps - 1);
    std::printf("  C++ (LibTorch %s): %.3f steps/s\n", torchInfo().version.c_str(), cpp);
    std::fflush(stdout);
    const std::string cmd = "/usr/bin/python3 " + std::string(LOOPMINER_SOURCE_DIR) + "/bench/vqvae_reference.py --loops 4096 --batch "
        + std::to_string(batch) + " --steps " + std::to_string(steps) + " --threads " + std::to_string(threads);
    FILE* p = popen(cmd.c_str(), "r");
    char buf[4096] = {0};
    const size_t got = p ? std::fread(buf, 1, sizeof buf - 1, p) : 0;
    if (p)
        pclose(p);
    const char* at = std::strstr(buf, "\"steps_per_second\": ");
    const double py = at ? std::atof(at + 20) : 0;
    std::printf("  Python (python3-torch): %.3f steps/s%s\n", py, got ? "" : " (reference did not run)");
    if (py > 0)
        std::printf("  ratio C++/Python: %.2f (target: at least 1)\n", cpp / py);

    auto model = LoopModel::load(modelDir);
    if (!model) {
        std::printf("generate: %s\n", model.error().toString().c_str());
        return 0;
    }
    GenerateSettings g;
    g.count = 16;
    JobContext gj;
    for (int run = 0; run < 3; ++run) {
        g.seed = uint64_t(run + 1);
        auto r = generateLoops(*model, g, gj);
        if (r)
            std::printf("generate 16 loops (temperature 0.7, top-k 30, max score 0.001), seed %d: %.3f s, kept %zu of %lld drawn\n",
                        run + 1, r->seconds, r->loops.size(), static_cast<long long>(r->drawn));
    }
    return 0;
}
