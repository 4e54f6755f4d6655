#pragma once
// What `ssm` adds for issue 19: the empty bars of the method's roll, the
// all-parts matrix, and per-bar loop scores from a library (--db).
#include "core/analysis/AllPartsRoll.h"
#include "core/analysis/BarScores.h"
#include "core/base/JsonWriter.h"

#include <optional>
#include <string>

namespace lm::cli {

struct SsmExtras {
    std::vector<bool> emptyBars;
    AllPartsRoll allParts;
    std::vector<double> allPartsMatrix;
    std::vector<std::optional<BarScore>> barScores; // all none without a library
};

// Done, or the exit code when the library cannot be opened (the error said on stderr).
int ssmExtras(const MidiFile& midi, const PieceAnalysis& piece, const std::string& file,
              const std::optional<std::string>& db, SsmExtras& out);
void writeSsmExtras(JsonWriter& j, const SsmExtras& x);

} // namespace lm::cli
