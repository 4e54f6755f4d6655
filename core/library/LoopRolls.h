#pragma once
// A loop of the library by its id (core/model/LoopId), as an export needs it:
// where it comes from, its tempo and score (LoopInfo, from the library alone,
// enough to name its file), and its 128 step masks (LoopRoll: read back from
// the source file for a mined loop, the way the piece view shows it; stored
// in the library for a generated one, kept or still pending).
#include "core/analysis/PieceAnalysis.h"
#include "core/base/Result.h"
#include "core/model/LoopId.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lm {

class LibraryDb;

struct LoopInfo {
    LoopId id;
    std::string path;        // the source file ("" for a generated loop)
    std::string source;      // the file's stem, or "generated" (the {source} of a file name)
    bool audio = false;      // an audio piece's window: exported as a WAV cut, no steps
    int64_t startBar = 0;    // first bar, from 0
    std::optional<double> score;
    double tempoBpm = 120;   // the source tempo
    double downbeat = 0;     // audio: seconds where bar 0 starts
    int64_t size = 0, mtimeNs = 0; // the source file as the library analysed it
    std::vector<uint64_t> generatedRoll; // a generated loop's 128 masks, from the library
    std::string metre = "4/4";           // the window's time signature (method.md 10.2)
    int barSteps = 16;
    std::optional<int> period; // method.md 10.1: the window's (mined), the roll's (generated)
};

struct LoopRoll {
    LoopInfo info;
    std::vector<uint64_t> steps; // 8 bars of masks of the 57 rows: 128 in 4/4, 8 x bar steps else (empty for audio)
    int numerator = 4, denominator = 4; // the loop's time signature, as its file gives it
    std::vector<uint64_t> keys;  // the keys part's 48-row masks over the same steps (empty: no keys)
    int keysProgram = 0;         // its GM program (0-based)
    int barSteps() const { return int(steps.size()) / 8; }
};

// Errors name the id and the library: "LIB.sqlite: no loop m12 in this library".
Result<LoopInfo> loopInfo(LibraryDb& db, const LoopId& id);
Result<LoopRoll> loopRoll(LibraryDb& db, const LoopId& id);

// Reads the rolls of many loops, each source file once in a row (keep loops of
// one file together for that).
class LoopRollReader {
public:
    // A source file that changed since the import is refused (its windows moved).
    Result<LoopRoll> read(const LoopInfo& info);

private:
    std::string path_;
    std::optional<PieceAnalysis> piece_;
    std::vector<uint64_t> stacked_;
    std::optional<Error> error_;
};

} // namespace lm
