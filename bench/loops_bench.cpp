// The loops panel's query at scale: mined and generated loops together (a
// UNION ALL, sorted and filtered in SQL). Builds a library of FILES files
// (default 7,500 with 20 windows each, two thirds kept: 100,000 mined loops)
// and GENERATED kept generated loops (default 1,000), then times the first
// page (512 rows) and the count for each source and order.
//   loops_bench [FILES [GENERATED [LIBRARY]]]   (LIBRARY: where to build it, kept afterwards)
#include "core/library/LibraryDb.h"
#include "core/model/LoopFormat.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <cstdio>
#include <cstdlib>
#include <random>

using namespace lm;

namespace {

double timeMs(const std::function<void()>& f)
{
    QElapsedTimer t;
    t.start();
    f();
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char** argv)
{
    const int files = argc > 1 ? std::atoi(argv[1]) : 7500;
    const int generated = argc > 2 ? std::atoi(argv[2]) : 1000;
    QTemporaryDir tmp;
    const std::string path = argc > 3 ? std::string(argv[3]) : tmp.filePath("loops.sqlite").toStdString();
    std::mt19937 rng(1);
    std::uniform_real_distribution<double> score(0.00001, 0.01);
    auto db = LibraryDb::open(path);
    if (!db)
        return 1;
    (*db)->begin();
    std::vector<std::pair<int64_t, double>> scores;
    for (int i = 0; i < files; ++i) {
        ImportedFile f;
        f.path = "/music/artist_" + std::to_string(i % 700) + "/song_" + std::to_string(i) + ".mid";
        f.size = 1000 + i;
        f.hash = "0";
        f.status = FileStatus::Usable;
        f.piece = StoredPiece{480, 90.0 + i % 90, 1, "4/4@0", false, 28, 0};
        for (int w = 0; w < 20; ++w)
            f.windows.push_back(StoredWindow{w, 40, 40, (i + w) % 3 != 0, {}, score(rng), 1.0 + (w % 8), 2.0});
        (*db)->store(f);
    }
    (*db)->commit();
    GenerationBatch batch;
    batch.modelName = "default";
    batch.modelDir = "/models/default";
    for (int i = 0; i < generated; ++i) {
        StoredGeneratedLoop g;
        g.loop = GeneratedLoop{std::vector<uint64_t>(format::kWindowSteps, uint64_t(i)), score(rng), 4.0, 3.0};
        batch.loops.push_back(g);
    }
    if (!(*db)->addGenerationBatch(batch, true, false))
        return 1;
    std::printf("library: %d files, %lld mined loops, %d generated loops\n", files,
                static_cast<long long>((*db)->counts().windowsKept), generated);
    struct Case {
        const char* name;
        LoopQuery q;
    };
    std::vector<Case> cases;
    cases.push_back({"all, best first", LoopQuery{}});
    LoopQuery byFile;
    byFile.order = LoopQuery::Order::File;
    cases.push_back({"all, by file", byFile});
    LoopQuery dense;
    dense.order = LoopQuery::Order::NoteDensity;
    dense.descending = true;
    dense.maxScore = 0.001;
    cases.push_back({"all, under 0.001, densest first", dense});
    LoopQuery mined;
    mined.source = LoopQuery::Source::Mined;
    cases.push_back({"mined, best first", mined});
    LoopQuery gen;
    gen.source = LoopQuery::Source::Generated;
    cases.push_back({"generated, best first", gen});
    LoopQuery text;
    text.text = "song_7";
    cases.push_back({"all, text 'song_7'", text});
    for (const Case& c : cases) {
        int64_t n = 0;
        size_t rows = 0;
        const double countMs = timeMs([&] { n = (*db)->countLoops(c.q); });
        const double pageMs = timeMs([&] { rows = (*db)->loopRows(c.q, 0, 512).size(); });
        const double lastMs = timeMs([&] { (*db)->loopRows(c.q, std::max<int64_t>(0, n - 512), 512); });
        std::printf("%-34s %7lld loops: count %6.1f ms, first page (%zu rows) %6.1f ms, last page %6.1f ms\n", c.name,
                    static_cast<long long>(n), countMs, rows, pageMs, lastMs);
    }
    return 0;
}
