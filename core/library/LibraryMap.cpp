#include "LibraryMap.h"

#include "LibraryDb.h"

#include <chrono>
#include <map>

namespace lm {

const char* mapMethodName(MapMethod m) { return m == MapMethod::Tsne ? "tsne" : "pca"; }

PointSet quantisedLatents(const LoopEmbeddings& e)
{
    PointSet p;
    p.dim = kLoopCodes * e.space.dim;
    p.rows.reserve(e.size() * size_t(p.dim));
    for (size_t i = 0; i < e.size(); ++i)
        for (int t = 0; t < kLoopCodes; ++t) {
            const int code = std::min<int>(e.codes[i * kLoopCodes + size_t(t)], e.space.codes - 1);
            const float* v = e.space.codebook.data() + size_t(code) * size_t(e.space.dim);
            p.rows.insert(p.rows.end(), v, v + e.space.dim);
        }
    return p;
}

LibraryMap layoutMap(const LoopEmbeddings& e, MapMethod method, JobContext* job, size_t trustRows)
{
    LibraryMap m;
    m.method = method;
    m.model = e.space.model;
    const PointSet points = quantisedLatents(e);
    const auto start = std::chrono::steady_clock::now();
    const std::vector<double> xy = method == MapMethod::Tsne ? tsneLayout(points, {}, job) : pcaLayout(points);
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (size_t i = 0; i < e.size(); ++i) {
        MapPoint p;
        p.id = e.ids[i];
        p.generated = p.id.source == LoopId::Source::Generated;
        p.x = xy[2 * i];
        p.y = xy[2 * i + 1];
        m.points.push_back(std::move(p));
    }
    if (trustRows > 0 && e.size() > 30) {
        const LatentIndex index(e.space);
        const Distance latent = [&](size_t a, size_t b) {
            return index.distance(e.codes.data() + a * kLoopCodes, e.codes.data() + b * kLoopCodes);
        };
        std::vector<size_t> rows;
        const size_t step = std::max<size_t>(1, e.size() / trustRows);
        for (size_t i = 0; i < e.size() && rows.size() < trustRows; i += step)
            rows.push_back(i);
        m.trust = trustworthiness(e.size(), latent, xy, 10, rows);
    }
    return m;
}

Result<LibraryMap> buildLibraryMap(LibraryDb& db, const std::string& modelDir, MapMethod method, JobContext* job,
                                   size_t trustRows)
{
    auto e = refreshEmbeddings(db, modelDir, job);
    if (!e)
        return e.error();
    LibraryMap m = layoutMap(*e, method, job, trustRows);
    m.unreadable = e->unreadable;
    std::map<LoopId, const LoopRow*> rows;
    const std::vector<LoopRow> all = db.loopRows(LoopQuery{}, 0, int64_t(1) << 40);
    for (const LoopRow& r : all)
        rows.emplace(r.id, &r);
    for (MapPoint& p : m.points) {
        const auto it = rows.find(p.id);
        if (it == rows.end())
            continue;
        p.file = it->second->path;
        p.startBar = it->second->startBar;
        p.loopScore = it->second->loopScore;
        p.noteDensity = it->second->noteDensity;
        p.tempoBpm = it->second->tempoBpm;
    }
    return m;
}

} // namespace lm
