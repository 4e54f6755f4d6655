#include "SqliteStatement.h"

#include <sqlite3.h>

#include <cstring>
#include <utility>

namespace lm {

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db), sql_(sql)
{
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v2(db_, sql_.c_str(), int(sql_.size()), &st_, &tail);
    if (rc != SQLITE_OK) {
        failFromDb(rc);
        return;
    }
    if (!st_) {
        fail(SQLITE_MISUSE, "no statement in the SQL");
        return;
    }
    // sqlite3_prepare compiles the first statement only: a second would be dropped unseen.
    for (; tail && *tail; ++tail)
        if (!std::strchr(" \t\r\n;", *tail)) {
            fail(SQLITE_MISUSE, "more than one statement in the SQL");
            return;
        }
}

Statement::~Statement() { sqlite3_finalize(st_); }

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), st_(std::exchange(other.st_, nullptr)), sql_(std::move(other.sql_)), code_(other.code_),
      message_(std::move(other.message_))
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(st_);
        db_ = other.db_;
        st_ = std::exchange(other.st_, nullptr);
        sql_ = std::move(other.sql_);
        code_ = other.code_;
        message_ = std::move(other.message_);
    }
    return *this;
}

std::string Statement::describe() const
{
    constexpr size_t kShown = 160;
    std::string shown = sql_.size() > kShown ? sql_.substr(0, kShown) + "..." : sql_;
    return (message_.empty() ? std::string("no error") : message_) + " (in: " + shown + ")";
}

void Statement::fail(int code, std::string message)
{
    if (code_ != 0)
        return; // the first failure is the one that explains the rest
    code_ = code;
    message_ = std::move(message);
}

void Statement::failFromDb(int code) { fail(code, db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code)); }

Statement& Statement::bind(int index, int64_t value)
{
    if (st_)
        if (const int rc = sqlite3_bind_int64(st_, index, value); rc != SQLITE_OK)
            failFromDb(rc);
    return *this;
}

Statement& Statement::bind(int index, int value) { return bind(index, int64_t(value)); }

Statement& Statement::bind(int index, double value)
{
    if (st_)
        if (const int rc = sqlite3_bind_double(st_, index, value); rc != SQLITE_OK)
            failFromDb(rc);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text)
{
    if (st_)
        if (const int rc = sqlite3_bind_text64(st_, index, text.data() ? text.data() : "", text.size(),
                                               SQLITE_TRANSIENT, SQLITE_UTF8);
            rc != SQLITE_OK)
            failFromDb(rc);
    return *this;
}

Statement& Statement::bind(int index, const char* text) { return bind(index, std::string_view(text ? text : "")); }

Statement& Statement::bind(int index, Blob blob)
{
    if (!blob.data)
        return bind(index, nullptr);
    if (st_)
        if (const int rc = sqlite3_bind_blob64(st_, index, blob.data, blob.bytes, SQLITE_TRANSIENT); rc != SQLITE_OK)
            failFromDb(rc);
    return *this;
}

Statement& Statement::bind(int index, const std::optional<double>& value)
{
    return value ? bind(index, *value) : bind(index, nullptr);
}

Statement& Statement::bind(int index, std::nullptr_t)
{
    if (st_)
        if (const int rc = sqlite3_bind_null(st_, index); rc != SQLITE_OK)
            failFromDb(rc);
    return *this;
}

Statement::Step Statement::step()
{
    if (!st_) {
        fail(SQLITE_MISUSE, "statement not prepared");
        return Step::Error;
    }
    if (code_ != 0)
        return Step::Error;
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW)
        return Step::Row;
    if (rc == SQLITE_DONE)
        return Step::Done;
    failFromDb(rc);
    return Step::Error;
}

void Statement::reset()
{
    if (!st_)
        return; // a failed prepare stays failed
    sqlite3_reset(st_);
    code_ = 0;
    message_.clear();
}

int64_t Statement::int64(int column) const { return sqlite3_column_int64(st_, column); }
int Statement::int32(int column) const { return sqlite3_column_int(st_, column); }
double Statement::real(int column) const { return sqlite3_column_double(st_, column); }
bool Statement::isNull(int column) const { return sqlite3_column_type(st_, column) == SQLITE_NULL; }

std::optional<double> Statement::optionalReal(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return real(column);
}

std::string Statement::text(int column) const
{
    const char* s = reinterpret_cast<const char*>(sqlite3_column_text(st_, column));
    return s ? std::string(s, size_t(sqlite3_column_bytes(st_, column))) : std::string();
}

Blob Statement::blob(int column) const
{
    const void* data = sqlite3_column_blob(st_, column); // before _bytes, as SQLite asks
    return Blob{data, size_t(sqlite3_column_bytes(st_, column))};
}

bool Statement::blobInto(int column, void* out, size_t bytes) const
{
    const Blob b = blob(column);
    if (!b.data || b.bytes != bytes)
        return false;
    std::memcpy(out, b.data, bytes);
    return true;
}

} // namespace lm
