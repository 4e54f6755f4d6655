#include "PieceDisplay.h"

#include "LibraryDb.h"

#include "core/analysis/BarCorrelation.h"
#include "core/base/FileBytes.h"
#include "core/audio/AudioReader.h"
#include "core/io/MidiReader.h"

#include <algorithm>

namespace lm {

namespace {

// Whether the file on disk is the one the library analysed (size and mtime, as the import compares them).
bool sameAsStored(const std::string& path, const ImportedFile& stored)
{
    const auto stamp = fileStamp(path);
    return stamp && stamp->size == stored.size && stamp->mtimeNs == stored.mtimeNs;
}

void attachScores(PieceDisplay& d, LibraryDb* db)
{
    d.scores.assign(d.windows.size(), std::nullopt);
    // Audio scores pair with the stored analysis; MIDI ones with the file as it was.
    if (!db || !d.stored || (!d.audio && d.changedSinceImport))
        return;
    d.threshold = db->loopThreshold();
    for (const StoredWindow& w : db->windowsOf(d.path))
        if (w.startBar >= 0 && size_t(w.startBar) < d.scores.size())
            d.scores[size_t(w.startBar)] = w.loopScore;
}

void loadMidi(PieceDisplay& d, const MidiFile& midi)
{
    d.seconds = midi.durationSeconds();
    d.midi = analysePiece(midi);
    const PieceAnalysis& a = *d.midi;
    d.allParts = allPartsDisplay(midi, a, PieceDisplay::kMaxShownBars);
    d.bars = a.bars();
    if (d.bars == 0)
        return;
    d.stacked = a.roll.stackedSteps();
    d.shownBars = std::min(d.bars, PieceDisplay::kMaxShownBars);
    std::vector<int64_t> starts(a.barStarts.begin(), a.barStarts.begin() + d.shownBars);
    const int64_t end = d.shownBars < d.bars ? a.barStarts[size_t(d.shownBars)] : a.markedSteps;
    d.matrix = selfSimilarity(d.stacked, starts, end);
    d.emptyBars = emptyBars(d.stacked, a.barStarts, d.shownBars, a.markedSteps);
    d.windows = computeWindows(a);
}

void loadAudio(PieceDisplay& d)
{
    if (!d.stored || !d.stored->piece) {
        d.error = d.stored ? d.stored->error : "not in the library: import it to see its bars";
        return;
    }
    const StoredPiece& p = *d.stored->piece;
    d.bars = p.bars;
    d.shownBars = std::min(d.bars, PieceDisplay::kMaxShownBars);
    d.matrix.resize(size_t(d.shownBars * d.shownBars));
    for (int64_t r = 0; r < d.shownBars; ++r)
        for (int64_t c = 0; c < d.shownBars; ++c)
            d.matrix[size_t(r * d.shownBars + c)] = p.matrix[size_t(r * p.bars + c)];
    const int64_t count = p.bars >= format::kBarsPerWindow ? p.bars - format::kBarsPerWindow + 1 : 0;
    d.windows.resize(size_t(count));
    for (int64_t i = 0; i < count; ++i) {
        d.windows[size_t(i)].startBar = i;
        d.windows[size_t(i)].kept = true; // every audio window is a candidate
    }
    for (const StoredWindow& w : d.stored->windows)
        if (w.startBar >= 0 && w.startBar < count)
            d.windows[size_t(w.startBar)].correlation = w.correlation;
}

} // namespace

PieceDisplay loadPieceDisplay(LibraryDb* db, const std::string& path, JobContext& job)
{
    PieceDisplay d;
    d.path = path;
    d.audio = isAudioPath(path);
    job.report(0, 0, path);
    if (db)
        d.stored = db->fileInfo(path);
    if (d.stored)
        d.changedSinceImport = !sameAsStored(path, *d.stored);
    if (d.audio) {
        if (d.stored && d.stored->piece)
            d.stored->windows = db->windowsOf(path);
        loadAudio(d);
    } else if (auto midi = readMidiFile(path); !midi) {
        d.error = midi.error().toString();
        return d;
    } else {
        loadMidi(d, *midi);
    }
    attachScores(d, db);
    return d;
}

} // namespace lm
