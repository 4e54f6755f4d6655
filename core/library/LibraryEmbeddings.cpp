// The latent space's codes of the library's loops (LoopEmbeddings.h).
#include "LibraryDb.h"
#include "LoopEmbeddings.h"
#include "RollBlob.h"
#include "core/base/Fnv.h"

#include "core/model/LoopFormat.h"

#include <cstring>

namespace lm {

namespace {

std::string rollKey(const std::vector<uint64_t>& roll)
{
    const std::vector<uint8_t> bytes = rollBytes(roll); // as stored
    const uint64_t h = fnv1a64(bytes.data(), bytes.size());
    char text[24];
    std::snprintf(text, sizeof text, "r%016llx", static_cast<unsigned long long>(h));
    return text;
}

} // namespace

std::vector<EmbeddableLoop> LibraryDb::embeddableLoops()
{
    std::vector<EmbeddableLoop> out;
    Statement mined(db(), "SELECT w.id, f.hash, w.start_bar, f.path FROM windows w JOIN files f ON f.id=w.file_id "
                          "WHERE w.kept=1 AND f.kind='midi' ORDER BY f.path, w.start_bar");
    if (!readRows(mined, "cannot read the loops to embed", [&](const Statement& row) {
            EmbeddableLoop l;
            l.id = LoopId{LoopId::Source::Mined, row.int64(0)};
            l.startBar = row.int64(2);
            l.key = "f" + row.text(1) + ":" + std::to_string(l.startBar);
            l.path = row.text(3);
            out.push_back(std::move(l));
        }))
        return {};
    Statement generated(db(), "SELECT id, roll FROM generated_loops WHERE kept=1 ORDER BY id");
    if (!readRows(generated, "cannot read the generated loops to embed", [&](const Statement& row) {
            EmbeddableLoop l;
            l.id = LoopId{LoopId::Source::Generated, row.int64(0)};
            l.roll = rollFromBlob(row.blob(1));
            if (l.roll.empty())
                return; // a damaged roll is left out
            l.key = rollKey(l.roll);
            out.push_back(std::move(l));
        }))
        return {};
    return out;
}

std::optional<LatentSpace> LibraryDb::latentSpace(const std::string& model)
{
    std::optional<LatentSpace> out;
    Statement st(db(), "SELECT stamp, codes, dim, codebook FROM latent_spaces WHERE model=?");
    st.bind(1, model);
    readRows(st, "cannot read the latent space", [&](const Statement& row) {
        LatentSpace s;
        s.model = model;
        s.stamp = row.text(0);
        s.codes = row.int32(1);
        s.dim = row.int32(2);
        s.codebook.resize(size_t(s.codes) * size_t(s.dim));
        if (s.codes > 0 && s.dim > 0 && row.blobInto(3, s.codebook.data(), s.codebook.size() * sizeof(float)))
            out = std::move(s);
    });
    return out;
}

Result<bool> LibraryDb::storeLatentSpace(const LatentSpace& space)
{
    const std::optional<LatentSpace> before = latentSpace(space.model);
    if (auto r = begin(); !r)
        return r.error();
    auto failed = [&](const char* what, const Statement& st) {
        Error e{path_, -1, std::string(what) + ": " + st.message()};
        rollback();
        return e;
    };
    if (before && before->stamp != space.stamp) { // another VQ-VAE in that folder: its codes mean other things
        Statement drop(db(), "DELETE FROM loop_codes WHERE model=?");
        drop.bind(1, space.model);
        if (!drop.run())
            return failed("cannot drop the old codes", drop);
    }
    Statement st(db(), "INSERT INTO latent_spaces(model, stamp, codes, dim, codebook) VALUES(?,?,?,?,?) "
                       "ON CONFLICT(model) DO UPDATE SET stamp=excluded.stamp, codes=excluded.codes, dim=excluded.dim, "
                       "codebook=excluded.codebook, made_at=strftime('%s','now')");
    st.bind(1, space.model).bind(2, space.stamp).bind(3, space.codes).bind(4, space.dim);
    st.bind(5, Blob{space.codebook.data(), space.codebook.size() * sizeof(float)});
    if (!st.run())
        return failed("cannot store the latent space", st);
    return commit();
}

LibraryDb::KeyedCodes LibraryDb::loopCodes(const std::string& model)
{
    KeyedCodes out;
    Statement st(db(), "SELECT loop_key, codes FROM loop_codes WHERE model=?");
    st.bind(1, model);
    if (!readRows(st, "cannot read the loops' codes", [&](const Statement& row) {
            std::vector<uint16_t> codes(kLoopCodes);
            if (row.blobInto(1, codes.data(), codes.size() * sizeof(uint16_t)))
                out.emplace_back(row.text(0), std::move(codes));
        }))
        out.clear();
    return out;
}

Result<bool> LibraryDb::storeLoopCodes(const std::string& model, const KeyedCodes& rows, const std::vector<std::string>& dropKeys)
{
    if (auto r = begin(); !r)
        return r.error();
    Statement drop(db(), "DELETE FROM loop_codes WHERE model=? AND loop_key=?");
    for (const std::string& key : dropKeys) {
        drop.reset();
        drop.bind(1, model).bind(2, key);
        if (!drop.run()) {
            Error e{path_, -1, "cannot drop a loop's codes: " + drop.message()};
            rollback();
            return e;
        }
    }
    Statement put(db(), "INSERT OR REPLACE INTO loop_codes(model, loop_key, codes) VALUES(?,?,?)");
    for (const auto& [key, codes] : rows) {
        put.reset();
        put.bind(1, model).bind(2, key).bind(3, Blob{codes.data(), codes.size() * sizeof(uint16_t)});
        if (!put.run()) {
            Error e{path_, -1, "cannot store a loop's codes: " + put.message()};
            rollback();
            return e;
        }
    }
    return commit();
}

} // namespace lm
