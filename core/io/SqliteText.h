#pragma once
// A text column of the current row, "" for NULL (internal to core/io).
#include <sqlite3.h>
#include <string>

namespace lm {

inline std::string columnText(sqlite3_stmt* st, int column)
{
    const char* s = reinterpret_cast<const char*>(sqlite3_column_text(st, column));
    return s ? s : "";
}

} // namespace lm
