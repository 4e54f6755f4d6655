// Reading back what the store wrote: one file's row and piece, its windows,
// and every window as the models see them.
#include "LibraryDb.h"

namespace lm {

namespace {

// A window's 28 correlations, stored as a blob of doubles; false (and `out`
// untouched) when the blob is missing or has another size.
bool readCorrelation(const Statement& row, int column, WindowCorrelation& out)
{
    return row.blobInto(column, out.data(), sizeof(double) * out.size());
}

FileStatus statusFrom(const std::string& s)
{
    return s == "usable" ? FileStatus::Usable : s == "unusable" ? FileStatus::Unusable : FileStatus::Error;
}

// The piece columns of fileInfo's row, from `c` on.
StoredPiece pieceFrom(const Statement& row, int c)
{
    StoredPiece p;
    p.tpq = row.int32(c);
    p.tempoBpm = row.real(c + 1);
    p.tempoChanges = row.int32(c + 2);
    p.timeSignatures = row.text(c + 3);
    p.assumedFourFour = row.int32(c + 4) != 0;
    p.bars = row.int64(c + 5);
    p.steps = row.int64(c + 6);
    p.sampleRate = row.int32(c + 7);
    p.channels = row.int32(c + 8);
    p.seconds = row.real(c + 9);
    p.downbeat = row.real(c + 10);
    p.bpmConfidence = row.real(c + 11);
    p.tempoFromUser = row.int32(c + 12) != 0;
    const Blob matrix = row.blob(c + 13);
    if (matrix.data && matrix.bytes == sizeof(float) * size_t(p.bars) * size_t(p.bars)) {
        p.matrix.resize(matrix.bytes / sizeof(float));
        row.blobInto(c + 13, p.matrix.data(), matrix.bytes);
    }
    return p;
}

} // namespace

std::vector<StoredWindow> LibraryDb::windowsOf(const std::string& path)
{
    std::vector<StoredWindow> out;
    Statement st(db(), "SELECT w.start_bar,w.drum_cells,w.bass_cells,w.kept,w.correlation,w.loop_score,"
                       "w.metre,w.bar_steps,w.period FROM windows w JOIN files f ON f.id=w.file_id WHERE f.path=? "
                       "ORDER BY w.start_bar");
    st.bind(1, path);
    if (!readRows(st, "cannot read the windows of a file", [&](const Statement& row) {
            StoredWindow w;
            w.startBar = row.int64(0);
            w.drumCells = row.int64(1);
            w.bassCells = row.int64(2);
            w.kept = row.int32(3) != 0;
            readCorrelation(row, 4, w.correlation); // a damaged blob reads as zeros
            w.loopScore = row.optionalReal(5);
            w.metre = row.text(6);
            w.barSteps = row.int32(7);
            if (const auto p = row.optionalReal(8))
                w.period = int(*p);
            out.push_back(w);
        }))
        out.clear();
    return out;
}

std::optional<ImportedFile> LibraryDb::fileInfo(const std::string& path)
{
    std::optional<ImportedFile> out;
    Statement st(db(), "SELECT f.size,f.mtime_ns,f.hash,f.kind,f.status,f.error,p.tpq,p.tempo_bpm,p.tempo_changes,"
                       "p.time_signatures,p.assumed_4_4,p.bars,p.steps,p.sample_rate,p.channels,p.seconds,p.downbeat,"
                       "p.bpm_confidence,p.tempo_from_user,p.matrix FROM files f "
                       "LEFT JOIN pieces p ON p.file_id=f.id WHERE f.path=?");
    st.bind(1, path);
    if (!readRows(st, "cannot read a file's record", [&](const Statement& row) {
            ImportedFile f;
            f.path = path;
            f.size = row.int64(0);
            f.mtimeNs = row.int64(1);
            f.hash = row.text(2);
            f.kind = row.text(3);
            f.status = statusFrom(row.text(4));
            f.error = row.text(5);
            if (!row.isNull(6))
                f.piece = pieceFrom(row, 6);
            out = std::move(f);
        }))
        out.reset();
    return out;
}

std::vector<WindowRecord> LibraryDb::windowRecords(bool keptOnly, const std::string& kind)
{
    std::vector<WindowRecord> out;
    std::string sql = "SELECT w.id,f.path,f.kind,w.start_bar,w.correlation,w.loop_score,w.metre,w.bar_steps "
                      "FROM windows w "
                      "JOIN files f ON f.id=w.file_id WHERE 1";
    if (keptOnly)
        sql += " AND w.kept=1";
    if (!kind.empty())
        sql += " AND f.kind=?";
    sql += " ORDER BY f.path, w.start_bar";
    Statement st(db(), sql);
    if (!kind.empty())
        st.bind(1, kind);
    if (!readRows(st, "cannot read the windows for the models", [&](const Statement& row) {
            WindowRecord r;
            r.id = row.int64(0);
            r.path = row.text(1);
            r.kind = row.text(2);
            r.startBar = row.int64(3);
            if (!readCorrelation(row, 4, r.correlation))
                return; // a damaged row is left out rather than read wrong
            r.loopScore = row.optionalReal(5);
            r.metre = row.text(6);
            r.barSteps = row.int32(7);
            out.push_back(std::move(r));
        }))
        out.clear();
    return out;
}

} // namespace lm
