#include "ExportNames.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>
#include <string_view>

namespace lm {

namespace {

const char* const kFields[] = {"source", "bar", "score", "id", "tempo", "n"};

bool knownField(const std::string& f)
{
    return std::find(std::begin(kFields), std::end(kFields), f) != std::end(kFields);
}

std::string fieldValue(const std::string& f, const LoopNameFields& v)
{
    char buf[64];
    if (f == "source")
        return v.source;
    if (f == "bar")
        return std::to_string(v.bar);
    if (f == "score") {
        if (!v.score)
            return "none";
        std::snprintf(buf, sizeof buf, "%.4g", *v.score);
        return buf;
    }
    if (f == "id")
        return v.id;
    if (f == "tempo") {
        std::snprintf(buf, sizeof buf, "%.4g", std::round(v.tempo * 10) / 10);
        return buf;
    }
    if (f == "n") {
        const int width = int(std::to_string(std::max<int64_t>(v.count, 1)).size());
        std::snprintf(buf, sizeof buf, "%0*lld", width, static_cast<long long>(v.n));
        return buf;
    }
    return f;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

} // namespace

std::string exportPatternFields()
{
    std::string out;
    for (const char* f : kFields)
        out += (out.empty() ? "{" : " {") + std::string(f) + "}";
    return out;
}

std::optional<Error> checkExportPattern(const std::string& pattern)
{
    if (pattern.empty())
        return Error{"", -1, "the file name pattern is empty (fields: " + exportPatternFields() + ")"};
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '}')
            return Error{"", -1, "a '}' without its '{' in the file name pattern '" + pattern + "'"};
        if (pattern[i] != '{')
            continue;
        const size_t close = pattern.find('}', i);
        if (close == std::string::npos)
            return Error{"", -1, "a '{' without its '}' in the file name pattern '" + pattern + "'"};
        const std::string f = pattern.substr(i + 1, close - i - 1);
        if (!knownField(f))
            return Error{"", -1, "unknown field {" + f + "} in the file name pattern (fields: " + exportPatternFields() + ")"};
        i = close;
    }
    return std::nullopt;
}

std::string expandExportPattern(const std::string& pattern, const LoopNameFields& fields)
{
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
        const size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string::npos;
        if (close == std::string::npos) {
            out += pattern[i];
            continue;
        }
        out += fieldValue(pattern.substr(i + 1, close - i - 1), fields);
        i = close;
    }
    return sanitiseFileName(out);
}

std::string sanitiseFileName(const std::string& name)
{
    std::string s;
    for (unsigned char c : name)
        s += (c < 0x20 || c == 0x7F || std::string_view("/\\:*?\"<>|").find(char(c)) != std::string_view::npos) ? '_' : char(c);
    const size_t a = s.find_first_not_of(". ");
    s = a == std::string::npos ? std::string() : s.substr(a);
    constexpr size_t kMax = 120;
    if (s.size() > kMax) {
        size_t cut = kMax;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
            --cut; // not inside a UTF-8 sequence
        s.resize(cut);
    }
    while (!s.empty() && (s.back() == '.' || s.back() == ' '))
        s.pop_back();
    if (s.empty())
        return "loop";
    static const char* const kReserved[] = {"con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5",
                                            "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4",
                                            "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"};
    const std::string stem = lower(s.substr(0, s.find('.')));
    if (std::find(std::begin(kReserved), std::end(kReserved), stem) != std::end(kReserved))
        s = "_" + s;
    return s;
}

void makeNamesUnique(std::vector<std::string>& names)
{
    std::set<std::string> taken;
    for (const std::string& n : names)
        taken.insert(lower(n));
    std::set<std::string> used;
    for (std::string& n : names) {
        if (used.insert(lower(n)).second)
            continue;
        for (int k = 2;; ++k) {
            const std::string candidate = n + "-" + std::to_string(k);
            if (!taken.count(lower(candidate)) && used.insert(lower(candidate)).second) {
                n = candidate;
                break;
            }
        }
    }
}

} // namespace lm
