#include "Result.h"

namespace lm {

std::string Error::toString() const
{
    std::string s;
    if (!file.empty())
        s += file + ": ";
    if (offset >= 0)
        s += "byte " + std::to_string(offset) + ": ";
    s += message;
    return s;
}

} // namespace lm
