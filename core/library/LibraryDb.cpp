#include "LibraryDb.h"

#include "core/base/NaturalOrder.h"

#include "core/library/SqliteText.h"

#include <sqlite3.h>

#include <cstdio>
#include <cstring>
#include <filesystem>

namespace lm {

namespace {

constexpr int kSchemaVersion = 3;



const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS files (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  hash TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  error TEXT NOT NULL DEFAULT '',
  imported_at INTEGER NOT NULL DEFAULT (strftime('%s','now')),
  windows_kept INTEGER NOT NULL DEFAULT 0, -- kept windows, kept here so the browser sorts fast
  best_score REAL                          -- lowest loop score of a kept window, once scored
);
CREATE TABLE IF NOT EXISTS pieces (
  file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
  tpq INTEGER NOT NULL,
  tempo_bpm REAL NOT NULL,
  tempo_changes INTEGER NOT NULL,
  time_signatures TEXT NOT NULL,
  assumed_4_4 INTEGER NOT NULL,
  bars INTEGER NOT NULL,
  steps INTEGER NOT NULL,
  sample_rate INTEGER NOT NULL DEFAULT 0,
  channels INTEGER NOT NULL DEFAULT 0,
  seconds REAL NOT NULL DEFAULT 0,
  downbeat REAL NOT NULL DEFAULT 0,
  bpm_confidence REAL NOT NULL DEFAULT 0,
  tempo_from_user INTEGER NOT NULL DEFAULT 0,
  matrix BLOB
);
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tempo_settings (
  path TEXT PRIMARY KEY,
  bpm REAL,
  downbeat REAL
);
CREATE TABLE IF NOT EXISTS windows (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  start_bar INTEGER NOT NULL,
  drum_cells INTEGER NOT NULL,
  bass_cells INTEGER NOT NULL,
  kept INTEGER NOT NULL,
  correlation BLOB NOT NULL,
  loop_score REAL,
  note_density REAL,
  unique_pitch REAL,
  UNIQUE(file_id, start_bar)
);
CREATE INDEX IF NOT EXISTS windows_kept ON windows(kept, loop_score);
CREATE INDEX IF NOT EXISTS files_windows_kept ON files(windows_kept);
CREATE INDEX IF NOT EXISTS files_best_score ON files(best_score);
)sql";

} // namespace

Error LibraryDb::sqlError(const std::string& what) const
{
    return Error{path_, -1, what + ": " + (db_ ? sqlite3_errmsg(db_) : "no database")};
}

Result<bool> LibraryDb::exec(const char* sql)
{
    char* msg = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
        std::string m = msg ? msg : "unknown error";
        sqlite3_free(msg);
        return Error{path_, -1, m};
    }
    return true;
}

sqlite3_stmt* LibraryDb::prepare(const char* sql)
{
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &st, nullptr) != SQLITE_OK)
        return nullptr;
    statements_.push_back(st);
    return st;
}

// Brings a library of an older schema up to the columns of kSchemaVersion.
Result<bool> LibraryDb::migrate(int version)
{
    if (version == 1) { // schema 1 had no per-file summary columns
        if (auto r = exec("ALTER TABLE files ADD COLUMN windows_kept INTEGER NOT NULL DEFAULT 0;"
                          "ALTER TABLE files ADD COLUMN best_score REAL;"
                          "ALTER TABLE windows ADD COLUMN note_density REAL;"
                          "ALTER TABLE windows ADD COLUMN unique_pitch REAL;"
                          "UPDATE files SET windows_kept=k.n, best_score=k.best FROM (SELECT file_id, count(*) AS n, "
                          "min(loop_score) AS best FROM windows WHERE kept=1 GROUP BY file_id) AS k WHERE k.file_id=files.id;");
            !r)
            return r.error();
    }
    if (version >= 1 && version < 3) { // schema 3 added audio pieces to the pieces table
        static const char* const added[][2] = {
            {"sample_rate", "INTEGER NOT NULL DEFAULT 0"}, {"channels", "INTEGER NOT NULL DEFAULT 0"},
            {"seconds", "REAL NOT NULL DEFAULT 0"},        {"downbeat", "REAL NOT NULL DEFAULT 0"},
            {"bpm_confidence", "REAL NOT NULL DEFAULT 0"}, {"tempo_from_user", "INTEGER NOT NULL DEFAULT 0"},
            {"matrix", "BLOB"}};
        if (hasTable("pieces"))
            for (const auto& col : added)
                if (!hasColumn("pieces", col[0]))
                    if (auto r = exec(("ALTER TABLE pieces ADD COLUMN " + std::string(col[0]) + " " + col[1]).c_str());
                        !r)
                        return r.error();
    }
    return true;
}

Result<std::unique_ptr<LibraryDb>> LibraryDb::open(const std::string& path, LibraryOpen mode)
{
    const bool create = mode == LibraryOpen::Create;
    std::error_code ec;
    if (!create && !std::filesystem::is_regular_file(path, ec))
        return Error{path, -1, std::filesystem::exists(path, ec) ? "not a library file" : "no such library (file not found)"};
    std::unique_ptr<LibraryDb> lib(new LibraryDb);
    lib->path_ = path;
    // Without SQLITE_OPEN_CREATE, a file removed since the check is not made again.
    if (sqlite3_open_v2(path.c_str(), &lib->db_,
                        SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_FULLMUTEX, nullptr)
        != SQLITE_OK)
        return lib->sqlError("cannot open the library");
    sqlite3_busy_timeout(lib->db_, 10000);
    // lm_natural: the browser's name order (groove_2 before groove_10).
    sqlite3_create_collation_v2(
        lib->db_, "lm_natural", SQLITE_UTF8, nullptr,
        [](void*, int na, const void* a, int nb, const void* b) {
            return naturalCompare({static_cast<const char*>(a), size_t(na)}, {static_cast<const char*>(b), size_t(nb)});
        },
        nullptr);
    // Reject a file that is not a SQLite database before touching it.
    if (auto r = lib->exec("SELECT count(*) FROM sqlite_master"); !r)
        return Error{path, -1, "not a loopminer library (" + r.error().message + ")"};
    int version = 0;
    {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(lib->db_, "PRAGMA user_version", -1, &st, nullptr);
        if (st && sqlite3_step(st) == SQLITE_ROW)
            version = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    if (version > kSchemaVersion)
        return Error{path, -1, "library made by a newer loopminer (schema " + std::to_string(version) + ")"};
    for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"})
        if (auto r = lib->exec(sql); !r)
            return r.error();
    if (auto r = lib->migrate(version); !r)
        return r.error();
    if (auto r = lib->exec(kSchema); !r)
        return r.error();
    if (auto r = lib->exec(("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str()); !r)
        return r.error();

    lib->upsertFile_ = lib->prepare(
        "INSERT INTO files(path,size,mtime_ns,hash,kind,status,error,windows_kept,best_score) VALUES(?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(path) DO UPDATE SET size=excluded.size, mtime_ns=excluded.mtime_ns, hash=excluded.hash, "
        "kind=excluded.kind, status=excluded.status, error=excluded.error, imported_at=strftime('%s','now'), "
        "windows_kept=excluded.windows_kept, best_score=excluded.best_score "
        "RETURNING id");
    lib->deletePiece_ = lib->prepare("DELETE FROM pieces WHERE file_id=?");
    lib->deleteWindows_ = lib->prepare("DELETE FROM windows WHERE file_id=?");
    lib->insertPiece_ = lib->prepare(
        "INSERT INTO pieces(file_id,tpq,tempo_bpm,tempo_changes,time_signatures,assumed_4_4,bars,steps,"
        "sample_rate,channels,seconds,downbeat,bpm_confidence,tempo_from_user,matrix) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    lib->insertWindow_ = lib->prepare(
        "INSERT INTO windows(file_id,start_bar,drum_cells,bass_cells,kept,correlation,loop_score,note_density,"
        "unique_pitch) VALUES(?,?,?,?,?,?,?,?,?)");
    for (sqlite3_stmt* st : {lib->upsertFile_, lib->deletePiece_, lib->deleteWindows_, lib->insertPiece_,
                             lib->insertWindow_})
        if (!st)
            return lib->sqlError("cannot prepare statements");
    return lib;
}

LibraryDb::~LibraryDb()
{
    for (sqlite3_stmt* st : statements_)
        sqlite3_finalize(st);
    if (db_)
        sqlite3_close(db_);
}

std::unordered_map<std::string, FileState> LibraryDb::fileStates()
{
    std::unordered_map<std::string, FileState> out;
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_, "SELECT path,id,size,mtime_ns FROM files", -1, &st, nullptr);
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        out[columnText(st, 0)] = FileState{sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2),
                                    sqlite3_column_int64(st, 3)};
    }
    sqlite3_finalize(st);
    return out;
}

Result<bool> LibraryDb::begin() { return exec("BEGIN IMMEDIATE"); }
Result<bool> LibraryDb::commit() { return exec("COMMIT"); }
void LibraryDb::rollback() { exec("ROLLBACK"); }

Result<bool> LibraryDb::store(const ImportedFile& f)
{
    sqlite3_stmt* st = upsertFile_;
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, f.path.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, f.size);
    sqlite3_bind_int64(st, 3, f.mtimeNs);
    sqlite3_bind_text(st, 4, f.hash.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, f.kind.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, toString(f.status), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, f.error.c_str(), -1, SQLITE_TRANSIENT);
    int64_t kept = 0;
    std::optional<double> best;
    for (const StoredWindow& w : f.windows)
        if (w.kept) {
            ++kept;
            if (w.loopScore && (!best || *w.loopScore < *best))
                best = w.loopScore;
        }
    sqlite3_bind_int64(st, 8, kept);
    if (best)
        sqlite3_bind_double(st, 9, *best);
    else
        sqlite3_bind_null(st, 9);
    if (sqlite3_step(st) != SQLITE_ROW)
        return sqlError("cannot store " + f.path);
    const int64_t id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);

    for (sqlite3_stmt* del : {deletePiece_, deleteWindows_}) {
        sqlite3_reset(del);
        sqlite3_bind_int64(del, 1, id);
        if (sqlite3_step(del) != SQLITE_DONE)
            return sqlError("cannot replace " + f.path);
    }
    if (f.piece) {
        const StoredPiece& p = *f.piece;
        st = insertPiece_;
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int(st, 2, p.tpq);
        sqlite3_bind_double(st, 3, p.tempoBpm);
        sqlite3_bind_int(st, 4, p.tempoChanges);
        sqlite3_bind_text(st, 5, p.timeSignatures.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 6, p.assumedFourFour ? 1 : 0);
        sqlite3_bind_int64(st, 7, p.bars);
        sqlite3_bind_int64(st, 8, p.steps);
        sqlite3_bind_int(st, 9, p.sampleRate);
        sqlite3_bind_int(st, 10, p.channels);
        sqlite3_bind_double(st, 11, p.seconds);
        sqlite3_bind_double(st, 12, p.downbeat);
        sqlite3_bind_double(st, 13, p.bpmConfidence);
        sqlite3_bind_int(st, 14, p.tempoFromUser ? 1 : 0);
        if (p.matrix.empty())
            sqlite3_bind_null(st, 15);
        else
            sqlite3_bind_blob64(st, 15, p.matrix.data(), sizeof(float) * p.matrix.size(), SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            return sqlError("cannot store the piece of " + f.path);
    }
    st = insertWindow_;
    for (const StoredWindow& w : f.windows) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, w.startBar);
        sqlite3_bind_int64(st, 3, w.drumCells);
        sqlite3_bind_int64(st, 4, w.bassCells);
        sqlite3_bind_int(st, 5, w.kept ? 1 : 0);
        sqlite3_bind_blob(st, 6, w.correlation.data(), int(sizeof(double) * w.correlation.size()), SQLITE_STATIC);
        if (w.loopScore)
            sqlite3_bind_double(st, 7, *w.loopScore);
        else
            sqlite3_bind_null(st, 7);
        sqlite3_bind_double(st, 8, w.noteDensity);
        sqlite3_bind_double(st, 9, w.uniquePitch);
        if (sqlite3_step(st) != SQLITE_DONE)
            return sqlError("cannot store the windows of " + f.path);
    }
    return true;
}

LibraryCounts LibraryDb::counts()
{
    LibraryCounts c;
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_,
                       "SELECT (SELECT count(*) FROM files), (SELECT count(*) FROM files WHERE status='usable'), "
                       "(SELECT count(*) FROM files WHERE status='unusable'), "
                       "(SELECT count(*) FROM files WHERE status='error'), (SELECT count(*) FROM windows), "
                       "(SELECT count(*) FROM windows WHERE kept=1)",
                       -1, &st, nullptr);
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        c.files = sqlite3_column_int64(st, 0);
        c.usable = sqlite3_column_int64(st, 1);
        c.unusable = sqlite3_column_int64(st, 2);
        c.errors = sqlite3_column_int64(st, 3);
        c.windows = sqlite3_column_int64(st, 4);
        c.windowsKept = sqlite3_column_int64(st, 5);
    }
    sqlite3_finalize(st);
    return c;
}

std::vector<StoredWindow> LibraryDb::windowsOf(const std::string& path)
{
    std::vector<StoredWindow> out;
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_,
                       "SELECT w.start_bar,w.drum_cells,w.bass_cells,w.kept,w.correlation,w.loop_score "
                       "FROM windows w JOIN files f ON f.id=w.file_id WHERE f.path=? ORDER BY w.start_bar",
                       -1, &st, nullptr);
    sqlite3_bind_text(st, 1, path.c_str(), -1, SQLITE_TRANSIENT);
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        StoredWindow w;
        w.startBar = sqlite3_column_int64(st, 0);
        w.drumCells = sqlite3_column_int64(st, 1);
        w.bassCells = sqlite3_column_int64(st, 2);
        w.kept = sqlite3_column_int(st, 3) != 0;
        columnCorrelation(st, 4, w.correlation); // a damaged blob reads as zeros
        w.loopScore = columnOptionalDouble(st, 5);
        out.push_back(w);
    }
    sqlite3_finalize(st);
    return out;
}

std::optional<ImportedFile> LibraryDb::fileInfo(const std::string& path)
{
    std::optional<ImportedFile> out;
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_,
                       "SELECT f.size,f.mtime_ns,f.hash,f.kind,f.status,f.error,p.tpq,p.tempo_bpm,p.tempo_changes,"
                       "p.time_signatures,p.assumed_4_4,p.bars,p.steps,p.sample_rate,p.channels,p.seconds,p.downbeat,"
                       "p.bpm_confidence,p.tempo_from_user,p.matrix FROM files f "
                       "LEFT JOIN pieces p ON p.file_id=f.id WHERE f.path=?",
                       -1, &st, nullptr);
    sqlite3_bind_text(st, 1, path.c_str(), -1, SQLITE_TRANSIENT);
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        auto text = [st](int i) { return columnText(st, i); };
        ImportedFile f;
        f.path = path;
        f.size = sqlite3_column_int64(st, 0);
        f.mtimeNs = sqlite3_column_int64(st, 1);
        f.hash = text(2);
        f.kind = text(3);
        const std::string status = text(4);
        f.status = status == "usable" ? FileStatus::Usable
            : status == "unusable"    ? FileStatus::Unusable
                                      : FileStatus::Error;
        f.error = text(5);
        if (sqlite3_column_type(st, 6) != SQLITE_NULL) {
            StoredPiece p;
            p.tpq = sqlite3_column_int(st, 6);
            p.tempoBpm = sqlite3_column_double(st, 7);
            p.tempoChanges = sqlite3_column_int(st, 8);
            p.timeSignatures = text(9);
            p.assumedFourFour = sqlite3_column_int(st, 10) != 0;
            p.bars = sqlite3_column_int64(st, 11);
            p.steps = sqlite3_column_int64(st, 12);
            p.sampleRate = sqlite3_column_int(st, 13);
            p.channels = sqlite3_column_int(st, 14);
            p.seconds = sqlite3_column_double(st, 15);
            p.downbeat = sqlite3_column_double(st, 16);
            p.bpmConfidence = sqlite3_column_double(st, 17);
            p.tempoFromUser = sqlite3_column_int(st, 18) != 0;
            const void* blob = sqlite3_column_blob(st, 19);
            const size_t bytes = size_t(sqlite3_column_bytes(st, 19));
            if (blob && bytes == sizeof(float) * size_t(p.bars) * size_t(p.bars)) {
                p.matrix.resize(bytes / sizeof(float));
                std::memcpy(p.matrix.data(), blob, bytes);
            }
            f.piece = p;
        }
        out = std::move(f);
    }
    sqlite3_finalize(st);
    return out;
}

std::optional<std::string> LibraryDb::metaValue(const char* key)
{
    std::optional<std::string> out;
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_, "SELECT value FROM meta WHERE key=?", -1, &st, nullptr);
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (st && sqlite3_step(st) == SQLITE_ROW)
        out = columnText(st, 0);
    sqlite3_finalize(st);
    return out;
}

std::optional<double> LibraryDb::loopThreshold()
{
    const auto v = metaValue("loop_threshold");
    return v ? std::optional<double>(std::strtod(v->c_str(), nullptr)) : std::nullopt;
}

std::optional<std::string> LibraryDb::loopModel() { return metaValue("loop_model"); }

Result<bool> LibraryDb::storeLoopScores(const std::vector<std::pair<int64_t, double>>& scores, double threshold,
                                        const std::string& model)
{
    if (auto r = begin(); !r)
        return r;
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_, "UPDATE windows SET loop_score=? WHERE id=?", -1, &st, nullptr);
    for (const auto& [id, score] : scores) {
        sqlite3_reset(st);
        sqlite3_bind_double(st, 1, score);
        sqlite3_bind_int64(st, 2, id);
        if (sqlite3_step(st) != SQLITE_DONE) {
            sqlite3_finalize(st);
            rollback();
            return sqlError("cannot store loop scores");
        }
    }
    sqlite3_finalize(st);
    sqlite3_stmt* m = nullptr;
    sqlite3_prepare_v2(db_,
                       "INSERT INTO meta(key,value) VALUES('loop_threshold',?1),('loop_model',?2) "
                       "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                       -1, &m, nullptr);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", threshold);
    sqlite3_bind_text(m, 1, buf, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(m, 2, model.c_str(), -1, SQLITE_TRANSIENT);
    const int rc = m ? sqlite3_step(m) : SQLITE_ERROR;
    sqlite3_finalize(m);
    if (rc != SQLITE_DONE) {
        rollback();
        return sqlError("cannot store the loop threshold");
    }
    // Each file's best score, kept in files so that the browser sorts by it fast.
    // One grouped pass over the windows: a correlated subquery per file made
    // SQLite scan every kept window for each file (10 minutes and counting at
    // 20,000 files).
    if (auto r = exec("UPDATE files SET best_score=NULL;"
                      "UPDATE files SET best_score=b.best FROM (SELECT file_id, min(loop_score) AS best FROM windows "
                      "WHERE kept=1 GROUP BY file_id) AS b WHERE b.file_id=files.id;");
        !r) {
        rollback();
        return r;
    }
    return commit();
}

std::vector<WindowRecord> LibraryDb::windowRecords(bool keptOnly, const std::string& kind)
{
    std::vector<WindowRecord> out;
    std::string sql = "SELECT w.id,f.path,f.kind,w.start_bar,w.correlation,w.loop_score FROM windows w "
                      "JOIN files f ON f.id=w.file_id WHERE 1";
    if (keptOnly)
        sql += " AND w.kept=1";
    if (!kind.empty())
        sql += " AND f.kind=?";
    sql += " ORDER BY f.path, w.start_bar";
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr);
    if (!kind.empty())
        sqlite3_bind_text(st, 1, kind.c_str(), -1, SQLITE_TRANSIENT);
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        WindowRecord r;
        r.id = sqlite3_column_int64(st, 0);
        r.path = columnText(st, 1);
        r.kind = columnText(st, 2);
        r.startBar = sqlite3_column_int64(st, 3);
        if (!columnCorrelation(st, 4, r.correlation))
            continue; // a damaged row is left out rather than read wrong
        r.loopScore = columnOptionalDouble(st, 5);
        out.push_back(std::move(r));
    }
    sqlite3_finalize(st);
    return out;
}

bool LibraryDb::hasTable(const std::string& table)
{
    return count("SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?",
                 [&](sqlite3_stmt* st) { sqlite3_bind_text(st, 1, table.c_str(), -1, SQLITE_TRANSIENT); })
        > 0;
}

bool LibraryDb::hasColumn(const std::string& table, const std::string& column)
{
    return count("SELECT count(*) FROM pragma_table_info(?) WHERE name=?",
                 [&](sqlite3_stmt* st) {
                     sqlite3_bind_text(st, 1, table.c_str(), -1, SQLITE_TRANSIENT);
                     sqlite3_bind_text(st, 2, column.c_str(), -1, SQLITE_TRANSIENT);
                 })
        > 0;
}

Result<bool> LibraryDb::setTempoSetting(const std::string& path, const TempoSetting& setting)
{
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_,
                       "INSERT INTO tempo_settings(path,bpm,downbeat) VALUES(?,?,?) ON CONFLICT(path) DO UPDATE SET "
                       "bpm=excluded.bpm, downbeat=excluded.downbeat",
                       -1, &st, nullptr);
    sqlite3_bind_text(st, 1, path.c_str(), -1, SQLITE_TRANSIENT);
    auto bindOpt = [st](int i, const std::optional<double>& v) {
        if (v)
            sqlite3_bind_double(st, i, *v);
        else
            sqlite3_bind_null(st, i);
    };
    bindOpt(2, setting.bpm);
    bindOpt(3, setting.downbeat);
    const int rc = st ? sqlite3_step(st) : SQLITE_ERROR;
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return sqlError("cannot store the tempo of " + path);
    return true;
}

Result<bool> LibraryDb::clearTempoSetting(const std::string& path)
{
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_, "DELETE FROM tempo_settings WHERE path=?", -1, &st, nullptr);
    sqlite3_bind_text(st, 1, path.c_str(), -1, SQLITE_TRANSIENT);
    const int rc = st ? sqlite3_step(st) : SQLITE_ERROR;
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return sqlError("cannot clear the tempo of " + path);
    return true;
}

std::unordered_map<std::string, TempoSetting> LibraryDb::tempoSettings()
{
    std::unordered_map<std::string, TempoSetting> out;
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_, "SELECT path,bpm,downbeat FROM tempo_settings", -1, &st, nullptr);
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        TempoSetting t;
        t.bpm = columnOptionalDouble(st, 1);
        t.downbeat = columnOptionalDouble(st, 2);
        out[columnText(st, 0)] = t;
    }
    sqlite3_finalize(st);
    return out;
}

Result<bool> LibraryDb::integrityCheck()
{
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_, "PRAGMA integrity_check", -1, &st, nullptr);
    std::string answer;
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        const char* s = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        answer = s ? s : "";
    }
    sqlite3_finalize(st);
    if (answer != "ok")
        return Error{path_, -1, "integrity check failed: " + answer};
    return true;
}

} // namespace lm
