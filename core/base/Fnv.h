#pragma once
// FNV-1a 64 over bytes: a hash that is stable across hosts, compilers and runs
// (content hashes, shard assignment, roll keys, training-data fingerprints).
#include <cstddef>
#include <cstdint>

namespace lm {

constexpr uint64_t kFnvOffset = 1469598103934665603ull;

// Hashes `size` bytes; pass an earlier result as `h` to go on over more bytes.
inline uint64_t fnv1a64(const void* data, size_t size, uint64_t h = kFnvOffset)
{
    const auto* p = static_cast<const uint8_t*>(data);
    for (size_t i = 0; i < size; ++i) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}

} // namespace lm
