// "More like this": the library's loops as codes of one model, and the nearest of them.
#include "LoopEmbeddings.h"

#include "LatentLoops.h"
#include "LibraryDb.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/io/MidiReader.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

namespace lm {

namespace {

std::string modelKey(const std::string& modelDir)
{
    std::error_code ec;
    const auto canonical = std::filesystem::weakly_canonical(modelDir, ec);
    return ec ? modelDir : canonical.string();
}

// The rolls of loops that have no codes yet (mined ones read back from their files, each file once).
std::vector<std::vector<uint64_t>> rollsOf(const std::vector<const EmbeddableLoop*>& loops, std::vector<bool>& readable,
                                           std::vector<std::string>& unreadable)
{
    std::vector<std::vector<uint64_t>> rolls;
    std::string path;
    std::optional<std::vector<uint64_t>> stacked;
    int64_t bars = 0;
    for (const EmbeddableLoop* l : loops) {
        if (!l->roll.empty()) {
            rolls.push_back(l->roll);
            readable.push_back(true);
            continue;
        }
        if (l->path != path) {
            path = l->path;
            stacked.reset();
            auto midi = readMidiFile(path);
            if (midi) {
                const PieceAnalysis piece = analysePiece(*midi);
                stacked = piece.roll.stackedSteps();
                bars = piece.bars();
            } else {
                unreadable.push_back(path + ": " + midi.error().message);
            }
        }
        const bool ok = stacked && l->startBar + format::kBarsPerWindow <= bars;
        readable.push_back(ok);
        if (ok)
            rolls.push_back(windowSteps(*stacked, l->startBar));
    }
    return rolls;
}

LoopEmbeddings assemble(const LatentSpace& space, const std::vector<EmbeddableLoop>& loops,
                        const std::unordered_map<std::string, std::vector<uint16_t>>& byKey)
{
    LoopEmbeddings e;
    e.space = space;
    for (const EmbeddableLoop& l : loops) {
        const auto it = byKey.find(l.key);
        if (it == byKey.end())
            continue;
        e.ids.push_back(l.id);
        e.codes.insert(e.codes.end(), it->second.begin(), it->second.end());
    }
    return e;
}

} // namespace

std::optional<size_t> LoopEmbeddings::rowOf(const LoopId& id) const
{
    for (size_t i = 0; i < ids.size(); ++i)
        if (ids[i] == id)
            return i;
    return std::nullopt;
}

std::optional<LoopEmbeddings> storedEmbeddings(LibraryDb& db, const std::string& modelDir)
{
    const std::string model = modelKey(modelDir);
    const std::optional<LatentSpace> space = db.latentSpace(model);
    if (!space || space->stamp != latentStamp(modelDir))
        return std::nullopt;
    std::unordered_map<std::string, std::vector<uint16_t>> byKey;
    for (auto& [key, codes] : db.loopCodes(model))
        byKey.emplace(std::move(key), std::move(codes));
    return assemble(*space, db.embeddableLoops(), byKey);
}

Result<LoopEmbeddings> refreshEmbeddings(LibraryDb& db, const std::string& modelDir, JobContext* job)
{
    const std::string model = modelKey(modelDir);
    const std::string stamp = latentStamp(modelDir);
    if (stamp.empty())
        return Error{modelDir, -1, "no VQ-VAE in this model folder (vqvae.lmm)"};
    const std::vector<EmbeddableLoop> loops = db.embeddableLoops();
    if (db.lastError())
        return *db.lastError();
    std::unordered_map<std::string, std::vector<uint16_t>> byKey;
    std::optional<LatentSpace> space = db.latentSpace(model);
    if (space && space->stamp == stamp)
        for (auto& [key, codes] : db.loopCodes(model))
            byKey.emplace(std::move(key), std::move(codes));
    std::vector<const EmbeddableLoop*> missing;
    std::unordered_set<std::string> wanted, current;
    for (const EmbeddableLoop& l : loops) {
        current.insert(l.key);
        if (!byKey.count(l.key) && wanted.insert(l.key).second)
            missing.push_back(&l);
    }
    std::vector<std::string> unreadable;
    std::vector<bool> readable;
    const std::vector<std::vector<uint64_t>> rolls = rollsOf(missing, readable, unreadable);
    LibraryDb::KeyedCodes added;
    if (!rolls.empty() || !space || space->stamp != stamp) {
        auto encoded = latentModels().encode(modelDir, rolls, job);
        if (!encoded)
            return encoded.error();
        encoded->space.model = model;
        if (auto r = db.storeLatentSpace(encoded->space); !r)
            return r.error();
        space = encoded->space;
        size_t row = 0;
        for (size_t i = 0; i < missing.size(); ++i) {
            if (!readable[i])
                continue;
            std::vector<uint16_t> c(encoded->codes.begin() + long(row * kLoopCodes),
                                    encoded->codes.begin() + long((row + 1) * kLoopCodes));
            ++row;
            byKey[missing[i]->key] = c;
            added.emplace_back(missing[i]->key, std::move(c));
        }
    }
    std::vector<std::string> stale;
    for (const auto& [key, codes] : byKey)
        if (!current.count(key))
            stale.push_back(key);
    if (!added.empty() || !stale.empty())
        if (auto r = db.storeLoopCodes(model, added, stale); !r)
            return r.error();
    LoopEmbeddings e = assemble(*space, loops, byKey);
    e.encoded = int64_t(added.size());
    e.unreadable = std::move(unreadable);
    return e;
}

LatentIndex::LatentIndex(const LatentSpace& space) : codes_(space.codes), table_(size_t(space.codes) * size_t(space.codes))
{
    const int d = space.dim;
    for (int i = 0; i < codes_; ++i)
        for (int j = i; j < codes_; ++j) {
            double s = 0;
            for (int k = 0; k < d; ++k) {
                const double x = double(space.codebook[size_t(i * d + k)]) - space.codebook[size_t(j * d + k)];
                s += x * x;
            }
            table_[size_t(i) * size_t(codes_) + size_t(j)] = table_[size_t(j) * size_t(codes_) + size_t(i)] = float(s);
        }
}

double LatentIndex::distance(const uint16_t* a, const uint16_t* b) const
{
    double s = 0;
    for (int t = 0; t < kLoopCodes; ++t)
        s += table_[size_t(std::min<int>(a[t], codes_ - 1)) * size_t(codes_) + std::min<int>(b[t], codes_ - 1)];
    return std::sqrt(s);
}

std::vector<LatentIndex::Hit> LatentIndex::nearest(const uint16_t* query, const uint16_t* rows, size_t count, int k,
                                                   std::optional<size_t> leaveOut) const
{
    // The query's rows of the table, one per position: each loop then costs 32 lookups.
    std::vector<const float*> lanes(kLoopCodes);
    for (int t = 0; t < kLoopCodes; ++t)
        lanes[size_t(t)] = table_.data() + size_t(std::min<int>(query[t], codes_ - 1)) * size_t(codes_);
    std::vector<Hit> hits;
    hits.reserve(count);
    for (size_t r = 0; r < count; ++r) {
        if (leaveOut && *leaveOut == r)
            continue;
        const uint16_t* c = rows + r * kLoopCodes;
        float s = 0;
        for (int t = 0; t < kLoopCodes; ++t)
            s += lanes[size_t(t)][std::min<int>(c[t], codes_ - 1)];
        hits.push_back({r, double(s)});
    }
    const size_t keep = std::min(hits.size(), size_t(std::max(k, 0)));
    auto closer = [](const Hit& a, const Hit& b) { return a.distance != b.distance ? a.distance < b.distance : a.row < b.row; };
    std::partial_sort(hits.begin(), hits.begin() + long(keep), hits.end(), closer);
    hits.resize(keep);
    for (Hit& h : hits)
        h.distance = std::sqrt(h.distance);
    return hits;
}

Result<std::vector<Neighbour>> similarLoops(const LoopEmbeddings& e, const LoopId& id, int k)
{
    const std::optional<size_t> row = e.rowOf(id);
    if (!row)
        return Error{e.space.model, -1, "loop " + id.text() + " has no codes (not in the library, an audio loop, or its file is unreadable)"};
    const LatentIndex index(e.space);
    std::vector<Neighbour> out;
    for (const LatentIndex::Hit& h : index.nearest(e.codes.data() + *row * kLoopCodes, e.codes.data(), e.size(), k, row))
        out.push_back({e.ids[h.row], h.distance});
    return out;
}

} // namespace lm
