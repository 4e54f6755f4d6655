#include "LibraryRecords.h"

#include "core/base/JsonWriter.h"

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

std::string modelNameOfDir(const std::string& dir)
{
    std::string d = dir;
    while (d.size() > 1 && d.back() == '/')
        d.pop_back();
    const size_t slash = d.rfind('/');
    return slash == std::string::npos ? d : d.substr(slash + 1);
}

std::string generationSettingsJson(const GenerationSettings& s)
{
    JsonWriter j;
    j.beginObject();
    j.key("count").value(s.count);
    j.key("temperature").value(s.temperature);
    if (s.topK > 0)
        j.key("top_k").value(s.topK);
    else
        j.key("top_p").value(s.topP);
    j.key("max_score").value(s.maxScore);
    j.key("seed").value(int64_t(s.seed));
    j.key("max_drawn").value(s.maxDrawn);
    j.key("bpm").value(s.tempoBpm);
    j.endObject();
    return j.str();
}

} // namespace lm
