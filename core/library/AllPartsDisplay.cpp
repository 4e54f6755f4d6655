#include "AllPartsDisplay.h"

#include <algorithm>

namespace lm {

AllPartsDisplay allPartsDisplay(const MidiFile& file, const PieceAnalysis& piece, int64_t maxShownBars)
{
    AllPartsLimits limits;
    limits.maxCellBars = maxShownBars; // cells only where the matrix is drawn
    const AllPartsRoll roll = buildAllPartsRoll(file, piece, limits);
    AllPartsDisplay d;
    d.reason = roll.reason;
    d.bars = roll.bars();
    d.shownBars = std::min(d.bars, maxShownBars);
    d.barStarts = roll.barStarts;
    d.matrix = allPartsSimilarity(roll, d.shownBars);
    d.emptyBars = emptyBars(roll, d.shownBars);
    d.parts = roll.parts;
    return d;
}

} // namespace lm
