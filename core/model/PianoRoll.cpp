#include "PianoRoll.h"

#include <algorithm>

namespace lm {

__attribute__((target_clones("popcnt", "default"))) // the instruction where there is one
int64_t Part::activeCells(int64_t from, int64_t to) const
{
    int64_t n = 0;
    from = std::max<int64_t>(from, 0);
    to = std::min<int64_t>(to, int64_t(steps.size()));
    for (int64_t s = from; s < to; ++s)
        n += __builtin_popcountll(steps[size_t(s)]);
    return n;
}

const Part* PianoRoll::find(PartKind kind) const
{
    for (const auto& p : parts)
        if (p.kind == kind)
            return &p;
    return nullptr;
}

int PianoRoll::totalRows() const
{
    int n = 0;
    for (const auto& p : parts)
        n += p.rowCount;
    return n;
}

std::vector<uint64_t> PianoRoll::stackedSteps() const
{
    std::vector<uint64_t> out(size_t(steps), 0);
    int shift = 0;
    for (const auto& p : parts) {
        if (shift + p.rowCount > 64)
            break;
        const size_t n = std::min(out.size(), p.steps.size());
        for (size_t s = 0; s < n; ++s)
            out[s] |= p.steps[s] << shift;
        shift += p.rowCount;
    }
    return out;
}

} // namespace lm
