#pragma once
// Reading columns of the current row (internal to core/io).
#include "core/analysis/BarCorrelation.h"

#include <sqlite3.h>

#include <cstring>
#include <optional>
#include <string>

namespace lm {

inline std::string columnText(sqlite3_stmt* st, int column)
{
    const char* s = reinterpret_cast<const char*>(sqlite3_column_text(st, column));
    return s ? s : "";
}

// A REAL column, nothing for NULL.
inline std::optional<double> columnOptionalDouble(sqlite3_stmt* st, int column)
{
    if (sqlite3_column_type(st, column) == SQLITE_NULL)
        return std::nullopt;
    return sqlite3_column_double(st, column);
}

// A window's 28 correlations stored as a blob of doubles; false (and `out`
// untouched) when the blob is missing or has another size.
inline bool columnCorrelation(sqlite3_stmt* st, int column, WindowCorrelation& out)
{
    const void* blob = sqlite3_column_blob(st, column);
    if (!blob || size_t(sqlite3_column_bytes(st, column)) != sizeof(double) * out.size())
        return false;
    std::memcpy(out.data(), blob, sizeof(double) * out.size());
    return true;
}

} // namespace lm
