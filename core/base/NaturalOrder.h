#pragma once
// Numeric-aware, case-insensitive text order, as file managers and DAW
// browsers sort names: groove_2 < groove_10 < Groove_23.
#include <string_view>

namespace lm {

// < 0, 0 or > 0, like strcmp. Runs of ASCII digits compare by value (leading
// zeros ignored, then the shorter run first); other bytes compare after ASCII
// lower-casing; ties fall back to plain byte order so that the order is total.
int naturalCompare(std::string_view a, std::string_view b);

} // namespace lm
