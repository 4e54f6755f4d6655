// The latent space at scale (issue 17): "similar" on a library of 100,000
// loops and the library map's build time and 10-NN trustworthiness.
//   latent_bench [LOOPS 100000] [--tsne-large]
// The demo library (build/share/loopminer/demo) is imported and encoded with
// the default model: its 544-odd loops' codes are real. The large library has
// LOOPS mined loops (5 % of them rows of their own file, 20 windows a file)
// whose codes are those of a random demo loop with 0 to 3 of the 32 codes
// replaced at random: clusters around real loops, as a big collection of
// variations has. Queries are exact (LatentIndex), timed after the codes are
// loaded; the load and the CLI's whole run are timed too.
#include "core/library/LatentModels.h"
#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"
#include "core/library/LibraryMap.h"
#include "core/library/LoopEmbeddings.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <random>

using namespace lm;

namespace {

double msSince(const QElapsedTimer& t) { return double(t.nsecsElapsed()) / 1e6; }

void printMap(const char* what, const LibraryMap& m)
{
    std::printf("map %-5s %-28s %7zu loops: build %8.1f ms, 10-NN trustworthiness %.4f\n", mapMethodName(m.method), what,
                m.points.size(), m.seconds * 1000, m.trust.value_or(-1));
}

// LOOPS mined loops, 20 a file, each with the codes of a random demo loop, 0 to 3 of them replaced.
bool fillLarge(LibraryDb& db, const LoopEmbeddings& demo, int loops, std::mt19937& rng)
{
    LibraryDb::KeyedCodes codes;
    db.begin();
    const int files = (loops + 19) / 20;
    for (int i = 0; i < files; ++i) {
        ImportedFile f;
        f.path = "/music/artist_" + std::to_string(i % 700) + "/song_" + std::to_string(i) + ".mid";
        f.size = 1000 + i;
        f.hash = "h" + std::to_string(i);
        f.kind = "midi";
        f.status = FileStatus::Usable;
        StoredPiece piece;
        piece.tpq = 480;
        piece.tempoBpm = 90.0 + i % 90;
        piece.tempoChanges = 1;
        piece.timeSignatures = "4/4@0";
        piece.bars = 28;
        f.piece = piece;
        for (int w = 0; w < 20 && i * 20 + w < loops; ++w) {
            f.windows.push_back(StoredWindow{w, 40, 40, true, {}, 0.001, 1.0 + (w % 8), 2.0});
            const size_t from = rng() % demo.size();
            std::vector<uint16_t> c(demo.codes.begin() + long(from * kLoopCodes), demo.codes.begin() + long((from + 1) * kLoopCodes));
            for (int changes = int(rng() % 4); changes > 0; --changes)
                c[rng() % kLoopCodes] = uint16_t(rng() % uint32_t(demo.space.codes));
            codes.emplace_back("f" + f.hash + ":" + std::to_string(w), std::move(c));
        }
        if (!db.store(f))
            return false;
    }
    db.commit();
    return db.storeLatentSpace(demo.space).ok() && db.storeLoopCodes(demo.space.model, codes, {}).ok();
}

} // namespace

int main(int argc, char** argv)
{
    int loops = 100000;
    bool tsneLarge = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--tsne-large") == 0)
            tsneLarge = true;
        else
            loops = std::max(100, std::atoi(argv[i]));
    }
    const std::string model = LOOPMINER_DEFAULT_MODEL_DIR, demo = LOOPMINER_DEMO_DIR;
    QTemporaryDir tmp;
    auto demoDb = LibraryDb::open(tmp.filePath("demo.sqlite").toStdString());
    if (!demoDb)
        return 1;
    JobContext job;
    ImportOptions o;
    o.roots = {demo};
    if (!importLibrary(**demoDb, o, job))
        return 1;
    QElapsedTimer t;
    t.start();
    auto demoCodes = refreshEmbeddings(**demoDb, model);
    if (!demoCodes) {
        std::fprintf(stderr, "%s\n", demoCodes.error().toString().c_str());
        return 1;
    }
    std::printf("demo library: %zu loops encoded with the default model in %.0f ms\n", demoCodes->size(), msSince(t));
    for (MapMethod m : {MapMethod::Pca, MapMethod::Tsne})
        printMap("demo library", layoutMap(*demoCodes, m, nullptr, demoCodes->size()));

    std::mt19937 rng(1);
    const std::string path = tmp.filePath("large.sqlite").toStdString();
    auto db = LibraryDb::open(path);
    if (!db || !fillLarge(**db, *demoCodes, loops, rng))
        return 1;
    std::printf("large library: %lld loops\n", static_cast<long long>((*db)->counts().windowsKept));

    t.restart();
    auto stored = storedEmbeddings(**db, model);
    if (!stored || stored->size() != size_t(loops))
        return 1;
    const double loadMs = msSince(t);
    t.restart();
    const LatentIndex index(stored->space);
    const double indexMs = msSince(t);
    std::vector<double> ms;
    for (int q = 0; q < 200; ++q) {
        const size_t row = rng() % stored->size();
        t.restart();
        const auto hits = index.nearest(stored->codes.data() + row * kLoopCodes, stored->codes.data(), stored->size(), 10, row);
        ms.push_back(msSince(t));
        if (hits.size() != 10)
            return 1;
    }
    std::sort(ms.begin(), ms.end());
    std::printf("similar, exact, %d loops, k = 10, 200 queries: median %.2f ms, 95th percentile %.2f ms, max %.2f ms "
                "(goal under 50 ms)\n", loops, ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.back());
    std::printf("  loading the codes from the library: %.0f ms; code distance table: %.1f ms\n", loadMs, indexMs);
    t.restart();
    auto one = similarLoops(*stored, stored->ids[size_t(loops / 2)], 10);
    std::printf("  one query from loaded codes incl. the table (similarLoops): %.1f ms\n", msSince(t));
    if (!one)
        return 1;
    t.restart();
    auto refreshed = refreshEmbeddings(**db, model); // nothing to encode: reads keys and codes
    std::printf("  refresh with nothing to encode (what 'similar' does first): %.0f ms\n", msSince(t));
    if (!refreshed)
        return 1;

    printMap("large library (300 rows)", layoutMap(*stored, MapMethod::Pca, nullptr, 300));
    if (tsneLarge)
        printMap("large library (300 rows)", layoutMap(*stored, MapMethod::Tsne, nullptr, 300));
    return 0;
}
