#pragma once
// One name for a loop of either source, as the CLI prints it and takes it back
// (`loops`, `export --ids`) and as the panels pass it around: "m<window id>"
// for a mined loop (a kept window of a library file), "g<id>" for a generated
// loop kept in the library.
#include <cstdint>
#include <optional>
#include <string>

namespace lm {

struct LoopId {
    enum class Source { Mined, Generated };
    Source source = Source::Mined;
    int64_t id = 0; // the window's id (mined) or the generated loop's id

    std::string text() const { return (source == Source::Mined ? "m" : "g") + std::to_string(id); }
    const char* sourceName() const { return source == Source::Mined ? "mined" : "generated"; }
    bool operator==(const LoopId& o) const { return source == o.source && id == o.id; }
    bool operator!=(const LoopId& o) const { return !(*this == o); }
    bool operator<(const LoopId& o) const { return source != o.source ? source < o.source : id < o.id; }

    // "m12", "g3"; nothing for anything else (no sign, no spaces, id > 0).
    static std::optional<LoopId> parse(const std::string& s) {
        if (s.size() < 2 || (s[0] != 'm' && s[0] != 'g') || s.size() > 19)
            return std::nullopt;
        int64_t v = 0;
        for (size_t i = 1; i < s.size(); ++i) {
            if (s[i] < '0' || s[i] > '9')
                return std::nullopt;
            v = v * 10 + (s[i] - '0');
        }
        if (v <= 0)
            return std::nullopt;
        return LoopId{s[0] == 'm' ? Source::Mined : Source::Generated, v};
    }
};

} // namespace lm
