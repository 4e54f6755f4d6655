#include "ScoreHistogram.h"

#include "LibraryDb.h"

#include <algorithm>
#include <cmath>

namespace lm {

namespace {
constexpr double kFloor = 1e-12; // a score of 0 is placed as this (log10 needs a positive number)
double logOf(double score) { return std::log10(std::max(score, kFloor)); }
} // namespace

double ScoreHistogram::position(double score) const
{
    if (!(logMax > logMin))
        return 0.5;
    return std::clamp((logOf(score) - logMin) / (logMax - logMin), 0.0, 1.0);
}

int ScoreHistogram::binOf(double score) const
{
    if (empty())
        return -1;
    if (!(logMax > logMin))
        return 0;
    const double width = (logMax - logMin) / kBins;
    const int bin = int(std::floor((logOf(score) - logMin) / width));
    return std::clamp(bin, 0, kBins - 1);
}

ScoreHistogram makeScoreHistogram(const std::vector<double>& scores)
{
    ScoreHistogram h;
    if (scores.empty())
        return h;
    const auto [lo, hi] = std::minmax_element(scores.begin(), scores.end());
    h.logMin = logOf(*lo);
    h.logMax = logOf(*hi);
    h.counts.assign(ScoreHistogram::kBins, 0);
    for (const double s : scores)
        ++h.counts[size_t(h.binOf(s))];
    h.total = int64_t(scores.size());
    return h;
}

std::vector<double> LibraryDb::keptScores()
{
    std::vector<double> out;
    Statement st(db(), "SELECT loop_score FROM windows WHERE kept=1 AND loop_score IS NOT NULL");
    if (!readRows(st, "cannot read the library's loop scores", [&](const Statement& row) { out.push_back(row.real(0)); }))
        out.clear();
    return out;
}

ScoreHistogram scoreHistogram(LibraryDb& db) { return makeScoreHistogram(db.keptScores()); }

} // namespace lm
