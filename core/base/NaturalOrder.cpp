#include "NaturalOrder.h"

namespace lm {

namespace {
bool isDigit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

// Compares the digit runs starting at a[i] and b[j]; advances i and j past them.
int compareNumbers(std::string_view a, size_t& i, std::string_view b, size_t& j)
{
    while (i < a.size() && a[i] == '0' && i + 1 < a.size() && isDigit(a[i + 1]))
        ++i;
    while (j < b.size() && b[j] == '0' && j + 1 < b.size() && isDigit(b[j + 1]))
        ++j;
    size_t ei = i, ej = j;
    while (ei < a.size() && isDigit(a[ei]))
        ++ei;
    while (ej < b.size() && isDigit(b[ej]))
        ++ej;
    int result = 0;
    if (ei - i != ej - j)
        result = ei - i < ej - j ? -1 : 1;
    else
        for (size_t k = 0; k < ei - i && result == 0; ++k)
            if (a[i + k] != b[j + k])
                result = a[i + k] < b[j + k] ? -1 : 1;
    i = ei;
    j = ej;
    return result;
}
} // namespace

int naturalCompare(std::string_view a, std::string_view b)
{
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            if (int c = compareNumbers(a, i, b, j))
                return c;
            continue;
        }
        const char x = lower(a[i]), y = lower(b[j]);
        if (x != y)
            return x < y ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size())
        return i < a.size() ? 1 : -1;
    return a.compare(b) < 0 ? -1 : a.compare(b) > 0 ? 1 : 0;
}

} // namespace lm
