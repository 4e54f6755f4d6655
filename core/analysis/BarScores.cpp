#include "BarScores.h"

#include "core/model/LoopFormat.h"

#include <algorithm>

namespace lm {

std::vector<std::optional<BarScore>> barScores(const std::vector<WindowInfo>& windows,
                                               const std::vector<std::optional<double>>& scores, int64_t bars)
{
    std::vector<std::optional<BarScore>> out(size_t(std::max<int64_t>(bars, 0)));
    for (size_t i = 0; i < windows.size() && i < scores.size(); ++i) {
        const WindowInfo& w = windows[i];
        if (!w.kept || !scores[i])
            continue;
        const int64_t from = std::max<int64_t>(w.startBar, 0);
        const int64_t to = std::min<int64_t>(w.startBar + format::kBarsPerWindow, bars);
        for (int64_t b = from; b < to; ++b) {
            auto& cell = out[size_t(b)];
            if (!cell || *scores[i] < cell->score)
                cell = BarScore{*scores[i], w.startBar};
        }
    }
    return out;
}

std::optional<int64_t> firstKeptWindowCovering(const std::vector<WindowInfo>& windows, int64_t bar)
{
    for (const WindowInfo& w : windows)
        if (w.kept && w.startBar <= bar && bar < w.startBar + format::kBarsPerWindow)
            return w.startBar;
    return std::nullopt;
}

} // namespace lm
