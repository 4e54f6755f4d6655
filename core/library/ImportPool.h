#pragma once
// The import's workers: every thread both analyses files and, in turns, stores
// what the others analysed, so that a scan on N threads keeps N cores busy
// (no thread that only waits, no thread that only writes). The store callback
// is called by one thread at a time, in no particular order of files.
//
// A file whose analysis takes longer than the time limit is given up: it is
// stored as failed with that reason, its thread is left behind (it cannot be
// stopped from outside; whatever it makes later is thrown away) and a fresh
// thread takes over its share of the work.
#include "core/base/JobContext.h"
#include "core/model/LibraryRecords.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace lm {

struct AnalysisTask {
    std::string path;
    int64_t size = 0;
    int64_t mtimeNs = 0;
    TempoSetting tempo;
    std::string kind = "midi"; // what a file given up is stored as
};

struct AnalysisPoolOptions {
    int threads = 1;              // working threads in all
    double fileTimeoutSeconds = 30; // 0: no limit
};

using AnalyseFn = std::function<ImportedFile(const AnalysisTask&)>;
using StoreFn = std::function<void(ImportedFile&&)>;

// Analyses every task (until the job is cancelled) and hands each result to
// `store`. Returns how many files were given up for taking too long.
int64_t runAnalysisPool(std::vector<AnalysisTask> tasks, AnalyseFn analyse, const StoreFn& store,
                        const AnalysisPoolOptions& options, JobContext& job);

// The reason stored for a file that took too long.
std::string timeoutReason(double seconds);

// Test hook: when the environment variable LOOPMINER_TEST_HANG_FILE names a
// file (its file name, without folders), analysing that file blocks for
// ever, as a parser stuck in a loop would. Harmless in release builds: it
// does nothing unless the variable is set.
inline constexpr const char* kHangFileVariable = "LOOPMINER_TEST_HANG_FILE";

} // namespace lm
