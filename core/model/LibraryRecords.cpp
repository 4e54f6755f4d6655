#include "LibraryRecords.h"

namespace lm {

const char* toString(FileStatus s)
{
    switch (s) {
    case FileStatus::Usable: return "usable";
    case FileStatus::Unusable: return "unusable";
    case FileStatus::Error: return "error";
    }
    return "error";
}

} // namespace lm
