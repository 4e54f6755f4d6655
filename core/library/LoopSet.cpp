#include "LoopSet.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/io/MidiReader.h"

#include <cstdio>

namespace lm {

LoopSet loadLoopSet(LibraryDb& db, const LoopSetOptions& options, JobContext* job)
{
    LoopSet set;
    const std::optional<double> threshold = db.loopThreshold();
    if (db.lastError()) { // a library that cannot be read gives no loops, and says why
        set.selection = "no windows: " + db.lastError()->toString();
        return set;
    }
    std::vector<WindowRecord> records = db.windowRecords(true, "midi");
    if (db.lastError()) {
        set.selection = "no windows: " + db.lastError()->toString();
        return set;
    }
    std::vector<WindowRecord> chosen;
    for (WindowRecord& r : records) // 4/4 only: the models' 57 x 128 (method.md 10.2)
        if (r.metre == "4/4" && (!threshold || (r.loopScore && *r.loopScore < *threshold)))
            chosen.push_back(std::move(r));
    char buf[160];
    if (threshold)
        std::snprintf(buf, sizeof buf, "kept 4/4 MIDI windows scored under the detector's threshold %.6g", *threshold);
    else
        std::snprintf(buf, sizeof buf, "every kept 4/4 MIDI window (the library has no loop scores yet)");
    set.selection = buf;
    if (options.phraseStartsOnly)
        set.selection += ", starting a phrase (kick and crash on the first step)";
    // Read each file once; windows come sorted by path.
    std::string path;
    std::optional<PieceAnalysis> piece;
    std::vector<uint64_t> stacked;
    for (WindowRecord& r : chosen) {
        if (job && job->cancelled()) {
            set.selection += " (cancelled while reading)";
            break;
        }
        if (r.path != path) {
            if (job)
                job->report(int64_t(set.rolls.size()), int64_t(chosen.size()), r.path);
            path = r.path;
            piece.reset();
            auto midi = readMidiFile(path);
            if (midi) {
                piece = analysePiece(*midi);
                stacked = piece->roll.stackedSteps();
            } else {
                set.unreadable.push_back(path + ": " + midi.error().message);
            }
        }
        if (!piece || r.startBar >= piece->bars() || !windowSpan(*piece, r.startBar).fourFour())
            continue;
        std::vector<uint64_t> steps = windowSteps(stacked, r.startBar);
        if (options.phraseStartsOnly && !((steps[0] & 1u) && ((steps[0] >> 6) & 1u)))
            continue;
        set.rolls.push_back(std::move(steps));
        set.windows.push_back(std::move(r));
        if (options.limit > 0 && int64_t(set.rolls.size()) >= options.limit)
            break;
    }
    return set;
}

} // namespace lm
