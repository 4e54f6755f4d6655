#pragma once
#include "core/base/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lm {

// The file name's extension in lower case, without the dot ("" when there is none).
std::string lowerExtension(const std::string& path);

// What the import compares to see whether a file changed: its size and its
// modification time in nanoseconds, from stat(2).
struct FileStamp {
    bool regular = false; // a regular file (not a folder, device, ...)
    int64_t size = 0;
    int64_t mtimeNs = 0;
};
// The stamp of `path` (following links), or nothing when stat fails (errno is set).
std::optional<FileStamp> fileStamp(const std::string& path);

// Reads a whole file; refuses files larger than maxBytes with a clear error.
Result<std::vector<uint8_t>> readFileBytes(const std::string& path, uint64_t maxBytes);

// Writes bytes to "path.tmp-XXXX" in the same folder, flushes, then renames over
// path, so that a failure never leaves a half-written or lost file.
Result<bool> writeFileAtomically(const std::string& path, const std::vector<uint8_t>& bytes);

} // namespace lm
