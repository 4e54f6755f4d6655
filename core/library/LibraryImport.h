#pragma once
// Importing folders of MIDI files into the library: incremental (unchanged
// files are skipped), parsed on every core, committed in batches, so that a
// killed import leaves a database that opens and a re-run finishes the job.
#include "core/base/JobContext.h"
#include "core/base/Result.h"
#include "core/library/LibraryDb.h"
#include "core/library/ScanShard.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lm {

struct ImportOptions {
    std::vector<std::string> roots; // folders or single files
    int threads = 0;                // working threads in all (each analyses and stores); 0: one per core
    int batchFiles = 64;            // files per transaction
    int batchMillis = 500;          // or this long, whichever comes first
    TempoSetting audioTempo;        // for every audio file of this run without a tempo of its own
    double fileTimeoutSeconds = 30; // a file analysed for longer is stored as failed (0: no limit)
    ScanShard shard;                // only this share of the files under the roots (ScanShard.h)
    bool keysInCorrelation = false; // the keys part's cells count in the bar correlation (off: the method's)
};

struct SkippedFile {
    std::string path;
    std::string reason;
};

struct ImportSummary {
    int64_t seen = 0;       // MIDI and audio files found under the roots
    int64_t unchanged = 0;  // already in the library with the same size and time
    int64_t read = 0;       // parsed in this run
    int64_t usable = 0;     // of those read
    int64_t unusable = 0;   // read, but not usable (reason in skipped)
    int64_t failed = 0;     // could not be read (reason in skipped)
    int64_t timedOut = 0;   // of the failed: given up after the time limit
    int64_t assumedFourFour = 0; // usable files with no time signature, read as 4/4
    int64_t windows = 0;    // window positions stored in this run
    int64_t windowsKept = 0;
    double seconds = 0;
    bool cancelled = false;
    std::vector<SkippedFile> skipped; // every file of this run that gives no windows, with why
};

bool isMidiPath(const std::string& path);

// The MIDI and audio files under `root` (a folder, walked recursively, or one
// file), in natural order; what cannot be read is added to `skipped` with why.
std::vector<std::string> listMediaFiles(const std::string& root, std::vector<SkippedFile>& skipped);

// Reads and analyses one file into what the library stores for it.
// keysInCorrelation: the keys part's cells count in the bar correlation too.
ImportedFile analyseMidiFile(const std::string& path, int64_t size, int64_t mtimeNs, bool keysInCorrelation = false);
// The same for bytes already in memory (`path` names them in messages).
ImportedFile analyseMidiBytes(const uint8_t* data, size_t size, const std::string& path, int64_t mtimeNs,
                              bool keysInCorrelation = false);

// Reads and analyses one audio file (method.md 3, audio). `tempo` overrides the
// estimated tempo and/or downbeat.
ImportedFile analyseAudioForLibrary(const std::string& path, int64_t size, int64_t mtimeNs,
                                    const TempoSetting& tempo = {}, JobContext* job = nullptr);

// Analyses one file again (after the user set its tempo, say) and stores it;
// `job` (when given) hears the decoding and may cancel it (nothing is stored then).
Result<ImportedFile> reanalyseFile(LibraryDb& db, const std::string& path, const TempoSetting& runTempo = {},
                                   JobContext* job = nullptr);

std::string contentHash(const uint8_t* data, size_t size);

Result<ImportSummary> importLibrary(LibraryDb& db, const ImportOptions& options, JobContext& job);

} // namespace lm
