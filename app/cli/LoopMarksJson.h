#pragma once
// A loop's favourite star and tags as `loops`, `star` and `tag` print them:
// "starred": bool, "tags": [..].
#include "core/base/JsonWriter.h"
#include "core/model/LibraryRecords.h"

namespace lm {

inline void writeLoopMarks(JsonWriter& j, const LoopRow& r)
{
    j.key("starred").value(r.starred);
    j.key("tags").beginArray();
    for (const std::string& t : r.tags)
        j.value(t);
    j.endArray();
}

} // namespace lm
