#include "SsmExtras.h"

#include "CliCommon.h"

#include "core/library/LibraryDb.h"
#include "core/library/PieceDisplay.h"

#include <filesystem>
#include <iostream>

namespace lm::cli {

int ssmExtras(const MidiFile& midi, const PieceAnalysis& piece, const std::string& file,
              const std::optional<std::string>& db, SsmExtras& out)
{
    out.emptyBars = emptyBars(piece.roll.stackedSteps(), piece.barStarts, piece.bars(), piece.markedSteps);
    AllPartsLimits limits;
    limits.maxCellBars = limits.maxBars; // the whole matrix, as `matrix` is
    out.allParts = buildAllPartsRoll(midi, piece, limits);
    out.allPartsMatrix = allPartsSimilarity(out.allParts, out.allParts.bars());
    out.barScores.assign(size_t(piece.bars()), std::nullopt);
    if (!db)
        return Done;
    auto lib = LibraryDb::open(*db, LibraryOpen::MustExist);
    if (!lib)
        return fail(lib.error());
    // The library's path of the file, as the import writes it; scores only while it is the file analysed.
    const std::string path = std::filesystem::absolute(file).lexically_normal().string();
    JobContext job;
    const PieceDisplay d = loadPieceDisplay(lib->get(), path, job);
    if (!d.stored)
        std::cerr << "loopminer-cli: " << path << " is not in " << *db << ": no bar scores\n";
    else if (d.changedSinceImport)
        std::cerr << "loopminer-cli: " << path << " changed since the import: no bar scores\n";
    out.barScores = barScores(d.windows, d.scores, piece.bars());
    return Done;
}

void writeSsmExtras(JsonWriter& j, const SsmExtras& x)
{
    auto flags = [&j](const std::vector<bool>& v) {
        j.beginArray();
        for (bool b : v)
            j.value(b);
        j.endArray();
    };
    j.key("empty_bars");
    flags(x.emptyBars);
    j.key("bar_scores").beginArray();
    for (const auto& s : x.barScores)
        s ? j.value(s->score) : j.null();
    j.endArray();
    j.key("bar_score_windows").beginArray();
    for (const auto& s : x.barScores)
        s ? j.value(s->window) : j.null();
    j.endArray();
    const AllPartsRoll& r = x.allParts;
    j.key("all_parts").beginObject();
    j.key("bars").value(r.bars());
    if (r.reason.empty())
        j.key("reason").null();
    else
        j.key("reason").value(r.reason);
    j.key("bar_starts").numbers(r.barStarts);
    j.key("parts").beginArray();
    for (const AllPartsPart& p : r.parts) {
        j.beginObject();
        j.key("track").value(p.track).key("channel").value(p.channel + 1).key("program").value(p.program);
        j.key("family").value(p.family()).key("cells").value(p.cells);
        j.endObject();
    }
    j.endArray();
    j.key("empty_bars");
    flags(emptyBars(r, r.bars()));
    j.key("matrix").table(x.allPartsMatrix.data(), size_t(r.bars()), size_t(r.bars()));
    j.endObject();
}

} // namespace lm::cli
