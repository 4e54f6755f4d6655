// Generated loops in the library (schema 4): batches with their provenance,
// their loops pending until kept or discarded, and reading them back.
#include "LibraryDb.h"
#include "RollBlob.h"

#include "core/model/LoopFormat.h"

namespace lm {

namespace {

const char* kGeneratedColumns =
    "SELECT g.id,g.batch_id,g.position,g.kept,g.roll,g.loop_score,g.note_density,g.unique_pitch,g.tempo_bpm,"
    "g.created_at,b.model_name,b.model_dir,b.settings,b.seed FROM generated_loops g "
    "JOIN generation_batches b ON b.id=g.batch_id ";

StoredGeneratedLoop generatedFromRow(const Statement& row)
{
    StoredGeneratedLoop g;
    g.id = row.int64(0);
    g.batchId = row.int64(1);
    g.position = row.int32(2);
    g.kept = row.int32(3) != 0;
    g.loop.roll = rollFromBlob(row.blob(4));
    g.loop.loopScore = row.real(5);
    g.loop.noteDensity = row.real(6);
    g.loop.uniquePitch = row.real(7);
    g.tempoBpm = row.real(8);
    g.createdAt = row.int64(9);
    g.modelName = row.text(10);
    g.modelDir = row.text(11);
    g.settingsJson = row.text(12);
    g.seed = uint64_t(row.int64(13));
    return g;
}

} // namespace

Result<GenerationBatch> LibraryDb::addGenerationBatch(GenerationBatch batch, bool keepAll, bool inHistory)
{
    for (const StoredGeneratedLoop& g : batch.loops)
        if (g.loop.roll.size() != size_t(format::kWindowSteps))
            return Error{path_, -1, "a generated loop needs " + std::to_string(format::kWindowSteps) + " steps, not "
                                        + std::to_string(g.loop.roll.size())};
    if (auto r = begin(); !r)
        return r.error();
    auto fail = [&](const std::string& what, Statement& st) {
        Error e{path_, -1, what + ": " + st.message()};
        st.reset();
        rollback();
        return e;
    };
    const GenerationSettings& s = batch.settings;
    if (batch.settingsJson.empty())
        batch.settingsJson = generationSettingsJson(s);
    Statement ins(db(), "INSERT INTO generation_batches(model_name,model_dir,settings,count,temperature,top_k,top_p,"
                        "max_score,seed,max_drawn,tempo_bpm,drawn,in_history) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?) "
                        "RETURNING id, created_at");
    ins.bind(1, batch.modelName).bind(2, batch.modelDir).bind(3, batch.settingsJson).bind(4, s.count);
    ins.bind(5, s.temperature).bind(6, s.topK).bind(7, s.topP).bind(8, s.maxScore).bind(9, int64_t(s.seed));
    ins.bind(10, s.maxDrawn).bind(11, s.tempoBpm).bind(12, batch.drawn).bind(13, inHistory ? 1 : 0);
    if (ins.step() != Statement::Step::Row)
        return fail("cannot store a generated batch", ins);
    batch.id = ins.int64(0);
    batch.createdAt = ins.int64(1);
    ins.reset();
    Statement loop(db(), "INSERT INTO generated_loops(batch_id,position,kept,roll,loop_score,note_density,unique_pitch,"
                         "tempo_bpm) VALUES(?,?,?,?,?,?,?,?) RETURNING id, created_at");
    for (size_t i = 0; i < batch.loops.size(); ++i) {
        StoredGeneratedLoop& g = batch.loops[i];
        const std::vector<uint8_t> bytes = rollBytes(g.loop.roll);
        g.batchId = batch.id;
        g.position = int(i);
        g.kept = keepAll;
        g.tempoBpm = s.tempoBpm;
        g.modelName = batch.modelName;
        g.modelDir = batch.modelDir;
        g.settingsJson = batch.settingsJson;
        g.seed = s.seed;
        loop.reset();
        loop.bind(1, batch.id).bind(2, int(i)).bind(3, keepAll ? 1 : 0).bind(4, Blob{bytes.data(), bytes.size()});
        loop.bind(5, g.loop.loopScore).bind(6, g.loop.noteDensity).bind(7, g.loop.uniquePitch).bind(8, s.tempoBpm);
        if (loop.step() != Statement::Step::Row)
            return fail("cannot store a generated loop", loop);
        g.id = loop.int64(0);
        g.createdAt = loop.int64(1);
    }
    loop.reset();
    if (auto r = commit(); !r)
        return r.error();
    return batch;
}

// Runs `sql` (one id parameter, RETURNING a row per changed loop) for each id, in one transaction.
Result<int64_t> LibraryDb::changeGenerated(const char* sql, const std::vector<int64_t>& ids, const char* what)
{
    if (auto r = begin(); !r)
        return r.error();
    Statement st(db(), sql);
    int64_t changed = 0;
    for (int64_t id : ids) {
        st.reset();
        st.bind(1, id);
        Statement::Step step;
        while ((step = st.step()) == Statement::Step::Row)
            ++changed;
        if (step == Statement::Step::Error) {
            Error e{path_, -1, std::string(what) + ": " + st.message()};
            st.reset();
            rollback();
            return e;
        }
    }
    st.reset();
    // A batch out of the history whose last loop went goes too (its provenance has no loop left).
    if (auto r = exec("DELETE FROM generation_batches WHERE in_history=0 AND NOT EXISTS "
                      "(SELECT 1 FROM generated_loops g WHERE g.batch_id=generation_batches.id)");
        !r) {
        rollback();
        return r.error();
    }
    if (auto r = commit(); !r)
        return r.error();
    return changed;
}

Result<int64_t> LibraryDb::keepGenerated(const std::vector<int64_t>& ids)
{
    return changeGenerated("UPDATE generated_loops SET kept=1 WHERE id=? AND kept=0 RETURNING id", ids,
                           "cannot keep a generated loop");
}

Result<int64_t> LibraryDb::discardGenerated(const std::vector<int64_t>& ids)
{
    return changeGenerated("DELETE FROM generated_loops WHERE id=? AND kept=0 RETURNING id", ids,
                           "cannot discard a generated loop");
}

Result<int64_t> LibraryDb::deleteGenerated(const std::vector<int64_t>& ids)
{
    return changeGenerated("DELETE FROM generated_loops WHERE id=? RETURNING id", ids, "cannot delete a generated loop");
}

Result<bool> LibraryDb::discardBatch(int64_t batchId)
{
    if (auto r = begin(); !r)
        return r;
    Statement drop(db(), "DELETE FROM generated_loops WHERE batch_id=?1 AND kept=0");
    Statement hide(db(), "UPDATE generation_batches SET in_history=0 WHERE id=?1");
    Statement gone(db(), "DELETE FROM generation_batches WHERE id=?1 AND NOT EXISTS "
                         "(SELECT 1 FROM generated_loops WHERE batch_id=?1)");
    for (Statement* st : {&drop, &hide, &gone}) {
        if (!st->bind(1, batchId).run()) {
            Error e{path_, -1, "cannot discard a generated batch: " + st->message()};
            st->reset();
            rollback();
            return e;
        }
    }
    return commit();
}

std::vector<StoredGeneratedLoop> LibraryDb::readGenerated(const std::string& where,
                                                          const std::function<void(Statement&)>& bind)
{
    std::vector<StoredGeneratedLoop> out;
    Statement st(db(), kGeneratedColumns + where);
    bind(st);
    if (!readRows(st, "cannot read the generated loops", [&](const Statement& row) { out.push_back(generatedFromRow(row)); }))
        out.clear();
    return out;
}

std::optional<StoredGeneratedLoop> LibraryDb::generatedLoop(int64_t id)
{
    auto rows = readGenerated("WHERE g.id=?", [&](Statement& st) { st.bind(1, id); });
    if (rows.empty())
        return std::nullopt;
    return std::move(rows.front());
}

std::vector<StoredGeneratedLoop> LibraryDb::generatedLoops(const std::string& model)
{
    return readGenerated("WHERE g.kept=1 AND (?1='' OR b.model_name=?1) ORDER BY g.id",
                         [&](Statement& st) { st.bind(1, model); });
}

std::vector<std::string> LibraryDb::generatedModels()
{
    std::vector<std::string> out;
    Statement st(db(), "SELECT DISTINCT b.model_name FROM generation_batches b JOIN generated_loops g ON g.batch_id=b.id "
                       "WHERE g.kept=1 ORDER BY b.model_name COLLATE lm_natural");
    if (!readRows(st, "cannot read the generated loops' models", [&](const Statement& row) { out.push_back(row.text(0)); }))
        out.clear();
    return out;
}

std::vector<GenerationBatch> LibraryDb::generationHistory()
{
    std::vector<GenerationBatch> out;
    Statement st(db(), "SELECT id,created_at,model_name,model_dir,settings,count,temperature,top_k,top_p,max_score,seed,"
                       "max_drawn,tempo_bpm,drawn FROM generation_batches WHERE in_history=1 ORDER BY id DESC");
    if (!readRows(st, "cannot read the generation history", [&](const Statement& row) {
            GenerationBatch b;
            b.id = row.int64(0);
            b.createdAt = row.int64(1);
            b.modelName = row.text(2);
            b.modelDir = row.text(3);
            b.settingsJson = row.text(4);
            GenerationSettings& s = b.settings;
            s.count = row.int32(5);
            s.temperature = row.real(6);
            s.topK = row.int32(7);
            s.topP = row.real(8);
            s.maxScore = row.real(9);
            s.seed = uint64_t(row.int64(10));
            s.maxDrawn = row.int64(11);
            s.tempoBpm = row.real(12);
            b.drawn = row.int64(13);
            out.push_back(std::move(b));
        }))
        return {};
    const auto loops = readGenerated("WHERE b.in_history=1 ORDER BY g.batch_id DESC, g.position", [](Statement&) {});
    size_t at = 0;
    for (GenerationBatch& b : out)
        while (at < loops.size() && loops[at].batchId == b.id)
            b.loops.push_back(loops[at++]);
    return out;
}

} // namespace lm
