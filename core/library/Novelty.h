#pragma once
// Novelty of generated loops (method.md 10): each generated loop's distance
// to its nearest training loop, in the latent space (LatentIndex: the
// distance of the quantised codes) and in roll cells (the fewest differing
// cells of the 57 x 128), so that a user sees whether the model made
// something new or played back a loop it learnt.
//   copy:      some training loop has exactly the same roll
//   near copy: the nearest training loop by cells differs in at most 10 % of
//              the cells that either of the two has on (Jaccard distance <= 0.1)
//   new:       anything else
#include "core/library/LatentModels.h"
#include "core/library/LoopEmbeddings.h"

#include <memory>
#include <vector>

namespace lm {

constexpr double kNearCopyJaccard = 0.1;

enum class NoveltyKind { Copy, NearCopy, New };
const char* noveltyName(NoveltyKind kind); // "copy", "near copy", "new"

struct Novelty {
    double latent = 0;          // to the nearest training loop's codes
    int64_t nearestLatent = -1; // its index in the reference
    int64_t cells = 0;          // cells that differ from the training loop nearest by cells
    double jaccard = 0;         // those cells over the cells either has on (0: the same roll)
    int64_t nearestCells = -1;  // its index in the reference
    NoveltyKind kind = NoveltyKind::New;
};

struct NoveltySummary {
    int64_t loops = 0, copies = 0, nearCopies = 0;
    double meanLatent = 0, meanJaccard = 0;
    double copyShare() const { return loops ? double(copies + nearCopies) / double(loops) : 0; } // exact or near
};

// The training loops to compare with: their rolls and codes (kLoopCodes each) in one latent space.
class NoveltyReference {
public:
    NoveltyReference(const LatentSpace& space, std::vector<std::vector<uint64_t>> rolls, std::vector<uint16_t> codes);
    size_t size() const { return rolls_.size(); }
    Novelty measure(const std::vector<uint64_t>& roll, const uint16_t* codes) const;

private:
    LatentIndex index_;
    std::vector<std::vector<uint64_t>> rolls_;
    std::vector<int> active_;
    std::vector<uint16_t> codes_;
};

NoveltySummary summarise(const std::vector<Novelty>& measures);

// The library's training loops (LoopSet: kept MIDI windows under the detector's
// threshold) under the model in `modelDir`, their codes from the library's
// embeddings (refreshed); for the Generate panel.
Result<std::shared_ptr<NoveltyReference>> trainingReference(class LibraryDb& db, const std::string& modelDir, JobContext* job);

} // namespace lm
