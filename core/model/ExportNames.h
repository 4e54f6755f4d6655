#pragma once
// File names for exported loops from a pattern such as "{source}_{bar}_{score}":
// each field is replaced by its value and the result is made safe for the
// usual file systems (no path separators, no characters Windows refuses, no
// leading dots, not too long).
#include "core/base/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lm {

struct LoopNameFields {
    std::string source;          // the source file's stem, or "generated"
    int64_t bar = 0;             // first bar, counted from 1 (as the views show it)
    std::optional<double> score; // loop score; "none" when not scored
    std::string id;              // "m12", "g3"
    double tempo = 120;          // BPM the file is written at
    int64_t n = 1;               // place in the selection, from 1
    int64_t count = 1;           // the selection's size (pads {n})
};

constexpr const char* kDefaultExportPattern = "{source}_bar{bar}_{id}";

// The fields a pattern may use, for help texts: "{source} {bar} {score} {id} {tempo} {n}".
std::string exportPatternFields();

// An error naming the first unknown field or an unclosed brace; nothing when fine.
std::optional<Error> checkExportPattern(const std::string& pattern);

// The pattern with its fields filled in and sanitised; no extension.
// Call checkExportPattern first: an unknown field is left as its name.
std::string expandExportPattern(const std::string& pattern, const LoopNameFields& fields);

// A name safe on Linux, macOS and Windows: '/', '\\', ':', '*', '?', '"', '<',
// '>', '|' and control characters become '_'; leading dots and spaces and
// trailing dots and spaces go; at most 120 bytes (cut on a UTF-8 boundary);
// Windows' reserved device names get a leading '_'; "" becomes "loop".
std::string sanitiseFileName(const std::string& name);

// Makes `names` unique (case-insensitively, for file systems that fold case)
// by appending "-2", "-3", ... to the later ones.
void makeNamesUnique(std::vector<std::string>& names);

} // namespace lm
