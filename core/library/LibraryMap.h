#pragma once
// A map of the library (method.md 10): every loop that has codes under the
// model (kept MIDI windows and kept generated loops, LoopEmbeddings.h) as a
// point in 2-D, laid out from its quantised latent (32 x 16 floats) by PCA or
// t-SNE (MapLayout.h), with what the map colours it by.
#include "core/library/LoopEmbeddings.h"
#include "core/library/MapLayout.h"

#include <optional>
#include <string>
#include <vector>

namespace lm {

class LibraryDb;

enum class MapMethod { Pca, Tsne };
const char* mapMethodName(MapMethod m);

struct MapPoint {
    LoopId id;
    double x = 0, y = 0;
    bool generated = false;
    std::string file;      // mined: the source file
    int64_t startBar = 0;
    std::optional<double> loopScore;
    double noteDensity = 0, tempoBpm = 0;
};

struct LibraryMap {
    MapMethod method = MapMethod::Pca;
    std::string model;
    std::vector<MapPoint> points;
    double seconds = 0;              // the layout alone
    std::optional<double> trust;     // 10-NN trustworthiness against the latent distance (a sample of rows)
    std::vector<std::string> unreadable;
};

// The quantised latents of the embedded loops, one row of 32 x 16 floats each.
PointSet quantisedLatents(const LoopEmbeddings& e);

// `trustRows`: how many loops the trustworthiness averages over (0: none computed).
Result<LibraryMap> buildLibraryMap(LibraryDb& db, const std::string& modelDir, MapMethod method, JobContext* job = nullptr,
                                   size_t trustRows = 0);
// From embeddings already made (the benchmark's synthetic library).
LibraryMap layoutMap(const LoopEmbeddings& e, MapMethod method, JobContext* job, size_t trustRows);

} // namespace lm
