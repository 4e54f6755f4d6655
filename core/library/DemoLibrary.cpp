#include "DemoLibrary.h"

#include "LibraryReader.h"
#include "SqliteStatement.h"

#include "core/base/DataPaths.h"
#include "core/base/FileBytes.h"

#include <sqlite3.h>

#include <filesystem>
#include <memory>

namespace lm {
namespace {

namespace fs = std::filesystem;

struct Close {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using Connection = std::unique_ptr<sqlite3, Close>;

Result<Connection> openFile(const std::string& path, int flags)
{
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Connection db(raw);
    if (rc != SQLITE_OK)
        return Error{path, -1, std::string("cannot open the library: ") + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc))};
    sqlite3_busy_timeout(raw, 5000);
    return db;
}

Result<bool> exec(sqlite3* db, const std::string& path, const char* sql)
{
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    Error e{path, -1, std::string(message ? message : "SQLite failed")};
    sqlite3_free(message);
    return e;
}

std::optional<std::string> meta(sqlite3* db, const char* key)
{
    Statement st(db, "SELECT value FROM meta WHERE key=?");
    st.bind(1, key);
    if (st.step() != Statement::Step::Row)
        return std::nullopt;
    return st.text(0);
}

Result<bool> setMeta(sqlite3* db, const std::string& path, const char* key, const std::string& value)
{
    Statement st(db, "INSERT INTO meta(key,value) VALUES(?,?) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    if (!st.bind(1, key).bind(2, value).run())
        return Error{path, -1, "cannot write " + std::string(key) + ": " + st.message()};
    return true;
}

std::optional<std::string> stampOf(const std::string& path)
{
    const auto s = fileStamp(path);
    if (!s || !s->regular)
        return std::nullopt;
    return std::to_string(s->size) + ":" + std::to_string(s->mtimeNs);
}

// Every path the library holds under `from` moved under `to`: the files and
// their tempo settings, the model folders of the generation batches and of the
// scores (meta's loop_model).
Result<bool> rebase(sqlite3* db, const std::string& path, const std::string& from, const std::string& to)
{
    for (const char* target : {"files(path)", "tempo_settings(path)", "generation_batches(model_dir)", "meta(value)"}) {
        const std::string t(target);
        const std::string table = t.substr(0, t.find('(')), column = t.substr(t.find('(') + 1, t.size() - t.find('(') - 2);
        Statement st(db, "UPDATE " + table + " SET " + column + "=?2||substr(" + column + ",length(?1)+1) WHERE substr("
                             + column + ",1,length(?1)+1)=?1||'/'");
        if (!st.bind(1, from).bind(2, to).run())
            return Error{path, -1, "cannot re-point the demo's " + t + ": " + st.message()};
    }
    // A file of the same size is the one analysed: it takes the installed file's time.
    Statement files(db, "SELECT id, path, size FROM files");
    Statement touch(db, "UPDATE files SET mtime_ns=? WHERE id=?");
    while (files.step() == Statement::Step::Row) {
        const auto s = fileStamp(files.text(1));
        if (!s || s->size != files.int64(2))
            continue;
        touch.reset();
        if (!touch.bind(1, s->mtimeNs).bind(2, files.int64(0)).run())
            return Error{path, -1, "cannot update the demo's file times: " + touch.message()};
    }
    return files.ok() ? Result<bool>(true) : Result<bool>(Error{path, -1, "cannot read the demo's files: " + files.message()});
}

} // namespace

std::string shippedDemoLibrary() { return (fs::path(demoDir()) / "demo.sqlite").string(); }

Result<bool> markDemoLibrary(const std::string& path, const std::string& dataDir)
{
    auto db = openFile(path, SQLITE_OPEN_READWRITE);
    if (!db)
        return db.error();
    const std::string dir = fs::absolute(dataDir).lexically_normal().string();
    if (auto r = rebase(db->get(), path, dir, kDemoDataToken); !r)
        return r;
    if (auto r = setMeta(db->get(), path, kMetaDemoDataDir, kDemoDataToken); !r)
        return r;
    for (const char* sql : {"PRAGMA journal_mode=DELETE", "VACUUM"})
        if (auto r = exec(db->get(), path, sql); !r)
            return r;
    return true;
}

Result<bool> installDemoLibrary(const std::string& shipped, const std::string& dataDir, const std::string& dest)
{
    const auto stamp = stampOf(shipped);
    if (!stamp)
        return Error{shipped, -1, "no demo library here (the build makes it with mma; see README)"};
    std::error_code ec;
    if (fs::exists(dest, ec)) {
        auto old = openFile(dest, SQLITE_OPEN_READONLY);
        if (!old || !meta(old->get(), kMetaDemoDataDir))
            return Error{dest, -1, "not a copy of the demo library: kept as it is"};
        if (meta(old->get(), kMetaDemoStamp) == *stamp)
            return false;
    }
    const std::string tmp = dest + ".part";
    fs::create_directories(fs::path(dest).parent_path(), ec);
    fs::copy_file(shipped, tmp, fs::copy_options::overwrite_existing, ec);
    if (ec)
        return Error{tmp, -1, "cannot copy the demo library: " + ec.message()};
    fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::add, ec); // from a read-only /usr/share
    auto fail = [&](Error e) {
        fs::remove(tmp, ec);
        return e;
    };
    {
        auto db = openFile(tmp, SQLITE_OPEN_READWRITE);
        if (!db)
            return fail(db.error());
        const auto from = meta(db->get(), kMetaDemoDataDir);
        if (!from)
            return fail(Error{shipped, -1, "not a demo library (no " + std::string(kMetaDemoDataDir) + " recorded)"});
        const std::string to = fs::absolute(dataDir).lexically_normal().string();
        if (auto r = exec(db->get(), tmp, "BEGIN"); !r)
            return fail(r.error());
        // One after the other, stopping at the first failure (closing rolls back).
        Result<bool> r = rebase(db->get(), tmp, *from, to);
        if (r)
            r = setMeta(db->get(), tmp, kMetaDemoDataDir, to);
        if (r)
            r = setMeta(db->get(), tmp, kMetaDemoStamp, *stamp);
        if (r)
            r = exec(db->get(), tmp, "COMMIT");
        if (!r)
            return fail(r.error());
    }
    fs::rename(tmp, dest, ec);
    if (ec)
        return fail(Error{dest, -1, "cannot put the demo library in place: " + ec.message()});
    return true;
}

std::optional<LoopId> demoPick(LibraryReader& db)
{
    for (LoopQuery::Source source : {LoopQuery::Source::Generated, LoopQuery::Source::Mined}) {
        LoopQuery q;
        q.source = source;
        q.order = LoopQuery::Order::Score;
        for (const LoopRow& row : db.loopRows(q, 0, 1))
            if (row.loopScore)
                return row.id;
    }
    return std::nullopt;
}

} // namespace lm
