#include "Novelty.h"

#include "LibraryDb.h"
#include "LoopSet.h"

#include "core/model/LoopFormat.h"

#include <limits>
#include <unordered_map>

namespace lm {

namespace {

int activeCells(const std::vector<uint64_t>& roll)
{
    int n = 0;
    for (uint64_t m : roll)
        n += __builtin_popcountll(m);
    return n;
}

} // namespace

const char* noveltyName(NoveltyKind kind)
{
    switch (kind) {
    case NoveltyKind::Copy: return "copy";
    case NoveltyKind::NearCopy: return "near copy";
    case NoveltyKind::New: break;
    }
    return "new";
}

NoveltyReference::NoveltyReference(const LatentSpace& space, std::vector<std::vector<uint64_t>> rolls, std::vector<uint16_t> codes)
    : index_(space), rolls_(std::move(rolls)), codes_(std::move(codes))
{
    for (auto& r : rolls_) {
        r.resize(size_t(format::kWindowSteps), 0);
        active_.push_back(activeCells(r));
    }
}

Novelty NoveltyReference::measure(const std::vector<uint64_t>& roll, const uint16_t* codes) const
{
    Novelty n;
    if (rolls_.empty())
        return n;
    const auto hits = index_.nearest(codes, codes_.data(), codes_.size() / kLoopCodes, 1);
    if (!hits.empty()) {
        n.latent = hits[0].distance;
        n.nearestLatent = int64_t(hits[0].row);
    }
    const int mine = activeCells(roll);
    int64_t best = std::numeric_limits<int64_t>::max();
    for (size_t i = 0; i < rolls_.size(); ++i) {
        int64_t d = 0;
        const std::vector<uint64_t>& other = rolls_[i];
        for (size_t s = 0; s < size_t(format::kWindowSteps) && d < best; ++s)
            d += __builtin_popcountll((s < roll.size() ? roll[s] : 0) ^ other[s]);
        if (d < best) {
            best = d;
            n.nearestCells = int64_t(i);
        }
    }
    n.cells = best;
    // |A xor B| / |A or B|, where |A or B| = (|A| + |B| + |A xor B|) / 2.
    const double either = (double(mine) + double(active_[size_t(n.nearestCells)]) + double(best)) / 2;
    n.jaccard = either > 0 ? double(best) / either : 0;
    n.kind = best == 0 ? NoveltyKind::Copy : n.jaccard <= kNearCopyJaccard ? NoveltyKind::NearCopy : NoveltyKind::New;
    return n;
}

NoveltySummary summarise(const std::vector<Novelty>& measures)
{
    NoveltySummary s;
    for (const Novelty& n : measures) {
        ++s.loops;
        s.copies += n.kind == NoveltyKind::Copy;
        s.nearCopies += n.kind == NoveltyKind::NearCopy;
        s.meanLatent += n.latent;
        s.meanJaccard += n.jaccard;
    }
    if (s.loops) {
        s.meanLatent /= double(s.loops);
        s.meanJaccard /= double(s.loops);
    }
    return s;
}

Result<std::shared_ptr<NoveltyReference>> trainingReference(LibraryDb& db, const std::string& modelDir, JobContext* job)
{
    auto e = refreshEmbeddings(db, modelDir, job);
    if (!e)
        return e.error();
    LoopSet set = loadLoopSet(db, {}, job);
    std::unordered_map<int64_t, size_t> rowOfWindow;
    for (size_t r = 0; r < e->size(); ++r)
        if (e->ids[r].source == LoopId::Source::Mined)
            rowOfWindow.emplace(e->ids[r].id, r);
    std::vector<std::vector<uint64_t>> rolls;
    std::vector<uint16_t> codes;
    for (size_t i = 0; i < set.rolls.size(); ++i) {
        const auto it = rowOfWindow.find(set.windows[i].id);
        if (it == rowOfWindow.end())
            continue;
        const size_t row = it->second;
        rolls.push_back(std::move(set.rolls[i]));
        codes.insert(codes.end(), e->codes.begin() + long(row * kLoopCodes), e->codes.begin() + long((row + 1) * kLoopCodes));
    }
    return std::make_shared<NoveltyReference>(e->space, std::move(rolls), std::move(codes));
}

} // namespace lm
