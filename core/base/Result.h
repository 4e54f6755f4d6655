#pragma once
// Errors are values at the edges: a parser returns Result<T>, never throws.
#include <optional>
#include <string>
#include <utility>

namespace lm {

struct Error {
    std::string file;     // the file the error is about (may be empty)
    long long offset = -1; // byte offset in the file, or -1 when not meaningful
    std::string message;  // what was wrong, in words a user understands

    // "song.mid: byte 123: delta time longer than 4 bytes"
    std::string toString() const;
};

template <typename T>
class Result {
public:
    Result(T value) : value_(std::move(value)) {}
    Result(Error error) : error_(std::move(error)) {}

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }

    T& value() { return *value_; }
    const T& value() const { return *value_; }
    T& operator*() { return *value_; }
    const T& operator*() const { return *value_; }
    T* operator->() { return &*value_; }
    const T* operator->() const { return &*value_; }

    const Error& error() const { return error_; }

private:
    std::optional<T> value_;
    Error error_;
};

} // namespace lm
