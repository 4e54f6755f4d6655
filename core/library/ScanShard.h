#pragma once
// Sharded scans: a deterministic share of a collection's files, chosen by a
// hash of each file's path relative to the scanned root, so that every host
// of a cluster agrees on who does which file without talking to the others.
#include <cstdint>
#include <string>

namespace lm {

struct ScanShard {
    int index = 0;    // K of K/N, 0-based
    int count = 1;    // N; 1: every file
    std::string root; // absolute, normalized; the paths are hashed relative to it
    bool active() const { return count > 1 || !root.empty(); }
};

// FNV-1a 64 of the relative path ('/' separators), modulo `count`.
int shardOfRelative(const std::string& relativePath, int count);
// The shard of an absolute path under `shard.root` (a path outside the root
// is hashed as its relative path with "..", deterministic all the same).
int shardOf(const std::string& absolutePath, const ScanShard& shard);
bool inShard(const std::string& absolutePath, const ScanShard& shard);
// "K/N" as the command line reads it (0 <= K < N <= 1,000,000); false on bad text.
bool parseShard(const std::string& text, ScanShard& shard);

} // namespace lm
