#include "JsonWriter.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace lm {

void JsonWriter::newline()
{
    if (!pretty_)
        return;
    out_ += '\n';
    out_.append(first_.size(), ' ');
}

void JsonWriter::separate()
{
    if (afterKey_) {
        afterKey_ = false;
        return;
    }
    if (!first_.empty()) {
        if (!first_.back())
            out_ += ',';
        first_.back() = false;
        newline();
    }
}

JsonWriter& JsonWriter::beginObject()
{
    separate();
    out_ += '{';
    first_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::endObject()
{
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty)
        newline();
    out_ += '}';
    return *this;
}

JsonWriter& JsonWriter::beginArray()
{
    separate();
    out_ += '[';
    first_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::endArray()
{
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty)
        newline();
    out_ += ']';
    return *this;
}

JsonWriter& JsonWriter::key(const std::string& k)
{
    separate();
    out_ += quote(k);
    out_ += pretty_ ? ": " : ":";
    afterKey_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(const std::string& s)
{
    separate();
    out_ += quote(s);
    return *this;
}

JsonWriter& JsonWriter::value(double d)
{
    separate();
    out_ += number(d);
    return *this;
}

JsonWriter& JsonWriter::value(int64_t i)
{
    separate();
    out_ += std::to_string(i);
    return *this;
}

JsonWriter& JsonWriter::value(bool b)
{
    separate();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null()
{
    separate();
    out_ += "null";
    return *this;
}

std::string JsonWriter::number(double d)
{
    if (!std::isfinite(d))
        return "null";
    char buf[32];
    auto res = std::to_chars(buf, buf + sizeof buf, d);
    std::string s(buf, res.ptr);
    // "1" reads back as an integer in some tools; keep doubles recognisable.
    if (s.find_first_of(".eEn") == std::string::npos)
        s += ".0";
    return s;
}

std::string JsonWriter::quote(const std::string& s)
{
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += char(c);
            }
        }
    }
    out += '"';
    return out;
}

JsonWriter& JsonWriter::table(const double* data, size_t rows, size_t cols)
{
    beginArray();
    for (size_t r = 0; r < rows; ++r)
        numbers(data + r * cols, data + (r + 1) * cols);
    return endArray();
}

} // namespace lm
