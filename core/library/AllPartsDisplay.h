#pragma once
// The piece view's all-parts matrix (issue 19), made when a piece is shown (not
// stored at import: see the README's "All parts" section for what it costs).
#include "core/analysis/AllPartsRoll.h"

#include <string>
#include <vector>

namespace lm {

struct AllPartsDisplay {
    std::string reason;               // why there are no bars ("" when there are)
    int64_t bars = 0;
    int64_t shownBars = 0;            // min(bars, the view's cap)
    std::vector<int64_t> barStarts;   // every bar; the method's bars first
    std::vector<double> matrix;       // shownBars x shownBars, row-major
    std::vector<bool> emptyBars;      // shownBars flags: no note of any part
    std::vector<AllPartsPart> parts;  // the parts it shows
};

AllPartsDisplay allPartsDisplay(const MidiFile& file, const PieceAnalysis& piece, int64_t maxShownBars);

} // namespace lm
