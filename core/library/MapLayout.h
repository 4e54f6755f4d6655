#pragma once
// Points of a high-dimensional space laid out in 2-D for the library map
// (method.md 10): PCA (the fast default: the top two principal axes, fitted
// on a sample, every point projected) and t-SNE (van der Maaten and Hinton
// 2008, exact gradients, as scikit-learn's method="exact" with its defaults:
// perplexity 30, early exaggeration 12 for 250 iterations, learning rate
// max(n / 48, 50), momentum 0.5 then 0.8, gains, PCA initialisation scaled to
// sd 1e-4). Above `exactLimit` points, t-SNE lays out a random sample and
// places each other point at the mean of its 3 nearest sampled points.
// Trustworthiness (Venna and Kaski 2001, as sklearn.manifold.trustworthiness)
// says how far the 2-D neighbours are true neighbours. Plain C++, no model.
#include "core/base/JobContext.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace lm {

// Rows of `dim` floats, row-major.
struct PointSet {
    std::vector<float> rows;
    int dim = 0;
    size_t size() const { return dim > 0 ? rows.size() / size_t(dim) : 0; }
    const float* row(size_t i) const { return rows.data() + i * size_t(dim); }
};

// n x 2, row-major (x0, y0, x1, y1, ...).
std::vector<double> pcaLayout(const PointSet& points, size_t fitSample = 5000, uint64_t seed = 1);

struct TsneSettings {
    double perplexity = 30;
    int iterations = 1000;
    double exaggeration = 12;
    int exaggerationIterations = 250;
    size_t exactLimit = 3000;
    uint64_t seed = 1;
};
// Stops early (what it has so far) when the job is cancelled.
std::vector<double> tsneLayout(const PointSet& points, const TsneSettings& settings = {}, JobContext* job = nullptr);

// Trustworthiness of a 2-D layout with k neighbours, the high-dimensional
// distance given as a function (Euclidean for euclidean()). `rows`: the points
// i to average over (all when empty; a sample for a large set, each ranked
// against all points).
using Distance = std::function<double(size_t, size_t)>;
double trustworthiness(size_t n, const Distance& high, const std::vector<double>& layout, int k,
                       const std::vector<size_t>& rows = {});
Distance euclidean(const PointSet& points);

} // namespace lm
