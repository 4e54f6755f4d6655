// The library's tables, and the migrations that bring an older library up to them.
#include "LibraryDb.h"

#include <string>

namespace lm {

namespace {

constexpr int kSchemaVersion = 6;

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
  metre TEXT NOT NULL DEFAULT '4/4',       -- schema 5: the window's time signature (method.md 10.2)
  bar_steps INTEGER NOT NULL DEFAULT 16,   -- schema 5: steps a bar of that metre (3/4: 12)
  period INTEGER,               -- schema 5: method.md 10.1 (1, 2, 4, 8; 0: none; NULL: not computed)
  UNIQUE(file_id, start_bar)
);
-- Schema 4: generated loops. A batch is one generation run with its
-- provenance; its loops are stored as soon as they are found, pending
-- (kept=0) until the user keeps or discards them, so that the Generation
-- panel's history of batches survives a restart. in_history: the batch is
-- listed in that history (until discarded; the CLI's --keep adds none).
CREATE TABLE IF NOT EXISTS generation_batches (
  id INTEGER PRIMARY KEY,
  created_at INTEGER NOT NULL DEFAULT (strftime('%s','now')),
  model_name TEXT NOT NULL,
  model_dir TEXT NOT NULL,
  settings TEXT NOT NULL,      -- the generation settings as JSON
  count INTEGER NOT NULL,
  temperature REAL NOT NULL,
  top_k INTEGER NOT NULL,
  top_p REAL NOT NULL,
  max_score REAL NOT NULL,
  seed INTEGER NOT NULL,
  max_drawn INTEGER NOT NULL,
  tempo_bpm REAL NOT NULL,
  drawn INTEGER NOT NULL,
  in_history INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS generated_loops (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES generation_batches(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kept INTEGER NOT NULL DEFAULT 0,
  roll BLOB NOT NULL,          -- 128 step masks of the 57 rows, uint64 little-endian
  loop_score REAL NOT NULL,
  note_density REAL NOT NULL,
  unique_pitch REAL NOT NULL,
  tempo_bpm REAL NOT NULL,
  created_at INTEGER NOT NULL DEFAULT (strftime('%s','now'))
);
-- Schema 5, the latent space (LoopEmbeddings.h): per model folder, its
-- VQ-VAE's codebook and a stamp of its file; per loop (keyed by content:
-- "f<file hash>:<start bar>" or "r<roll hash>") its 32 codes as uint16
-- little-endian. New tables only: an older library gets them from these
-- CREATE TABLE lines, no migration needed.
CREATE TABLE IF NOT EXISTS latent_spaces (
  model TEXT PRIMARY KEY,
  stamp TEXT NOT NULL,
  codes INTEGER NOT NULL,
  dim INTEGER NOT NULL,
  codebook BLOB NOT NULL,      -- codes x dim float32 little-endian
  made_at INTEGER NOT NULL DEFAULT (strftime('%s','now'))
);
CREATE TABLE IF NOT EXISTS loop_codes (
  model TEXT NOT NULL,
  loop_key TEXT NOT NULL,
  codes BLOB NOT NULL,
  PRIMARY KEY (model, loop_key)
) WITHOUT ROWID;
-- Schema 6, the browser's favourites and tags, for a loop of either source
-- ('m': a window's id, 'g': a generated loop's id, as LoopId writes them).
-- No foreign key can point at two tables, so the triggers below remove the
-- marks of a loop that is deleted (a file imported again replaces its
-- windows, and a window id may be given again later: a star left behind
-- would land on another loop). New tables and triggers only: a schema-5
-- library gets them from these lines.
CREATE TABLE IF NOT EXISTS loop_stars (
  source TEXT NOT NULL CHECK (source IN ('m','g')),
  loop_id INTEGER NOT NULL,
  starred_at INTEGER NOT NULL DEFAULT (strftime('%s','now')),
  PRIMARY KEY (source, loop_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS loop_tags (
  source TEXT NOT NULL CHECK (source IN ('m','g')),
  loop_id INTEGER NOT NULL,
  tag TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (source, loop_id, tag)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS loop_tags_tag ON loop_tags(tag);
CREATE TRIGGER IF NOT EXISTS windows_unmark AFTER DELETE ON windows BEGIN
  DELETE FROM loop_stars WHERE source='m' AND loop_id=OLD.id;
  DELETE FROM loop_tags WHERE source='m' AND loop_id=OLD.id;
END;
CREATE TRIGGER IF NOT EXISTS generated_unmark AFTER DELETE ON generated_loops BEGIN
  DELETE FROM loop_stars WHERE source='g' AND loop_id=OLD.id;
  DELETE FROM loop_tags WHERE source='g' AND loop_id=OLD.id;
END;
CREATE INDEX IF NOT EXISTS generated_kept ON generated_loops(kept, loop_score);
CREATE INDEX IF NOT EXISTS generated_batch ON generated_loops(batch_id);
CREATE INDEX IF NOT EXISTS windows_kept ON windows(kept, loop_score);
CREATE INDEX IF NOT EXISTS files_windows_kept ON files(windows_kept);
CREATE INDEX IF NOT EXISTS files_best_score ON files(best_score);
)sql";

} // namespace

Result<bool> LibraryDb::hasTable(const std::string& table)
{
    const int64_t n = count("cannot look for a table", "SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?",
                            [&](Statement& st) { st.bind(1, table); });
    if (lastError_)
        return *lastError_;
    return n > 0;
}

Result<bool> LibraryDb::hasColumn(const std::string& table, const std::string& column)
{
    const int64_t n = count("cannot look for a column", "SELECT count(*) FROM pragma_table_info(?) WHERE name=?",
                            [&](Statement& st) { st.bind(1, table).bind(2, column); });
    if (lastError_)
        return *lastError_;
    return n > 0;
}

// Schema 5, every metre (method.md 10.2): each window's time signature and bar
// length. Windows of an older library were all 4/4 (the defaults). Idempotent.
Result<bool> LibraryDb::migrateWindowMetre()
{
    auto table = hasTable("windows");
    if (!table)
        return table.error();
    if (!*table)
        return true; // made whole by the schema's CREATE TABLE
    static const char* const columns[][2] = {{"metre", "TEXT NOT NULL DEFAULT '4/4'"},
                                             {"bar_steps", "INTEGER NOT NULL DEFAULT 16"}};
    for (const auto& col : columns) {
        auto present = hasColumn("windows", col[0]);
        if (!present)
            return present.error();
        if (!*present)
            if (auto r = exec(("ALTER TABLE windows ADD COLUMN " + std::string(col[0]) + " " + col[1]).c_str()); !r)
                return r.error();
    }
    return true;
}

// Schema 5: the windows' period (method.md 10.1). It needs the piece's roll,
// so older windows keep NULL until the next import reads their file again
// (filesWithoutPeriod() names them to the import).
Result<bool> LibraryDb::addWindowPeriod()
{
    auto present = hasColumn("windows", "period");
    if (!present)
        return present.error();
    if (*present)
        return true;
    return exec("ALTER TABLE windows ADD COLUMN period INTEGER");
}

// Brings a library of an older schema up to the columns of kSchemaVersion.
Result<bool> LibraryDb::migrate(int version)
{
    if (version >= 1 && version <= 4)
        if (auto r = migrateWindowMetre(); !r)
            return r.error();
    if (version >= 1 && version <= 4)
        if (auto r = addWindowPeriod(); !r)
            return r.error();
    if (version == 1) { // schema 1 had no per-file summary columns
        if (auto r = exec("ALTER TABLE files ADD COLUMN windows_kept INTEGER NOT NULL DEFAULT 0;"
                          "ALTER TABLE files ADD COLUMN best_score REAL;"
                          "UPDATE files SET windows_kept=k.n, best_score=k.best FROM (SELECT file_id, count(*) AS n, "
                          "min(loop_score) AS best FROM windows WHERE kept=1 GROUP BY file_id) AS k WHERE k.file_id=files.id;");
            !r)
            return r.error();
    }
    // Columns added without a new version number: the windows' note density
    // and unique pitch came after schema 2 was out, so a schema-2 library may
    // lack them; schema 3 added audio pieces to the pieces table. Schema 4's
    // generated loops are tables of their own, made by the schema's CREATE TABLE.
    static const char* const added[][3] = {
        {"windows", "note_density", "REAL"},
        {"windows", "unique_pitch", "REAL"},
        {"pieces", "sample_rate", "INTEGER NOT NULL DEFAULT 0"},
        {"pieces", "channels", "INTEGER NOT NULL DEFAULT 0"},
        {"pieces", "seconds", "REAL NOT NULL DEFAULT 0"},
        {"pieces", "downbeat", "REAL NOT NULL DEFAULT 0"},
        {"pieces", "bpm_confidence", "REAL NOT NULL DEFAULT 0"},
        {"pieces", "tempo_from_user", "INTEGER NOT NULL DEFAULT 0"},
        {"pieces", "matrix", "BLOB"}};
    if (version < 1 || version >= 3)
        return true;
    for (const auto& [table, column, type] : added) {
        auto tablePresent = hasTable(table);
        if (!tablePresent)
            return tablePresent.error();
        if (!*tablePresent)
            continue; // made whole by the schema's CREATE TABLE
        auto columnPresent = hasColumn(table, column);
        if (!columnPresent)
            return columnPresent.error();
        if (*columnPresent)
            continue;
        if (auto r = exec(("ALTER TABLE " + std::string(table) + " ADD COLUMN " + column + " " + type).c_str()); !r)
            return r.error();
    }
    return true;
}

// Checks the version, migrates, creates what is missing and marks the library current.
Result<bool> LibraryDb::applySchema()
{
    int version = 0;
    {
        Statement st(db(), "PRAGMA user_version");
        if (!readRows(st, "cannot read the schema version", [&](const Statement& row) { version = row.int32(0); }))
            return *lastError_;
    }
    if (version > kSchemaVersion)
        return Error{path_, -1, "library made by a newer loopminer (schema " + std::to_string(version) + ")"};
    for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"})
        if (auto r = exec(sql); !r)
            return r.error();
    if (auto r = migrate(version); !r)
        return r.error();
    if (auto r = exec(kSchema); !r)
        return r.error();
    return exec(("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str());
}

} // namespace lm
