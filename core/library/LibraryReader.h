#pragma once
// The library as the browser panels see it: read-only queries, nothing that
// writes or runs a job. LibraryDb implements it; the panels and table models
// in ui/ take a LibraryReader, so that what they may do with the library is
// this list and nothing more.
#include "core/base/Result.h"
#include "core/model/LibraryRecords.h"

#include <optional>
#include <string>
#include <vector>

namespace lm {

class LibraryReader {
public:
    virtual ~LibraryReader() = default;
    virtual std::vector<FileRow> fileRows(const FileQuery& query, int64_t offset, int64_t limit) = 0;
    virtual int64_t countFiles(const FileQuery& query) = 0;
    virtual std::vector<LoopRow> loopRows(const LoopQuery& query, int64_t offset, int64_t limit) = 0;
    virtual int64_t countLoops(const LoopQuery& query) = 0;
    virtual std::vector<StoredWindow> windowsOf(const std::string& path) = 0;
    virtual std::optional<ImportedFile> fileInfo(const std::string& path) = 0;
    virtual std::optional<double> loopThreshold() = 0;
    // A generated loop (kept or pending) with its roll and provenance; nothing when there is none.
    virtual std::optional<StoredGeneratedLoop> generatedLoop(int64_t id) = 0;
    // The models that kept generated loops in the library come from, by name (A to Z).
    virtual std::vector<std::string> generatedModels() = 0;
    // The last read SQLite refused (a read that failed returns no rows), or none.
    virtual const std::optional<Error>& lastError() const = 0;
};

} // namespace lm
