// The library's connection: opening (WAL, busy timeout, the lm_natural
// collation), transactions, and how a failed read is made known.
#include "LibraryDb.h"

#include "core/base/NaturalOrder.h"

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>

namespace lm {

void LibraryDb::CloseConnection::operator()(sqlite3* db) const { sqlite3_close(db); }

Error LibraryDb::sqlError(const std::string& what) const
{
    return Error{path_, -1, what + ": " + (db_ ? sqlite3_errmsg(db()) : "no database")};
}

Result<bool> LibraryDb::exec(const char* sql)
{
    char* msg = nullptr;
    if (sqlite3_exec(db(), sql, nullptr, nullptr, &msg) != SQLITE_OK) {
        std::string m = msg ? msg : "unknown error";
        sqlite3_free(msg);
        return Error{path_, -1, m};
    }
    return true;
}

bool LibraryDb::readRows(Statement& st, const char* purpose, const std::function<void(const Statement&)>& row)
{
    Statement::Step step;
    while ((step = st.step()) == Statement::Step::Row)
        row(st);
    if (step == Statement::Step::Done) {
        lastError_.reset();
        return true;
    }
    lastError_ = Error{path_, -1, std::string(purpose) + ": " + st.message()};
    // Said once, not on every repaint of a table that asks again and again.
    if (lastError_->message != lastSaid_) {
        lastSaid_ = lastError_->message;
        std::fprintf(stderr, "loopminer: %s\n", lastError_->toString().c_str());
    }
    return false;
}

Result<std::unique_ptr<LibraryDb>> LibraryDb::open(const std::string& path, LibraryOpen mode)
{
    const bool create = mode == LibraryOpen::Create;
    std::error_code ec;
    if (!create && !std::filesystem::is_regular_file(path, ec))
        return Error{path, -1, std::filesystem::exists(path, ec) ? "not a library file" : "no such library (file not found)"};
    std::unique_ptr<LibraryDb> lib(new LibraryDb);
    lib->path_ = path;
    sqlite3* raw = nullptr;
    // Without SQLITE_OPEN_CREATE, a file removed since the check is not made again.
    const int rc = sqlite3_open_v2(path.c_str(), &raw,
                                   SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_FULLMUTEX,
                                   nullptr);
    lib->db_.reset(raw); // closed on every way out, even when the open failed
    if (rc != SQLITE_OK)
        return lib->sqlError("cannot open the library");
    sqlite3_busy_timeout(raw, 10000);
    // lm_natural: the browser's name order (groove_2 before groove_10).
    if (sqlite3_create_collation_v2(
            raw, "lm_natural", SQLITE_UTF8, nullptr,
            [](void*, int na, const void* a, int nb, const void* b) {
                return naturalCompare({static_cast<const char*>(a), size_t(na)},
                                      {static_cast<const char*>(b), size_t(nb)});
            },
            nullptr)
        != SQLITE_OK)
        return lib->sqlError("cannot register the lm_natural collation");
    // Reject a file that is not a SQLite database before touching it.
    if (auto r = lib->exec("SELECT count(*) FROM sqlite_master"); !r)
        return Error{path, -1, "not a loopminer library (" + r.error().message + ")"};
    if (auto r = lib->applySchema(); !r)
        return r.error();
    if (auto r = lib->prepareStore(); !r)
        return r.error();
    return lib;
}

// The statements are finalized by their members, then db_ closes.
LibraryDb::~LibraryDb() = default;

Result<bool> LibraryDb::begin() { return exec("BEGIN IMMEDIATE"); }
Result<bool> LibraryDb::commit() { return exec("COMMIT"); }
void LibraryDb::rollback() { exec("ROLLBACK"); }

Result<bool> LibraryDb::integrityCheck()
{
    Statement st(db(), "PRAGMA integrity_check");
    std::string answer;
    if (!readRows(st, "cannot run the integrity check", [&](const Statement& row) {
            if (answer.empty())
                answer = row.text(0);
        }))
        return *lastError_;
    if (answer != "ok")
        return Error{path_, -1, "integrity check failed: " + answer};
    return true;
}

} // namespace lm
