#include "DrumMap.h"

#include "core/base/FileBytes.h"

#include <cctype>
#include <sstream>

namespace lm {

namespace {

std::string squeezed(const std::string& s)
{
    std::string out;
    for (unsigned char c : s)
        if (std::isalnum(c))
            out += char(std::tolower(c));
    return out;
}

std::string knownClasses()
{
    std::string out;
    for (const char* n : format::kDrumRowName)
        out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

std::string trimmed(const std::string& s)
{
    const size_t a = s.find_first_not_of(" \t\r");
    if (a == std::string::npos)
        return {};
    const size_t b = s.find_last_not_of(" \t\r");
    return s.substr(a, b - a + 1);
}

} // namespace

int drumClassOf(const std::string& name)
{
    const std::string key = squeezed(name);
    for (int r = 0; r < format::kDrumRows; ++r)
        if (key == squeezed(format::kDrumRowName[size_t(r)]))
            return r;
    return -1;
}

Result<DrumMap> parseDrumMap(const std::string& text, const std::string& file)
{
    DrumMap map;
    map.name = file;
    std::istringstream in(text);
    std::string line;
    std::array<bool, format::kDrumRows> seen{};
    for (int number = 1; std::getline(in, line); ++number) {
        const size_t hash = line.find('#');
        line = trimmed(hash == std::string::npos ? line : line.substr(0, hash));
        if (line.empty())
            continue;
        auto bad = [&](const std::string& why) { return Error{file, -1, "line " + std::to_string(number) + ": " + why}; };
        const size_t space = line.find_last_of(" \t=:");
        if (space == std::string::npos)
            return bad("'" + line + "' is not a drum class and a note (e.g. 'kick 36')");
        const std::string name = trimmed(line.substr(0, space));
        const std::string note = line.substr(space + 1);
        const int row = drumClassOf(name);
        if (row < 0)
            return bad("unknown drum class '" + name + "' (known: " + knownClasses() + ")");
        if (seen[size_t(row)])
            return bad(std::string(format::kDrumRowName[size_t(row)]) + " is mapped twice");
        int value = -1;
        if (!note.empty() && note.size() <= 3 && note.find_first_not_of("0123456789") == std::string::npos)
            value = std::stoi(note);
        if (value < 0 || value > 127)
            return bad("the note of " + name + " must be a whole number from 0 to 127, not '" + note + "'");
        seen[size_t(row)] = true;
        map.notes[size_t(row)] = uint8_t(value);
    }
    return map;
}

Result<DrumMap> readDrumMapFile(const std::string& path)
{
    auto bytes = readFileBytes(path, 64 * 1024);
    if (!bytes)
        return Error{path, -1, "cannot read the drum map: " + bytes.error().message};
    return parseDrumMap(std::string(bytes->begin(), bytes->end()), path);
}

} // namespace lm
