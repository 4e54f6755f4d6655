// What an import writes: a file's row, its piece and its windows, replacing
// what was stored for the path; and the file states an import compares against.
#include "LibraryDb.h"

namespace lm {

Result<bool> LibraryDb::prepareStore()
{
    upsertFile_ = Statement(
        db(), "INSERT INTO files(path,size,mtime_ns,hash,kind,status,error,windows_kept,best_score) "
              "VALUES(?,?,?,?,?,?,?,?,?) "
              "ON CONFLICT(path) DO UPDATE SET size=excluded.size, mtime_ns=excluded.mtime_ns, hash=excluded.hash, "
              "kind=excluded.kind, status=excluded.status, error=excluded.error, imported_at=strftime('%s','now'), "
              "windows_kept=excluded.windows_kept, best_score=excluded.best_score "
              "RETURNING id");
    deletePiece_ = Statement(db(), "DELETE FROM pieces WHERE file_id=?");
    deleteWindows_ = Statement(db(), "DELETE FROM windows WHERE file_id=?");
    marksOfFile_ = Statement(db(), kMarksOfFile);
    insertPiece_ = Statement(
        db(), "INSERT INTO pieces(file_id,tpq,tempo_bpm,tempo_changes,time_signatures,assumed_4_4,bars,steps,"
              "sample_rate,channels,seconds,downbeat,bpm_confidence,tempo_from_user,matrix) "
              "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    insertWindow_ = Statement(
        db(), "INSERT INTO windows(file_id,start_bar,drum_cells,bass_cells,kept,correlation,loop_score,note_density,"
              "unique_pitch,metre,bar_steps,period) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const Statement* st : {&upsertFile_, &deletePiece_, &deleteWindows_, &insertPiece_, &insertWindow_, &marksOfFile_})
        if (!st->ok())
            return Error{path_, -1, "cannot prepare the import's statements: " + st->message()};
    return true;
}

Result<bool> LibraryDb::store(const ImportedFile& f)
{
    const Result<int64_t> id = storeFileRow(f);
    if (!id)
        return id.error();
    // The user's stars and tags on the file's loops, by start bar, before the windows go (LoopMarks.cpp).
    auto marks = marksOfFile(*id);
    if (!marks)
        return marks.error();
    for (Statement* del : {&deletePiece_, &deleteWindows_}) {
        del->reset();
        if (!del->bind(1, *id).run())
            return Error{path_, -1, "cannot replace " + f.path + ": " + del->message()};
    }
    if (auto r = storePiece(*id, f); !r)
        return r;
    if (auto r = storeWindows(*id, f); !r)
        return r;
    return restoreMarks(*id, *marks);
}

// The file's row, with its kept-window count and best score; its id.
Result<int64_t> LibraryDb::storeFileRow(const ImportedFile& f)
{
    int64_t kept = 0;
    std::optional<double> best;
    for (const StoredWindow& w : f.windows)
        if (w.kept) {
            ++kept;
            if (w.loopScore && (!best || *w.loopScore < *best))
                best = w.loopScore;
        }
    Statement& st = upsertFile_;
    st.reset();
    st.bind(1, f.path).bind(2, f.size).bind(3, f.mtimeNs).bind(4, f.hash).bind(5, f.kind);
    st.bind(6, toString(f.status)).bind(7, f.error).bind(8, kept).bind(9, best);
    if (st.step() != Statement::Step::Row)
        return Error{path_, -1, "cannot store " + f.path + ": " + st.message()};
    const int64_t id = st.int64(0);
    st.reset(); // finishes the statement, so that the upsert is complete before the deletes
    return id;
}

Result<bool> LibraryDb::storePiece(int64_t fileId, const ImportedFile& f)
{
    if (!f.piece)
        return true;
    const StoredPiece& p = *f.piece;
    Statement& st = insertPiece_;
    st.reset();
    st.bind(1, fileId).bind(2, p.tpq).bind(3, p.tempoBpm).bind(4, p.tempoChanges).bind(5, p.timeSignatures);
    st.bind(6, p.assumedFourFour ? 1 : 0).bind(7, p.bars).bind(8, p.steps).bind(9, p.sampleRate).bind(10, p.channels);
    st.bind(11, p.seconds).bind(12, p.downbeat).bind(13, p.bpmConfidence).bind(14, p.tempoFromUser ? 1 : 0);
    if (p.matrix.empty())
        st.bind(15, nullptr);
    else
        st.bind(15, Blob{p.matrix.data(), sizeof(float) * p.matrix.size()});
    if (!st.run())
        return Error{path_, -1, "cannot store the piece of " + f.path + ": " + st.message()};
    return true;
}

Result<bool> LibraryDb::storeWindows(int64_t fileId, const ImportedFile& f)
{
    Statement& st = insertWindow_;
    for (const StoredWindow& w : f.windows) {
        st.reset();
        st.bind(1, fileId).bind(2, w.startBar).bind(3, w.drumCells).bind(4, w.bassCells).bind(5, w.kept ? 1 : 0);
        st.bind(6, Blob{w.correlation.data(), sizeof(double) * w.correlation.size()});
        st.bind(7, w.loopScore).bind(8, w.noteDensity).bind(9, w.uniquePitch).bind(10, w.metre).bind(11, w.barSteps);
        if (w.period)
            st.bind(12, int64_t(*w.period));
        else
            st.bind(12, nullptr);
        if (!st.run())
            return Error{path_, -1, "cannot store the windows of " + f.path + ": " + st.message()};
    }
    return true;
}

std::unordered_map<std::string, FileState> LibraryDb::fileStates()
{
    std::unordered_map<std::string, FileState> out;
    Statement st(db(), "SELECT path,id,size,mtime_ns FROM files");
    if (!readRows(st, "cannot read the stored files' states", [&](const Statement& row) {
            out[row.text(0)] = FileState{row.int64(1), row.int64(2), row.int64(3)};
        }))
        out.clear();
    return out;
}

std::unordered_set<std::string> LibraryDb::filesWithoutPeriod()
{
    std::unordered_set<std::string> out;
    Statement st(db(), "SELECT DISTINCT f.path FROM files f JOIN windows w ON w.file_id=f.id WHERE w.period IS NULL");
    if (!readRows(st, "cannot read which windows have no period", [&](const Statement& row) { out.insert(row.text(0)); }))
        out.clear();
    return out;
}

} // namespace lm
