#include "LoopExport.h"

#include "core/analysis/Period.h"
#include "core/audio/AudioExport.h"
#include "core/base/FileBytes.h"
#include "core/io/MidiWriter.h"
#include "core/model/LoopFormat.h"
#include "core/model/RollToMidi.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace lm {

namespace {

// A name beside `path` that no one else uses, keeping the extension (the audio
// writer picks its format by it).
std::string tempBeside(const std::string& path)
{
    static std::atomic<unsigned> counter{0};
    const std::filesystem::path p(path);
    const std::string name = "." + p.stem().string() + ".part-" + std::to_string(::getpid()) + "-"
        + std::to_string(counter++) + p.extension().string();
    return (p.parent_path() / name).string();
}

// Moves the finished temp file to `path`: rename(2) over it when replacing,
// else link(2), which fails on an existing name, then the temp name goes.
Result<bool> settle(const std::string& temp, const std::string& path, bool replace)
{
    if (replace) {
        if (::rename(temp.c_str(), path.c_str()) == 0)
            return true;
        const int e = errno;
        ::unlink(temp.c_str());
        return Error{path, -1, std::string("cannot write: ") + std::strerror(e)};
    }
    int linked = ::link(temp.c_str(), path.c_str());
    int e = errno;
    if (linked != 0 && (e == EPERM || e == EOPNOTSUPP || e == EMLINK)) {
        // No hard links here (FAT, some network file systems): look, then rename.
        struct stat st {};
        if (::lstat(path.c_str(), &st) == 0) {
            e = EEXIST;
        } else {
            linked = ::rename(temp.c_str(), path.c_str());
            e = errno;
        }
    }
    ::unlink(temp.c_str());
    if (linked == 0)
        return true;
    if (e == EEXIST)
        return Error{path, -1, "exists; not replaced"};
    return Error{path, -1, std::string("cannot write: ") + std::strerror(e)};
}

} // namespace

double exportTempo(const LoopInfo& info, const LoopExportSettings& settings)
{
    return info.audio ? info.tempoBpm : settings.bpm.value_or(info.tempoBpm);
}

std::string exportExtension(const LoopInfo& info) { return info.audio ? "wav" : "mid"; }

int exportBars(const LoopInfo& info, const LoopExportSettings& settings)
{
    if (settings.atPeriod && info.period && *info.period > 0 && *info.period < format::kBarsPerWindow)
        return *info.period;
    return format::kBarsPerWindow;
}

std::vector<std::string> exportPaths(const std::vector<LoopInfo>& loops, const LoopExportSettings& settings,
                                     const std::string& dir)
{
    std::vector<std::string> names;
    for (size_t i = 0; i < loops.size(); ++i) {
        const LoopInfo& l = loops[i];
        LoopNameFields f;
        f.source = l.source;
        f.bar = l.startBar + 1;
        f.score = l.score;
        f.id = l.id.text();
        f.tempo = exportTempo(l, settings);
        f.n = int64_t(i) + 1;
        f.count = int64_t(loops.size());
        names.push_back(expandExportPattern(settings.pattern, f));
    }
    makeNamesUnique(names);
    std::vector<std::string> out;
    for (size_t i = 0; i < names.size(); ++i)
        out.push_back((std::filesystem::path(dir) / (names[i] + "." + exportExtension(loops[i]))).string());
    return out;
}

namespace {

std::vector<uint64_t> repeatSteps(const std::vector<uint64_t>& steps, int repeat)
{
    std::vector<uint64_t> repeated;
    const int n = std::clamp(repeat, 1, LoopExportSettings::kMaxRepeat);
    repeated.reserve(steps.size() * size_t(n));
    for (int i = 0; i < n; ++i)
        repeated.insert(repeated.end(), steps.begin(), steps.end());
    return repeated;
}

RollExportOptions exportOptions(double bpm, const LoopExportSettings& settings)
{
    RollExportOptions o;
    o.bpm = bpm;
    o.bassProgram = settings.bassProgram;
    o.drumNotes = settings.drums.notes;
    return o;
}

} // namespace

MidiFile loopMidi(const std::vector<uint64_t>& steps, double bpm, const LoopExportSettings& settings)
{
    return rollToMidi(repeatSteps(steps, settings.repeat), exportOptions(bpm, settings));
}

MidiFile loopMidi(const LoopRoll& loop, double bpm, const LoopExportSettings& settings)
{
    RollExportOptions o = exportOptions(bpm, settings);
    o.numerator = loop.numerator;
    o.denominator = loop.denominator;
    const std::vector<uint64_t> keys = repeatSteps(loop.keys, settings.repeat);
    if (!loop.keys.empty()) {
        o.keys = &keys;
        o.keysProgram = loop.keysProgram;
    }
    return rollToMidi(repeatSteps(loop.steps, settings.repeat), o);
}

Result<bool> writeNewFileAtomically(const std::string& path, const std::vector<uint8_t>& bytes)
{
    const std::string temp = tempBeside(path);
    auto written = writeFileAtomically(temp, bytes);
    if (!written)
        return Error{path, -1, "cannot write: " + written.error().message};
    return settle(temp, path, false);
}

Result<bool> writeLoopFile(const LoopRoll& loop, const LoopExportSettings& settings, const std::string& path,
                           bool replace)
{
    if (!replace && std::filesystem::exists(std::filesystem::symlink_status(path)))
        return Error{path, -1, "exists; not replaced"};
    if (loop.info.audio) {
        const std::string temp = tempBeside(path);
        auto cut = exportAudioBars(loop.info.path, loop.info.tempoBpm, loop.info.downbeat, loop.info.startBar,
                                   exportBars(loop.info, settings), temp);
        if (!cut) {
            ::unlink(temp.c_str());
            return cut.error();
        }
        return settle(temp, path, replace);
    }
    if (loop.steps.empty())
        return Error{path, -1, loop.info.id.text() + ": no notes to write"};
    // At its period (method.md 10.1) a loop is cut to its first bars, of its own metre.
    const int bars = exportBars(loop.info, settings);
    LoopRoll cut = loop;
    cut.steps = periodSteps(loop.steps, bars);
    if (!loop.keys.empty())
        cut.keys = periodSteps(loop.keys, bars);
    const std::vector<uint8_t> bytes = encodeMidi(loopMidi(cut, exportTempo(loop.info, settings), settings));
    if (replace) {
        auto written = writeFileAtomically(path, bytes);
        return written ? Result<bool>(true) : Result<bool>(written.error());
    }
    return writeNewFileAtomically(path, bytes);
}

} // namespace lm
