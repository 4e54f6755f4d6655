#pragma once
// A small streaming JSON writer for the command-line tool's output.
// Numbers are written in the shortest form that reads back to the same double.
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

namespace lm {

class JsonWriter {
public:
    explicit JsonWriter(bool pretty = false) : pretty_(pretty) {}

    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(const std::string& k);
    JsonWriter& value(const std::string& s);
    JsonWriter& value(const char* s) { return value(std::string(s)); }
    JsonWriter& value(double d);
    JsonWriter& value(int64_t i);
    JsonWriter& value(int i) { return value(int64_t(i)); }
    JsonWriter& value(bool b);
    JsonWriter& null();
    // An array of the numbers in [first, last).
    template <typename It>
    JsonWriter& numbers(It first, It last)
    {
        beginArray();
        for (; first != last; ++first)
            value(*first);
        return endArray();
    }
    template <typename Range>
    JsonWriter& numbers(const Range& r) { return numbers(std::begin(r), std::end(r)); }
    // A row-major table of numbers as an array of rows.
    JsonWriter& table(const double* data, size_t rows, size_t cols);

    const std::string& str() const { return out_; }
    static std::string quote(const std::string& s);
    static std::string number(double d);

private:
    void separate();
    void newline();

    std::string out_;
    std::vector<bool> first_; // one per open container
    bool afterKey_ = false;
    bool pretty_;
};

} // namespace lm
