#pragma once
// Joining the parts of a sharded scan into one library, and what a part
// records about itself so that the join can be checked (ScanShard.h).
//
// The join is generic: every table of the schema is copied with the columns
// the part and the new library share (pragma_table_info), each table's
// INTEGER PRIMARY KEY shifted past the rows already there, and every column
// that refers to such a key (a REFERENCES clause, or a column named
// "<singular>_id" for a table "<singular>s") shifted with it. Tables and
// columns added to the schema later are carried along without changes here.
#include "core/base/Result.h"
#include "core/library/ScanShard.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lm {

// Meta keys of a part.
inline constexpr const char* kMetaScanRoot = "scan_root";   // the absolute scanned folder
inline constexpr const char* kMetaScanShard = "scan_shard"; // "K/N"

// Before a sharded scan into `dbPath` (a library already opened once, so its
// schema is there): records the shard and its root, or checks that the
// library holds this same shard of the same root and nothing else.
Result<bool> recordScanShard(const std::string& dbPath, const ScanShard& shard);

struct MergeOptions {
    std::vector<std::string> parts;
    std::string out;
    bool overwrite = false;    // replace `out` if it exists
    bool allowMissing = false; // merge even when some shards of 0..N-1 are not among the parts
    std::string root;          // if set: parts of any root, their paths moved under this one
};

struct MergeSummary {
    std::string root;
    int shards = 0;              // N
    std::vector<int> missing;    // shards of 0..N-1 not given (only with allowMissing)
    int64_t files = 0;
    int64_t windows = 0;
    std::vector<std::string> tables; // the tables copied
    double seconds = 0;
};

// Writes the join of the parts to a temporary file beside `out`, then renames
// it to `out`; on any failure nothing is left behind and `out` is untouched.
Result<MergeSummary> mergeLibraries(const MergeOptions& options);

} // namespace lm
