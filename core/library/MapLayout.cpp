#include "MapLayout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace lm {

namespace {

std::vector<size_t> sampleRows(size_t n, size_t most, uint64_t seed)
{
    std::vector<size_t> rows(n);
    std::iota(rows.begin(), rows.end(), size_t(0));
    if (n > most) {
        std::mt19937_64 rng(seed);
        std::shuffle(rows.begin(), rows.end(), rng);
        rows.resize(most);
        std::sort(rows.begin(), rows.end());
    }
    return rows;
}

// The top `m` principal axes (m x dim) of the sampled rows, by subspace iteration; and the mean.
std::vector<double> principalAxes(const PointSet& p, const std::vector<size_t>& rows, int m, std::vector<double>& mean)
{
    const int d = p.dim;
    mean.assign(size_t(d), 0.0);
    for (size_t r : rows)
        for (int j = 0; j < d; ++j)
            mean[size_t(j)] += p.row(r)[j];
    for (double& v : mean)
        v /= double(std::max<size_t>(rows.size(), 1));
    std::vector<double> x(rows.size() * size_t(d));
    for (size_t i = 0; i < rows.size(); ++i)
        for (int j = 0; j < d; ++j)
            x[i * size_t(d) + size_t(j)] = p.row(rows[i])[j] - mean[size_t(j)];
    std::vector<double> v(size_t(m) * size_t(d)), xv(rows.size());
    std::mt19937_64 rng(7);
    std::normal_distribution<double> normal;
    for (double& e : v)
        e = normal(rng);
    for (int iter = 0; iter < 80; ++iter) {
        std::vector<double> next(v.size(), 0.0);
        for (int c = 0; c < m; ++c) { // next_c = X^T (X v_c)
            const double* vc = v.data() + size_t(c) * size_t(d);
            double* nc = next.data() + size_t(c) * size_t(d);
            for (size_t i = 0; i < rows.size(); ++i) {
                const double* xi = x.data() + i * size_t(d);
                double s = 0;
                for (int j = 0; j < d; ++j)
                    s += xi[j] * vc[j];
                for (int j = 0; j < d; ++j)
                    nc[j] += s * xi[j];
            }
        }
        for (int c = 0; c < m; ++c) { // Gram-Schmidt
            double* nc = next.data() + size_t(c) * size_t(d);
            for (int b = 0; b < c; ++b) {
                const double* nb = next.data() + size_t(b) * size_t(d);
                double dot = 0;
                for (int j = 0; j < d; ++j)
                    dot += nc[j] * nb[j];
                for (int j = 0; j < d; ++j)
                    nc[j] -= dot * nb[j];
            }
            double norm = 0;
            for (int j = 0; j < d; ++j)
                norm += nc[j] * nc[j];
            norm = std::sqrt(norm);
            for (int j = 0; j < d; ++j)
                nc[j] = norm > 0 ? nc[j] / norm : 0;
        }
        v.swap(next);
    }
    for (int c = 0; c < m; ++c) { // a sign of its own: the largest component positive
        double* vc = v.data() + size_t(c) * size_t(d);
        const auto big = std::max_element(vc, vc + d, [](double a, double b) { return std::abs(a) < std::abs(b); });
        if (*big < 0)
            for (int j = 0; j < d; ++j)
                vc[j] = -vc[j];
    }
    return v;
}

std::vector<double> project(const PointSet& p, int m, size_t fitSample, uint64_t seed)
{
    const size_t n = p.size();
    std::vector<double> mean;
    const std::vector<double> axes = principalAxes(p, sampleRows(n, fitSample, seed), m, mean);
    std::vector<double> out(n * size_t(m));
    for (size_t i = 0; i < n; ++i)
        for (int c = 0; c < m; ++c) {
            double s = 0;
            for (int j = 0; j < p.dim; ++j)
                s += (p.row(i)[j] - mean[size_t(j)]) * axes[size_t(c) * size_t(p.dim) + size_t(j)];
            out[i * size_t(m) + size_t(c)] = s;
        }
    return out;
}

// Joint probabilities P (n x n, symmetric, sum 1) of the perplexity-matched Gaussians.
std::vector<double> jointProbabilities(const std::vector<double>& d2, size_t n, double perplexity)
{
    std::vector<double> p(n * n, 0.0);
    const double target = std::log(perplexity);
    for (size_t i = 0; i < n; ++i) {
        double beta = 1, lo = -std::numeric_limits<double>::infinity(), hi = std::numeric_limits<double>::infinity();
        double* pi = p.data() + i * n;
        const double* di = d2.data() + i * n;
        for (int step = 0; step < 100; ++step) {
            double sum = 0, sumDp = 0;
            for (size_t j = 0; j < n; ++j) {
                pi[j] = j == i ? 0 : std::exp(-di[j] * beta);
                sum += pi[j];
            }
            if (sum == 0)
                sum = 1e-8;
            for (size_t j = 0; j < n; ++j) {
                pi[j] /= sum;
                sumDp += di[j] * pi[j];
            }
            const double entropy = std::log(sum) + beta * sumDp;
            const double diff = entropy - target;
            if (std::abs(diff) <= 1e-5)
                break;
            if (diff > 0) {
                lo = beta;
                beta = std::isinf(hi) ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = std::isinf(lo) ? beta / 2 : (beta + lo) / 2;
            }
        }
    }
    double total = 0;
    for (size_t i = 0; i < n; ++i)
        for (size_t j = i + 1; j < n; ++j) {
            const double s = p[i * n + j] + p[j * n + i];
            p[i * n + j] = p[j * n + i] = s;
            total += 2 * s;
        }
    total = std::max(total, std::numeric_limits<double>::epsilon());
    for (double& v : p)
        v = std::max(v / total, std::numeric_limits<double>::epsilon());
    for (size_t i = 0; i < n; ++i)
        p[i * n + i] = 0;
    return p;
}

// The KL gradient of the Student-t layout (4 sum_j (p_ij - q_ij) (1 + |y_i - y_j|^2)^-1 (y_i - y_j)).
void gradient(const std::vector<double>& p, const std::vector<double>& y, size_t n, double exaggeration, std::vector<double>& grad,
              std::vector<double>& w)
{
    double sumW = 0;
    for (size_t i = 0; i < n; ++i)
        for (size_t j = i + 1; j < n; ++j) {
            const double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
            const double v = 1 / (1 + dx * dx + dy * dy);
            w[i * n + j] = w[j * n + i] = v;
            sumW += 2 * v;
        }
    std::fill(grad.begin(), grad.end(), 0.0);
    for (size_t i = 0; i < n; ++i) {
        double gx = 0, gy = 0;
        for (size_t j = 0; j < n; ++j) {
            if (j == i)
                continue;
            const double q = std::max(w[i * n + j] / sumW, std::numeric_limits<double>::epsilon());
            const double f = (exaggeration * p[i * n + j] - q) * w[i * n + j];
            gx += f * (y[2 * i] - y[2 * j]);
            gy += f * (y[2 * i + 1] - y[2 * j + 1]);
        }
        grad[2 * i] = 4 * gx;
        grad[2 * i + 1] = 4 * gy;
    }
}

std::vector<double> exactTsne(const PointSet& pts, const TsneSettings& s, JobContext* job)
{
    const size_t n = pts.size();
    std::vector<double> d2(n * n, 0.0);
    for (size_t i = 0; i < n; ++i)
        for (size_t j = i + 1; j < n; ++j) {
            double sum = 0;
            for (int k = 0; k < pts.dim; ++k) {
                const double x = double(pts.row(i)[k]) - pts.row(j)[k];
                sum += x * x;
            }
            d2[i * n + j] = d2[j * n + i] = sum;
        }
    const std::vector<double> p = jointProbabilities(d2, n, std::min(s.perplexity, double(n - 1) / 3));
    std::vector<double> y = project(pts, 2, n, s.seed);
    double mean = 0, var = 0;
    for (size_t i = 0; i < n; ++i)
        mean += y[2 * i] / double(n);
    for (size_t i = 0; i < n; ++i)
        var += (y[2 * i] - mean) * (y[2 * i] - mean) / double(n);
    const double scale = var > 0 ? 1e-4 / std::sqrt(var) : 1e-4;
    for (double& v : y)
        v *= scale;
    const double rate = std::max(double(n) / s.exaggeration / 4, 50.0);
    std::vector<double> grad(2 * n), update(2 * n, 0.0), gains(2 * n, 1.0), w(n * n, 0.0);
    for (int it = 0; it < s.iterations; ++it) {
        if (job && job->cancelled())
            break;
        if (job && it % 50 == 0)
            job->report(it, s.iterations, "t-SNE");
        const bool early = it < s.exaggerationIterations;
        gradient(p, y, n, early ? s.exaggeration : 1.0, grad, w);
        const double momentum = early ? 0.5 : 0.8;
        for (size_t k = 0; k < 2 * n; ++k) {
            gains[k] = (update[k] * grad[k] < 0) ? gains[k] + 0.2 : std::max(gains[k] * 0.8, 0.01);
            update[k] = momentum * update[k] - rate * gains[k] * grad[k];
            y[k] += update[k];
        }
    }
    return y;
}

} // namespace

std::vector<double> pcaLayout(const PointSet& points, size_t fitSample, uint64_t seed)
{
    if (points.size() == 0)
        return {};
    return project(points, 2, fitSample, seed);
}

std::vector<double> tsneLayout(const PointSet& points, const TsneSettings& s, JobContext* job)
{
    const size_t n = points.size();
    if (n < 4)
        return pcaLayout(points);
    if (n <= s.exactLimit)
        return exactTsne(points, s, job);
    // A sample laid out exactly; every other point at the mean of its 3 nearest sampled
    // points, found in the top 16 principal components.
    const std::vector<size_t> sample = sampleRows(n, s.exactLimit, s.seed);
    PointSet sub;
    sub.dim = points.dim;
    for (size_t r : sample)
        sub.rows.insert(sub.rows.end(), points.row(r), points.row(r) + points.dim);
    const std::vector<double> ySample = exactTsne(sub, s, job);
    const int m = std::min(16, points.dim);
    const std::vector<double> z = project(points, m, 2000, s.seed);
    std::vector<double> y(2 * n);
    std::vector<char> inSample(n, 0);
    for (size_t k = 0; k < sample.size(); ++k) {
        inSample[sample[k]] = 1;
        y[2 * sample[k]] = ySample[2 * k];
        y[2 * sample[k] + 1] = ySample[2 * k + 1];
    }
    for (size_t i = 0; i < n; ++i) {
        if (inSample[i])
            continue;
        std::array<std::pair<double, size_t>, 3> best;
        best.fill({std::numeric_limits<double>::infinity(), 0});
        for (size_t k = 0; k < sample.size(); ++k) {
            double d = 0;
            for (int c = 0; c < m; ++c) {
                const double x = z[i * size_t(m) + size_t(c)] - z[sample[k] * size_t(m) + size_t(c)];
                d += x * x;
            }
            if (d < best[2].first) {
                best[2] = {d, k};
                std::sort(best.begin(), best.end());
            }
        }
        for (const auto& [d, k] : best) {
            y[2 * i] += ySample[2 * k] / 3;
            y[2 * i + 1] += ySample[2 * k + 1] / 3;
        }
    }
    return y;
}

Distance euclidean(const PointSet& points)
{
    return [&points](size_t a, size_t b) {
        double s = 0;
        for (int k = 0; k < points.dim; ++k) {
            const double x = double(points.row(a)[k]) - points.row(b)[k];
            s += x * x;
        }
        return std::sqrt(s);
    };
}

double trustworthiness(size_t n, const Distance& high, const std::vector<double>& y, int k, const std::vector<size_t>& rowsIn)
{
    std::vector<size_t> rows = rowsIn;
    if (rows.empty()) {
        rows.resize(n);
        std::iota(rows.begin(), rows.end(), size_t(0));
    }
    double t = 0;
    std::vector<std::pair<double, size_t>> dh(n), dl(n);
    std::vector<size_t> rank(n);
    for (size_t i : rows) {
        for (size_t j = 0; j < n; ++j) {
            dh[j] = {j == i ? std::numeric_limits<double>::infinity() : high(i, j), j};
            const double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
            dl[j] = {j == i ? std::numeric_limits<double>::infinity() : dx * dx + dy * dy, j};
        }
        std::sort(dh.begin(), dh.end());
        for (size_t r = 0; r < n; ++r)
            rank[dh[r].second] = r + 1; // 1: the nearest
        std::partial_sort(dl.begin(), dl.begin() + k, dl.end());
        for (int r = 0; r < k; ++r)
            if (rank[dl[size_t(r)].second] > size_t(k))
                t += double(rank[dl[size_t(r)].second]) - k;
    }
    const double nn = double(n), kk = double(k);
    return 1.0 - t * (2.0 / (double(rows.size()) * kk * (2.0 * nn - 3.0 * kk - 1.0)));
}

} // namespace lm
