#pragma once
// An 8-bar roll as the library stores it (generated loops, loop codes): each of
// the 128 step masks as 8 bytes, least significant first.
#include "core/library/SqliteStatement.h"
#include "core/model/LoopFormat.h"

#include <cstdint>
#include <vector>

namespace lm {

inline std::vector<uint8_t> rollBytes(const std::vector<uint64_t>& roll)
{
    std::vector<uint8_t> out(roll.size() * 8);
    for (size_t i = 0; i < roll.size(); ++i)
        for (int b = 0; b < 8; ++b)
            out[i * 8 + size_t(b)] = uint8_t(roll[i] >> (8 * b));
    return out;
}

// Empty when the blob is not 128 masks.
inline std::vector<uint64_t> rollFromBlob(const Blob& blob)
{
    if (blob.bytes != size_t(format::kWindowSteps) * 8 || !blob.data)
        return {};
    const auto* p = static_cast<const uint8_t*>(blob.data);
    std::vector<uint64_t> roll(format::kWindowSteps, 0);
    for (size_t i = 0; i < roll.size(); ++i)
        for (int b = 0; b < 8; ++b)
            roll[i] |= uint64_t(p[i * 8 + size_t(b)]) << (8 * b);
    return roll;
}

} // namespace lm
