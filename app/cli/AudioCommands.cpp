// windows and ssm for audio files, export-audio, and tempo (the user's tempo of
// an audio piece in a library).
#include "CliCommon.h"
#include "Commands.h"

#include "core/analysis/Period.h"
#include "core/audio/AudioAnalysis.h"
#include "core/audio/AudioExport.h"
#include "core/base/JsonWriter.h"
#include "core/library/LibraryImport.h"

#include <filesystem>
#include <iostream>

namespace lm::cli {
namespace {

// The range that half/double-tempo confusion is resolved into.
TempoOptions tempoRange(const TempoSetting& tempo)
{
    TempoOptions range;
    range.preferMinBpm = tempo.preferMinBpm;
    range.preferMaxBpm = tempo.preferMaxBpm;
    return range;
}

void writeTempo(JsonWriter& j, const AudioPiece& a)
{
    j.key("bpm").value(a.bpm);
    j.key("downbeat").value(a.downbeat);
    j.key("bpm_confidence").value(a.confidence);
    j.key("bpm_from_user").value(a.bpmFromUser);
    j.key("downbeat_from_user").value(a.downbeatFromUser);
    j.key("sample_rate").value(a.info.sampleRate);
    j.key("channels").value(a.info.channels);
    j.key("seconds").value(a.seconds);
    j.key("bars").value(a.bars());
}

} // namespace

bool readTempoOptions(const Args& args, TempoSetting& tempo)
{
    if (auto range = args.option("prefer-bpm")) { // MIN:MAX, at least an octave wide
        const size_t colon = range->find(':');
        std::optional<double> lo, hi;
        if (colon != std::string::npos) {
            lo = parseNumber(range->substr(0, colon), 20.0, 400.0);
            hi = parseNumber(range->substr(colon + 1), 20.0, 400.0);
        }
        if (!lo || !hi || !(*hi >= 2 * *lo)) {
            usageError("--prefer-bpm needs MIN:MAX within 20..400 with MAX at least twice MIN, e.g. 60:140");
            return false;
        }
        tempo.preferMinBpm = *lo;
        tempo.preferMaxBpm = *hi;
    }
    return numberOption(args, "bpm", tempo.bpm, 20.0, 400.0) && numberOption(args, "downbeat", tempo.downbeat, 0.0, 36000.0);
}

bool isAudioCommandLine(int argc, char** argv)
{
    for (int i = 2; i < argc; ++i)
        if (argv[i][0] != '-' && isAudioPath(argv[i]))
            return true;
    return false;
}

int runAudioPiece(const std::string& command, int argc, char** argv)
{
    Args args;
    if (!parseArgs(argc, argv, 2, {"bpm", "downbeat", "prefer-bpm"}, {"spectra"}, args))
        return Usage;
    if (args.positional.size() != 1)
        return usageError(command + " needs exactly one FILE");
    TempoSetting tempo;
    if (!readTempoOptions(args, tempo))
        return Usage;
    const std::string file = args.positional[0];
    auto piece = analyseAudioFile(file, TempoOverride{tempo.bpm, tempo.downbeat}, tempoRange(tempo));
    if (!piece)
        return fail(piece.error());
    const AudioPiece& a = *piece;
    const std::string reason = unusableReason(a);
    const bool usable = reason.empty();
    JsonWriter j(command == "windows");
    j.beginObject();
    j.key("file").value(file);
    j.key("kind").value("audio");
    writeTempo(j, a);
    if (command == "windows") {
        j.key("usable").value(usable);
        if (usable)
            j.key("reason").null();
        else
            j.key("reason").value(reason);
        j.key("windows").beginArray();
        const BarSimilarity periodSim = matrixSimilarity(a.matrix, a.bars()); // method.md 10.1
        for (const AudioWindow& w : audioWindows(a)) {
            j.beginObject();
            j.key("start_bar").value(w.startBar);
            j.key("kept").value(true);
            j.key("correlation").numbers(w.correlation);
            j.key("period").value(windowPeriod(periodSim, a.bars(), w.startBar));
            j.endObject();
        }
        j.endArray();
    } else {
        const size_t n = size_t(a.bars());
        j.key("bar_starts_seconds").beginArray();
        for (int64_t s : a.spectra.barStartSamples)
            j.value(double(s) / audioformat::kSampleRate);
        j.endArray();
        j.key("matrix").table(a.matrix.data(), n, n);
        if (args.flag("spectra")) {
            j.key("nfft").value(a.spectra.nfft);
            j.key("bar_start_samples").numbers(a.spectra.barStartSamples);
            j.key("spectra").table(a.spectra.mel.data(), n, audioformat::kMelBands);
        }
    }
    j.endObject();
    printJson(j.str());
    return Done;
}

int runExportAudio(int argc, char** argv)
{
    Args args;
    if (!parseArgs(argc, argv, 2, {"start-bar", "bars", "out", "bpm", "downbeat", "db", "prefer-bpm"}, {}, args))
        return Usage;
    if (args.positional.size() != 1)
        return usageError("export-audio needs exactly one FILE");
    const std::string file = args.positional[0];
    const auto out = args.option("out");
    if (!out)
        return usageError("export-audio needs --out X.wav (or .flac)");
    std::optional<int64_t> start;
    int64_t bars = 8;
    if (!numberOption(args, "start-bar", start, int64_t(0), int64_t(1000000)) || !numberOption(args, "bars", bars, int64_t(1), int64_t(1000000)))
        return Usage;
    if (!start)
        return usageError("export-audio needs --start-bar B");
    TempoSetting tempo;
    if (!readTempoOptions(args, tempo))
        return Usage;
    // The tempo: given here, else the library's (when --db names one), else estimated.
    if ((!tempo.bpm || !tempo.downbeat) && args.option("db")) {
        auto lib = LibraryDb::open(*args.option("db"), LibraryOpen::MustExist);
        if (!lib)
            return fail(lib.error());
        if (auto info = (*lib)->fileInfo(file); info && info->piece && info->piece->tempoBpm > 0) {
            tempo.bpm = tempo.bpm.value_or(info->piece->tempoBpm);
            tempo.downbeat = tempo.downbeat.value_or(info->piece->downbeat);
        }
    }
    if (!tempo.bpm || !tempo.downbeat) {
        auto piece = analyseAudioFile(file, TempoOverride{tempo.bpm, tempo.downbeat}, tempoRange(tempo));
        if (!piece)
            return fail(piece.error());
        tempo.bpm = piece->bpm;
        tempo.downbeat = piece->downbeat;
    }
    auto cut = exportAudioBars(file, *tempo.bpm, *tempo.downbeat, *start, bars, *out);
    if (!cut)
        return fail(cut.error());
    JsonWriter j(true);
    j.beginObject();
    j.key("file").value(file);
    j.key("out").value(*out);
    j.key("bpm").value(*tempo.bpm);
    j.key("downbeat").value(*tempo.downbeat);
    j.key("start_bar").value(*start);
    j.key("bars").value(bars);
    j.key("first_frame").value(cut->firstFrame);
    j.key("frames").value(cut->frames);
    j.key("sample_rate").value(cut->sampleRate);
    j.key("channels").value(cut->channels);
    j.key("format").value(cut->format);
    j.endObject();
    printJson(j.str());
    return Done;
}

int runTempo(int argc, char** argv)
{
    Args args;
    if (!parseArgs(argc, argv, 2, {"db", "bpm", "downbeat"}, {"clear"}, args))
        return Usage;
    const auto db = args.option("db");
    if (!db || args.positional.size() != 1)
        return usageError("tempo needs FILE and --db LIB.sqlite");
    TempoSetting tempo;
    if (!readTempoOptions(args, tempo))
        return Usage;
    if (!args.flag("clear") && !tempo.bpm && !tempo.downbeat)
        return usageError("tempo needs --bpm, --downbeat or --clear");
    const std::string file = std::filesystem::absolute(args.positional[0]).lexically_normal().string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) // before the library stores a setting for it
        return fail(Error{args.positional[0], -1, "no such file"});
    auto lib = LibraryDb::open(*db, LibraryOpen::MustExist);
    if (!lib)
        return fail(lib.error());
    auto stored = args.flag("clear") ? (*lib)->clearTempoSetting(file) : (*lib)->setTempoSetting(file, tempo);
    if (!stored)
        return fail(stored.error());
    auto f = reanalyseFile(**lib, file);
    if (!f)
        return fail(f.error());
    JsonWriter j(true);
    j.beginObject();
    j.key("file").value(file);
    j.key("status").value(toString(f->status));
    if (f->piece) {
        j.key("bpm").value(f->piece->tempoBpm);
        j.key("downbeat").value(f->piece->downbeat);
        j.key("bpm_confidence").value(f->piece->bpmConfidence);
        j.key("tempo_from_user").value(f->piece->tempoFromUser);
        j.key("bars").value(f->piece->bars);
    }
    j.key("windows").value(int64_t(f->windows.size()));
    j.endObject();
    printJson(j.str());
    return f->status == FileStatus::Error ? BadInput : Done;
}

} // namespace lm::cli
