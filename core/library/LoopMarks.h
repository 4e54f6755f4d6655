#pragma once
// The user's marks on loops (schema 6): favourites ("stars") and tags, for a
// mined or a generated loop alike. The loops panel writes them through this
// interface (its LibraryReader is read-only); LibraryDb implements it.
#include "core/base/Result.h"
#include "core/model/LoopId.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lm {

class LoopMarks {
public:
    virtual ~LoopMarks() = default;
    // Stars (on) or unstars the loops; ids that name no loop of the library are
    // passed over. How many loops changed.
    virtual Result<int64_t> setStarred(const std::vector<LoopId>& ids, bool on) = 0;
    // Adds / removes tags on each loop (tags as cleanTags gives them).
    virtual Result<int64_t> addTags(const std::vector<LoopId>& ids, const std::vector<std::string>& tags) = 0;
    virtual Result<int64_t> removeTags(const std::vector<LoopId>& ids, const std::vector<std::string>& tags) = 0;
    // The loop's tags become exactly these.
    virtual Result<bool> setTags(const LoopId& id, const std::vector<std::string>& tags) = 0;
    // Every tag in use, A to Z (case-insensitive).
    virtual std::vector<std::string> allTags() = 0;
    // Whether the id names a loop of the library (a kept window or a kept generated loop).
    virtual bool hasLoop(const LoopId& id) = 0;
};

// "drums, Funky,,drums " -> {"drums", "Funky"}: split at commas, trimmed,
// empty ones and repeats (case-insensitive) dropped, in the order given.
std::vector<std::string> cleanTags(const std::string& commaSeparated);
std::vector<std::string> cleanTags(const std::vector<std::string>& tags);
std::string joinTags(const std::vector<std::string>& tags); // "drums, funky"

} // namespace lm
