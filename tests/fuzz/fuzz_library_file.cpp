// libFuzzer target: the library's handling of one file, from bytes to rows in
// an in-memory SQLite library and back.
#include "core/library/LibraryDb.h"
#include "core/library/LibraryImport.h"

#include <cstdlib>
#include <memory>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static auto db = [] {
        auto r = lm::LibraryDb::open(":memory:");
        if (!r.ok())
            std::abort();
        return std::move(*r);
    }();
    const lm::ImportedFile f = lm::analyseMidiBytes(data, size, "fuzz.mid", 1);
    if (f.status != lm::FileStatus::Usable && f.error.empty())
        std::abort(); // a skipped file always has a reason
    if (!db->begin().ok() || !db->store(f).ok() || !db->commit().ok())
        std::abort();
    if (db->windowsOf("fuzz.mid").size() != f.windows.size())
        std::abort();
    return 0;
}
