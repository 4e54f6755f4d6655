#pragma once
// "More like this" (method.md 10): every loop of the library (kept MIDI
// windows and kept generated loops) as its 32 VQ-VAE codes under one model,
// stored in the library (tables latent_spaces and loop_codes) and brought up
// to date when that model or the library changes; the nearest loops of one
// loop by the distance of their quantised latents.
//
// Why the codes and not the encoder's outputs before quantisation: the codes
// are what the decoder turns back into the roll and what the prior generates,
// so two loops with the same codes are, for the model, the same loop; they
// take 64 bytes a loop instead of 2 KB; and the distance between two code
// sequences is still graded, not a count of equal indices:
//   d(a, b) = sqrt(sum over the 32 positions of |codebook[a_t] - codebook[b_t]|^2),
// the Euclidean distance of the two 32 x 16 quantised latents, computed from a
// K x K table of code distances (32 lookups a loop: exact search over 100,000
// loops takes a few milliseconds, no index needed).
#include "core/base/JobContext.h"
#include "core/base/Result.h"
#include "core/library/LatentModels.h"
#include "core/model/LoopId.h"

#include <optional>
#include <string>
#include <vector>

namespace lm {

class LibraryDb;

// A loop the library can embed: its id and a key naming its content
// ("f<file hash>:<start bar>" for a mined loop, "r<roll hash>" for a generated
// one), so that a re-imported file or a reused id never keeps stale codes, and
// two copies of one file share them.
struct EmbeddableLoop {
    LoopId id;
    std::string key;
    std::string path;           // mined: the source file
    int64_t startBar = 0;
    std::vector<uint64_t> roll; // generated: the stored roll
};

struct LoopEmbeddings {
    LatentSpace space;
    std::vector<LoopId> ids;
    std::vector<uint16_t> codes;          // kLoopCodes per id, in order
    int64_t encoded = 0;                  // loops encoded by this refresh (0: all were stored)
    std::vector<std::string> unreadable;  // "path: why" of mined loops whose file could not be read
    size_t size() const { return ids.size(); }
    std::optional<size_t> rowOf(const LoopId& id) const;
};

// Brings the library's codes under the model in `modelDir` up to date: a
// model whose VQ-VAE changed has its codes made again, loops without codes
// are encoded (rolls read from their files), codes of loops no longer in the
// library are dropped. Returns every embeddable loop with its codes.
Result<LoopEmbeddings> refreshEmbeddings(LibraryDb& db, const std::string& modelDir, JobContext* job = nullptr);
// What the library holds for the model, without encoding (nothing when its stamp is stale).
std::optional<LoopEmbeddings> storedEmbeddings(LibraryDb& db, const std::string& modelDir);

// Exact search by the distance above.
class LatentIndex {
public:
    explicit LatentIndex(const LatentSpace& space);
    double distance(const uint16_t* a, const uint16_t* b) const;
    struct Hit {
        size_t row;
        double distance;
    };
    // The k nearest of `rows` rows of codes to `query`, nearest first (ties by row), `leaveOut` excluded.
    std::vector<Hit> nearest(const uint16_t* query, const uint16_t* rows, size_t count, int k,
                             std::optional<size_t> leaveOut = std::nullopt) const;

private:
    int codes_ = 0;
    std::vector<float> table_; // codes x codes squared distances
};

struct Neighbour {
    LoopId id;
    double distance = 0;
};
// The k nearest loops of `id`, itself left out; an error names the id when it has no codes.
Result<std::vector<Neighbour>> similarLoops(const LoopEmbeddings& e, const LoopId& id, int k);

} // namespace lm
