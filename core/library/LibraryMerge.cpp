// The join of a sharded scan's parts (LibraryMerge.h), on plain SQLite
// connections: the new library is made by LibraryDb (so it has this build's
// schema), then each part is ATTACHed read-only and copied table by table.
#include "LibraryMerge.h"

#include "LibraryDb.h"
#include "SqliteStatement.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <fcntl.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace lm {

namespace {

struct Close {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using Connection = std::unique_ptr<sqlite3, Close>;

Result<Connection> connect(const std::string& path, bool readOnly)
{
    sqlite3* raw = nullptr;
    const int flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_FULLMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Connection c(raw);
    if (rc != SQLITE_OK)
        return Error{path, -1, std::string("cannot open: ") + (raw ? sqlite3_errmsg(raw) : "out of memory")};
    sqlite3_busy_timeout(raw, 10000);
    return c;
}

Result<bool> exec(sqlite3* db, const std::string& sql, const std::string& who)
{
    char* msg = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
        std::string m = msg ? msg : "unknown error";
        sqlite3_free(msg);
        return Error{who, -1, m};
    }
    return true;
}

std::string quoted(const std::string& name) // an SQL identifier
{
    std::string q = "\"";
    for (char c : name)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// One text or integer answer of a one-row query; nothing when there is no row.
std::optional<std::string> scalar(sqlite3* db, const std::string& sql, const std::string& bind = {})
{
    Statement st(db, sql);
    if (!bind.empty())
        st.bind(1, bind);
    if (st.step() != Statement::Step::Row)
        return std::nullopt;
    return st.text(0);
}

std::optional<std::string> metaOf(sqlite3* db, const char* key, const std::string& schema = "main")
{
    return scalar(db, "SELECT value FROM " + schema + ".meta WHERE key=?", key);
}

int versionOf(sqlite3* db, const std::string& schema = "main")
{
    return std::stoi(scalar(db, "PRAGMA " + schema + ".user_version").value_or("0"));
}

std::string shardText(const ScanShard& s) { return std::to_string(s.index) + "/" + std::to_string(s.count); }

// What a part says about itself, checked against this build and the other parts.
struct PartInfo {
    std::string path;
    ScanShard shard;
};

Result<PartInfo> readPart(const std::string& path, int version)
{
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        return Error{path, -1, "no such part (file not found)"};
    // Read-write, though only read: a read-only connection to a library in WAL
    // mode would leave its -wal and -shm files behind in the user's folder.
    auto c = connect(path, false);
    if (!c)
        return c.error();
    sqlite3* db = c->get();
    if (!scalar(db, "SELECT name FROM sqlite_master WHERE type='table' AND name='files'"))
        return Error{path, -1, "not a loopminer library (no files table)"};
    const int v = versionOf(db);
    if (v != version)
        return Error{path, -1,
                     "this part has library schema version " + std::to_string(v) + ", this loopminer writes version "
                         + std::to_string(version) + ": scan that shard again with this loopminer before merging"};
    PartInfo info{path, {}};
    const auto root = metaOf(db, kMetaScanRoot);
    const auto shard = metaOf(db, kMetaScanShard);
    if (!root || !shard || !parseShard(*shard, info.shard))
        return Error{path, -1, "not a part of a sharded scan (no scan root and shard recorded; scan with --shard K/N)"};
    info.shard.root = *root;
    return info;
}

// The parts, checked: one root, one N, each shard once, none missing (unless allowed).
Result<std::vector<PartInfo>> readParts(const MergeOptions& o, int version, MergeSummary& summary)
{
    std::vector<PartInfo> parts;
    std::map<int, std::string> byShard;
    for (const std::string& p : o.parts) {
        auto info = readPart(p, version);
        if (!info)
            return info.error();
        if (o.root.empty() && !parts.empty() && info->shard.root != parts.front().shard.root)
            return Error{p, -1, "scanned under " + info->shard.root + ", but " + parts.front().path + " under "
                                    + parts.front().shard.root
                                    + ": the parts of one merge come from one folder (or give --root DIR)"};
        if (!parts.empty() && info->shard.count != parts.front().shard.count)
            return Error{p, -1, "is shard " + shardText(info->shard) + ", but " + parts.front().path + " is shard "
                                    + shardText(parts.front().shard) + ": the parts of one merge split the files alike"};
        if (auto [it, added] = byShard.emplace(info->shard.index, p); !added)
            return Error{p, -1, "holds shard " + shardText(info->shard) + ", as " + it->second + " does"};
        parts.push_back(*info);
    }
    summary.root = o.root.empty() ? parts.front().shard.root : o.root;
    summary.shards = parts.front().shard.count;
    for (int k = 0; k < summary.shards; ++k)
        if (!byShard.count(k))
            summary.missing.push_back(k);
    if (!summary.missing.empty() && !o.allowMissing) {
        std::string list;
        for (size_t i = 0; i < summary.missing.size() && i < 10; ++i)
            list += (i ? ", " : "") + std::to_string(summary.missing[i]) + "/" + std::to_string(summary.shards);
        return Error{o.parts.front(), -1, "the merge lacks " + std::to_string(summary.missing.size()) + " of "
                                              + std::to_string(summary.shards) + " shards (" + list
                                              + (summary.missing.size() > 10 ? ", ..." : "")
                                              + "); give every part, or --allow-missing"};
    }
    return parts;
}

// How one table is copied: its columns, and for each the table whose key it holds.
struct TablePlan {
    std::string name;
    std::vector<std::string> columns;       // shared by the new library and the part
    std::map<std::string, std::string> key; // column -> table whose id offset is added
    bool hasIntegerKey = false;
    std::string integerKey;                 // the INTEGER PRIMARY KEY column, if any
};

std::vector<std::string> tablesOf(sqlite3* db)
{
    std::vector<std::string> out;
    // Virtual tables (and the shadow tables behind them) are not rows to copy.
    Statement st(db, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                     "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name");
    while (st.step() == Statement::Step::Row)
        out.push_back(st.text(0));
    std::vector<std::string> shadows;
    Statement vt(db, "SELECT name FROM sqlite_master WHERE type='table' AND sql LIKE 'CREATE VIRTUAL%'");
    while (vt.step() == Statement::Step::Row)
        shadows.push_back(vt.text(0) + "_");
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const std::string& t) {
                                 return std::any_of(shadows.begin(), shadows.end(),
                                                    [&](const std::string& s) { return t.rfind(s, 0) == 0; });
                             }),
              out.end());
    return out;
}

std::vector<TablePlan> planTables(sqlite3* db)
{
    const std::vector<std::string> tables = tablesOf(db);
    const std::set<std::string> tableSet(tables.begin(), tables.end());
    std::vector<TablePlan> plans;
    for (const std::string& t : tables) {
        TablePlan plan{t, {}, {}, false, {}};
        Statement cols(db, "SELECT name, upper(type), pk, (SELECT count(*) FROM pragma_table_info(?1) WHERE pk>0) "
                           "FROM pragma_table_info(?1) ORDER BY cid");
        cols.bind(1, t);
        while (cols.step() == Statement::Step::Row) {
            plan.columns.push_back(cols.text(0));
            if (cols.int32(2) == 1 && cols.int32(3) == 1 && cols.text(1) == "INTEGER") {
                plan.hasIntegerKey = true;
                plan.integerKey = cols.text(0);
            }
        }
        Statement fks(db, "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)");
        fks.bind(1, t);
        while (fks.step() == Statement::Step::Row)
            plan.key[fks.text(0)] = fks.text(1);
        for (const std::string& c : plan.columns) { // by name: file_id -> files, window_id -> windows
            if (plan.key.count(c) || c.size() <= 3 || c.compare(c.size() - 3, 3, "_id") != 0)
                continue;
            const std::string parent = c.substr(0, c.size() - 3) + "s";
            if (tableSet.count(parent))
                plan.key[c] = parent;
        }
        if (plan.hasIntegerKey && !plan.key.count(plan.integerKey))
            plan.key[plan.integerKey] = t;
        plans.push_back(std::move(plan));
    }
    return plans;
}

// The columns of `table` in the attached part.
std::set<std::string> partColumns(sqlite3* db, const std::string& table)
{
    std::set<std::string> out;
    Statement st(db, "SELECT name FROM pragma_table_info(?, 'part')");
    st.bind(1, table);
    while (st.step() == Statement::Step::Row)
        out.insert(st.text(0));
    return out;
}

// Copies one attached part into the new library, keys shifted past what is there.
// A column named "path" under the part's root, moved under `newRoot` (SQL).
std::string rebased(const std::string& column, const std::string& oldRoot, const std::string& newRoot)
{
    auto lit = [](const std::string& t) {
        std::string q = "'";
        for (char c : t)
            q += c == '\'' ? std::string("''") : std::string(1, c);
        return q + "'";
    };
    const std::string c = quoted(column);
    return "CASE WHEN substr(" + c + ",1," + std::to_string(oldRoot.size() + 1) + ")=" + lit(oldRoot + "/") + " THEN "
           + lit(newRoot) + "||substr(" + c + "," + std::to_string(oldRoot.size() + 1) + ") ELSE " + c + " END";
}

// A loop's marks (schema 6: loop_stars, loop_tags) name a window ('m') or a
// generated loop ('g') by id: the shift of the table the source names.
std::string loopIdShift(std::map<std::string, int64_t>& offset)
{
    return "+CASE \"source\" WHEN 'm' THEN " + std::to_string(offset["windows"]) + " WHEN 'g' THEN "
           + std::to_string(offset["generated_loops"]) + " ELSE 0 END";
}

Result<bool> copyPart(sqlite3* db, const std::vector<TablePlan>& plans, const PartInfo& part, const std::string& root)
{
    const std::string& partPath = part.path;
    std::map<std::string, int64_t> offset;
    for (const TablePlan& p : plans)
        if (p.hasIntegerKey)
            offset[p.name] = std::stoll(
                scalar(db, "SELECT coalesce(max(" + quoted(p.integerKey) + "),0) FROM main." + quoted(p.name)).value_or("0"));
    for (const TablePlan& p : plans) {
        const std::set<std::string> there = partColumns(db, p.name);
        if (there.empty())
            continue; // the part has no such table
        std::string cols, values;
        for (const std::string& c : p.columns) {
            if (!there.count(c))
                continue; // left to its default
            cols += (cols.empty() ? "" : ",") + quoted(c);
            auto k = p.key.find(c);
            const bool shifted = k != p.key.end() && offset.count(k->second);
            const bool moved = c == "path" && root != part.shard.root;
            values += (values.empty() ? "" : ",")
                      + (moved ? rebased(c, part.shard.root, root) : quoted(c))
                      + (shifted ? "+" + std::to_string(offset[k->second]) : std::string())
                      + (c == "loop_id" && there.count("source") ? loopIdShift(offset) : std::string());
        }
        // Rows without a key of their own (settings, meta) are the same in every part: the first one wins.
        std::string sql = std::string(p.hasIntegerKey ? "INSERT" : "INSERT OR IGNORE") + " INTO main." + quoted(p.name)
                          + "(" + cols + ") SELECT " + values + " FROM part." + quoted(p.name);
        if (p.name == "meta")
            sql += " WHERE key<>'" + std::string(kMetaScanShard) + "'";
        if (p.hasIntegerKey)
            sql += " ORDER BY " + quoted(p.integerKey);
        if (auto r = exec(db, sql, partPath); !r)
            return Error{partPath, -1, "cannot copy its table " + p.name + ": " + r.error().message
                                           + (r.error().message.find("UNIQUE") != std::string::npos
                                                  ? " (a file is in two parts: do the parts overlap?)"
                                                  : "")};
    }
    return true;
}

Result<bool> mergeInto(const std::string& tmp, const std::vector<PartInfo>& parts, MergeSummary& summary)
{
    auto c = connect(tmp, false);
    if (!c)
        return c.error();
    sqlite3* db = c->get();
    // A temporary file: no journal while it is filled (a failed merge is
    // thrown away whole), foreign keys checked once at the end.
    if (auto r = exec(db, "PRAGMA foreign_keys=OFF; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF", tmp); !r)
        return r;
    // The indexes are made again after the copy: one sort instead of a
    // b-tree insert a row (those behind UNIQUE constraints stay, they check the copy).
    std::vector<std::string> indexes;
    {
        Statement st(db, "SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL");
        std::vector<std::string> names;
        while (st.step() == Statement::Step::Row) {
            names.push_back(st.text(0));
            indexes.push_back(st.text(1));
        }
        for (const std::string& n : names)
            if (auto r = exec(db, "DROP INDEX " + quoted(n), tmp); !r)
                return r;
    }
    const std::vector<TablePlan> plans = planTables(db);
    for (const TablePlan& p : plans)
        summary.tables.push_back(p.name);
    // One transaction a part (ATTACH and DETACH are not allowed inside one);
    // the whole merge is atomic all the same: it is written to a temporary file.
    for (const PartInfo& part : parts) {
        {
            Statement attach(db, "ATTACH DATABASE ? AS part"); // finalized before the DETACH
            attach.bind(1, part.path);
            if (!attach.run())
                return Error{part.path, -1, "cannot attach: " + attach.message()};
        }
        if (auto r = exec(db, "BEGIN IMMEDIATE", tmp); !r)
            return r;
        auto copied = copyPart(db, plans, part, summary.root);
        if (!copied)
            return copied;
        if (auto r = exec(db, "COMMIT", tmp); !r)
            return r;
        if (auto r = exec(db, "DETACH DATABASE part", tmp); !r)
            return r;
    }
    for (const std::string& sql : indexes)
        if (auto r = exec(db, sql, tmp); !r)
            return r;
    if (auto bad = scalar(db, "SELECT \"table\" || ' row ' || rowid || ' refers to a missing ' || parent FROM pragma_foreign_key_check"))
        return Error{tmp, -1, "the merged rows do not hold together: " + *bad};
    Statement root(db, "INSERT OR REPLACE INTO meta(key,value) VALUES(?,?)");
    root.bind(1, kMetaScanRoot).bind(2, summary.root);
    if (!root.run())
        return Error{tmp, -1, "cannot record the scan root: " + root.message()};
    summary.files = std::stoll(scalar(db, "SELECT count(*) FROM files").value_or("0"));
    summary.windows = std::stoll(scalar(db, "SELECT count(*) FROM windows").value_or("0"));
    // Back to the journal every library has; then on disk before the rename.
    if (auto r = exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA wal_checkpoint(TRUNCATE)", tmp); !r)
        return r;
    return true;
}

void removeDatabase(const std::string& path)
{
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(path + suffix, ec);
}

} // namespace

Result<bool> recordScanShard(const std::string& dbPath, const ScanShard& shard)
{
    auto c = connect(dbPath, false);
    if (!c)
        return c.error();
    sqlite3* db = c->get();
    const auto root = metaOf(db, kMetaScanRoot);
    const auto had = metaOf(db, kMetaScanShard);
    const std::string want = shardText(shard);
    if (root || had) {
        if (root.value_or("") == shard.root && had.value_or("") == want)
            return true;
        return Error{dbPath, -1, "this part holds shard " + had.value_or("?") + " of " + root.value_or("?")
                                     + "; this scan is shard " + want + " of " + shard.root + ": use another --db"};
    }
    if (scalar(db, "SELECT 1 FROM files LIMIT 1"))
        return Error{dbPath, -1, "this library already holds files of a scan without --shard: use another --db"};
    Statement st(db, "INSERT OR REPLACE INTO meta(key,value) VALUES(?,?),(?,?)");
    st.bind(1, kMetaScanRoot).bind(2, shard.root).bind(3, kMetaScanShard).bind(4, want);
    if (!st.run())
        return Error{dbPath, -1, "cannot record the shard: " + st.message()};
    return true;
}

Result<MergeSummary> mergeLibraries(const MergeOptions& o)
{
    const auto start = std::chrono::steady_clock::now();
    if (o.parts.empty())
        return Error{o.out, -1, "no parts to merge"};
    std::error_code ec;
    if (fs::exists(o.out, ec) && !o.overwrite)
        return Error{o.out, -1, "already exists (kept as it is): choose another --db, or --overwrite"};
    for (const std::string& p : o.parts)
        if (fs::equivalent(p, o.out, ec))
            return Error{o.out, -1, "is one of the parts: write the merge to another file"};
    const fs::path outPath = fs::absolute(o.out, ec);
    const std::string tmp = (outPath.parent_path() / ("." + outPath.filename().string() + ".merge-"
                                                        + std::to_string(::getpid()))).string();
    removeDatabase(tmp);
    MergeSummary summary;
    auto made = [&]() -> Result<bool> {
        {
            auto lib = LibraryDb::open(tmp); // this build's schema, empty
            if (!lib)
                return lib.error();
        }
        auto c = connect(tmp, false);
        if (!c)
            return c.error();
        const int version = versionOf(c->get());
        c->reset();
        auto parts = readParts(o, version, summary);
        if (!parts)
            return parts.error();
        return mergeInto(tmp, *parts, summary);
    }();
    if (!made) {
        removeDatabase(tmp);
        return made.error();
    }
    // The last connection closed, so the journal is folded in: one file, on
    // disk, to rename.
    if (const int fd = ::open(tmp.c_str(), O_RDONLY); fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    fs::remove(o.out + "-wal", ec); // an old library's journal must not be read into the new one
    fs::remove(o.out + "-shm", ec);
    fs::rename(tmp, o.out, ec);
    if (ec) {
        removeDatabase(tmp);
        return Error{o.out, -1, "cannot rename the merged library into place: " + ec.message()};
    }
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

} // namespace lm
