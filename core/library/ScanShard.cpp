// The shard of a path (ScanShard.h).
#include "ScanShard.h"
#include "core/base/Fnv.h"

#include <cstdlib>
#include <filesystem>

namespace lm {

int shardOfRelative(const std::string& relativePath, int count)
{
    if (count <= 1)
        return 0;
    return int(fnv1a64(relativePath.data(), relativePath.size()) % uint64_t(count)); // the same on every host
}

int shardOf(const std::string& absolutePath, const ScanShard& shard)
{
    if (shard.count <= 1)
        return 0;
    const auto rel = std::filesystem::path(absolutePath).lexically_relative(shard.root);
    const std::string key = rel.empty() ? absolutePath : rel.generic_string();
    return shardOfRelative(key, shard.count);
}

bool inShard(const std::string& absolutePath, const ScanShard& shard)
{
    return shard.count <= 1 || shardOf(absolutePath, shard) == shard.index;
}

bool parseShard(const std::string& text, ScanShard& shard)
{
    const size_t slash = text.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 >= text.size())
        return false;
    char* end = nullptr;
    const std::string k = text.substr(0, slash), n = text.substr(slash + 1);
    const long kv = std::strtol(k.c_str(), &end, 10);
    if (*end != '\0')
        return false;
    const long nv = std::strtol(n.c_str(), &end, 10);
    if (*end != '\0' || nv < 1 || nv > 1000000 || kv < 0 || kv >= nv)
        return false;
    shard.index = int(kv);
    shard.count = int(nv);
    return true;
}

} // namespace lm
