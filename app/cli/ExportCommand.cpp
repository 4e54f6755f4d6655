// loopminer-cli export: library loops (ids as `loops` prints them) to MIDI
// files (audio pieces' loops to WAV) in a folder, named by a pattern.
#include "CliCommon.h"
#include "Commands.h"

#include "core/base/JsonWriter.h"
#include "core/library/LoopExport.h"

#include <filesystem>
#include <iostream>
#include <sstream>

namespace lm::cli {

namespace {

// "m12,m13,g2" -> ids; false (with the bad one named) on anything else.
bool parseIds(const std::string& text, std::vector<LoopId>& out)
{
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        const auto id = LoopId::parse(item);
        if (!id) {
            usageError("--ids takes loop ids as 'loopminer-cli loops' prints them (m12, g3), not '" + item + "'");
            return false;
        }
        out.push_back(*id);
    }
    if (out.empty()) {
        usageError("--ids needs at least one loop id");
        return false;
    }
    return true;
}

bool readSettings(const Args& args, LoopExportSettings& s)
{
    if (auto p = args.option("pattern")) {
        if (auto bad = checkExportPattern(*p)) {
            usageError(bad->message);
            return false;
        }
        s.pattern = *p;
    }
    return numberOption(args, "repeat", s.repeat, 1, LoopExportSettings::kMaxRepeat)
        && numberOption(args, "tempo", s.bpm, 20.0, 400.0)
        && numberOption(args, "bass-program", s.bassProgram, 0, 127);
}

} // namespace

int runExportLoops(int argc, char** argv)
{
    Args args;
    if (!parseArgs(argc, argv, 2, {"db", "ids", "out", "pattern", "repeat", "tempo", "drum-map", "bass-program"},
                   {"overwrite", "at-period"}, args))
        return Usage;
    if (!args.positional.empty())
        return usageError("export takes no file names (did you mean export-audio?)");
    const auto dbPath = args.option("db"), idText = args.option("ids"), out = args.option("out");
    if (!dbPath || !idText || !out)
        return usageError("export needs --db LIB.sqlite --ids ID,ID,... --out DIR");
    std::vector<LoopId> ids;
    LoopExportSettings settings;
    if (!parseIds(*idText, ids) || !readSettings(args, settings))
        return Usage;
    settings.atPeriod = args.flag("at-period"); // each loop cut at its own period (method.md 10.1)
    if (auto map = args.option("drum-map")) {
        auto read = readDrumMapFile(*map);
        if (!read)
            return fail(read.error());
        settings.drums = *read;
    }
    auto lib = LibraryDb::open(*dbPath, LibraryOpen::MustExist);
    if (!lib)
        return fail(lib.error());
    // Every id is looked up before anything is written: an unknown one writes nothing.
    std::vector<LoopInfo> loops;
    for (const LoopId& id : ids) {
        auto info = loopInfo(**lib, id);
        if (!info)
            return fail(info.error());
        loops.push_back(*info);
    }
    std::error_code ec;
    std::filesystem::create_directories(*out, ec);
    if (ec)
        return fail(Error{*out, -1, "cannot make the folder: " + ec.message()});
    const std::vector<std::string> paths = exportPaths(loops, settings, *out);
    JobContext job;
    InterruptCancels interrupt(job);
    LoopRollReader reader;
    JsonWriter j(true);
    j.beginArray();
    int failed = 0;
    for (size_t i = 0; i < loops.size() && !job.cancelled(); ++i) {
        auto roll = reader.read(loops[i]);
        auto written = roll ? writeLoopFile(*roll, settings, paths[i], args.flag("overwrite")) : Result<bool>(roll.error());
        if (!written) {
            std::cerr << "loopminer-cli: " << written.error().toString()
                      << (written.error().message == "exists; not replaced" ? " (use --overwrite to replace it)" : "")
                      << "\n";
            ++failed;
            continue;
        }
        const LoopInfo& l = loops[i];
        j.beginObject();
        j.key("id").value(l.id.text());
        j.key("file").value(paths[i]);
        j.key("source").value(l.path.empty() ? std::string("generated") : l.path);
        j.key("start_bar").value(l.startBar);
        j.key("format").value(exportExtension(l));
        j.key("bpm").value(exportTempo(l, settings));
        const int bars = exportBars(l, settings);
        j.key("bars").value(int64_t(l.audio ? bars : bars * settings.repeat));
        if (l.period)
            j.key("period").value(*l.period);
        else
            j.key("period").null();
        j.endObject();
    }
    j.endArray();
    printJson(j.str());
    if (job.cancelled()) {
        std::cerr << "loopminer-cli: export cancelled\n";
        return BadInput;
    }
    return failed ? BadInput : Done;
}

} // namespace lm::cli
