#pragma once
// One prepared SQLite statement that finalizes itself (core/library only; the
// rest of the program sees LibraryDb). Why a class: a statement that failed to
// prepare used to be a null pointer that every caller had to test, and those
// that forgot read as "no rows". Here a failed prepare, bind or step is kept
// with SQLite's words: step() then answers Step::Error and message() says why.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace lm {

// Bytes to bind (copied at bind time) or a blob column as read (valid until
// the next step, reset or the statement's end).
struct Blob {
    const void* data = nullptr;
    size_t bytes = 0;
};

class Statement {
public:
    enum class Step { Row, Done, Error };

    Statement() = default; // not prepared: step() is an error
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool ok() const { return st_ != nullptr && code_ == 0; } // prepared, and nothing failed since
    const std::string& sql() const { return sql_; }
    int code() const { return code_; }                       // SQLite's code of the failure, 0 if none
    const std::string& message() const { return message_; } // SQLite's words for it, empty if none
    std::string describe() const;                            // the message and the SQL it is about

    // Parameters count from 1. Text and blobs are copied. A bad index is kept as
    // the statement's failure.
    Statement& bind(int index, int64_t value);
    Statement& bind(int index, int value);
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text);
    Statement& bind(int index, Blob blob);
    Statement& bind(int index, const std::optional<double>& value); // NULL when empty
    Statement& bind(int index, std::nullptr_t);                     // NULL

    Step step();
    bool run() { return step() == Step::Done; } // a statement that returns no rows, stepped once
    // Ready to step again from the start, failure forgotten; bindings stay until bound anew.
    void reset();

    // Columns of the current row, counted from 0.
    int64_t int64(int column) const;
    int int32(int column) const;
    double real(int column) const;
    std::optional<double> optionalReal(int column) const; // nothing for NULL
    std::string text(int column) const;                   // "" for NULL
    bool isNull(int column) const;
    Blob blob(int column) const;
    // Copies a blob of exactly `bytes` bytes into `out`; false (and `out`
    // untouched) when the column is NULL or has another size.
    bool blobInto(int column, void* out, size_t bytes) const;

private:
    void fail(int code, std::string message);
    void failFromDb(int code);

    sqlite3* db_ = nullptr;
    sqlite3_stmt* st_ = nullptr;
    std::string sql_;
    int code_ = 0;
    std::string message_;
};

} // namespace lm
