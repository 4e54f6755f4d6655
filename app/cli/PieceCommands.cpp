// windows, ssm, roll: the analysis of one MIDI file.
#include "CliCommon.h"
#include "Commands.h"
#include "SsmExtras.h"

#include "core/analysis/BarCorrelation.h"
#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/base/JsonWriter.h"
#include "core/io/MidiReader.h"
#include "core/model/LoopFormat.h"

#include <iostream>
#include <limits>

namespace lm::cli {
namespace {

// Parses "FILE" plus the given options; on failure returns the exit code.
int loadPiece(int argc, char** argv, const std::vector<std::string>& valued, Args& args, PieceAnalysis& piece,
              std::string& file, MidiFile* keep = nullptr)
{
    if (!parseArgs(argc, argv, 2, valued, {}, args))
        return Usage;
    if (args.positional.size() != 1)
        return usageError(std::string(argv[1]) + " needs exactly one FILE");
    file = args.positional[0];
    auto midi = readMidiFile(file);
    if (!midi)
        return fail(midi.error());
    piece = analysePiece(*midi);
    if (keep)
        *keep = std::move(*midi);
    return Done;
}

} // namespace

int runWindows(int argc, char** argv)
{
    Args args;
    PieceAnalysis piece;
    std::string file;
    if (int rc = loadPiece(argc, argv, {}, args, piece, file); rc != Done)
        return rc;
    JsonWriter j(true);
    j.beginObject();
    j.key("file").value(file);
    j.key("usable").value(piece.usable);
    if (piece.usable)
        j.key("reason").null();
    else
        j.key("reason").value(piece.reason);
    j.key("tpq").value(piece.ticksPerQuarter);
    if (piece.usable)
        j.key("bars").value(piece.bars());
    j.key("assumed_4_4").value(piece.assumedFourFour);
    j.key("windows").beginArray();
    for (const WindowInfo& w : computeWindows(piece)) {
        j.beginObject();
        j.key("start_bar").value(w.startBar);
        j.key("drum_cells").value(w.drumCells);
        j.key("bass_cells").value(w.bassCells);
        j.key("kept").value(w.kept);
        j.key("correlation").numbers(w.correlation);
        j.endObject();
    }
    j.endArray();
    j.endObject();
    printJson(j.str());
    return Done;
}

int runSsm(int argc, char** argv)
{
    Args args;
    PieceAnalysis piece;
    std::string file;
    MidiFile midi;
    if (int rc = loadPiece(argc, argv, {"db"}, args, piece, file, &midi); rc != Done)
        return rc;
    SsmExtras extras; // issue 19: empty bars, all parts, bar scores (--db)
    if (int rc = ssmExtras(midi, piece, file, args.option("db"), extras); rc != Done)
        return rc;
    const auto matrix = selfSimilarity(piece.roll.stackedSteps(), piece.barStarts, piece.markedSteps);
    const size_t n = piece.barStarts.size();
    JsonWriter j;
    j.beginObject();
    j.key("file").value(file);
    j.key("bars").value(int64_t(n));
    j.key("bar_starts").numbers(piece.barStarts);
    j.key("matrix").table(matrix.data(), n, n);
    writeSsmExtras(j, extras);
    j.endObject();
    printJson(j.str());
    return Done;
}

int runRoll(int argc, char** argv)
{
    Args args;
    PieceAnalysis piece;
    std::string file;
    if (int rc = loadPiece(argc, argv, {"start-bar"}, args, piece, file); rc != Done)
        return rc;
    const auto startOpt = args.option("start-bar");
    if (!startOpt)
        return usageError("roll needs --start-bar B");
    int64_t start = 0;
    if (!numberOption(args, "start-bar", start, int64_t(0), std::numeric_limits<int64_t>::max()))
        return Usage;
    if (start >= piece.bars()) {
        std::cerr << "loopminer-cli: " << file << ": bar " << start << " is past the end (" << piece.bars()
                  << " bars)\n";
        return BadInput;
    }
    const auto steps = windowSteps(piece, start);
    std::string out;
    out.reserve(format::kRows * (format::kWindowSteps + 1));
    for (int r = 0; r < format::kRows; ++r) {
        for (uint64_t mask : steps)
            out += ((mask >> r) & 1u) ? '1' : '0';
        out += '\n';
    }
    std::cout << out << std::flush;
    return Done;
}

} // namespace lm::cli
