#pragma once
// One MIDI loop file as the latent-space features read it: its first 8 bars
// (a file of 1, 2 or 4 bars repeated to 8, as a loop folder is read).
#include "core/base/Result.h"
#include "core/library/LatentModels.h"
#include "core/library/LoopSet.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lm {

Result<std::vector<uint64_t>> readLoopRoll(const std::string& path);

} // namespace lm
