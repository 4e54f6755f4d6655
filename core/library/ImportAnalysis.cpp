// One file read and analysed into what the library stores for it: a MIDI
// file's piece and windows (method.md 2) or an audio file's (method.md 3).
#include "LibraryImport.h"
#include "core/base/Fnv.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Period.h"
#include "core/analysis/Windows.h"
#include "core/audio/AudioAnalysis.h"
#include "core/base/FileBytes.h"
#include "core/io/MidiReader.h"

#include <cstdio>

namespace lm {

bool isMidiPath(const std::string& path)
{
    const std::string ext = lowerExtension(path);
    return ext == "mid" || ext == "midi" || ext == "smf" || ext == "kar";
}

std::string contentHash(const uint8_t* data, size_t size)
{
    const uint64_t h = fnv1a64(data, size);
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

namespace {

std::string describeTimeSignatures(const std::vector<TimeSignature>& ts)
{
    std::string s;
    for (const auto& t : ts) {
        if (!s.empty())
            s += ' ';
        s += std::to_string(t.numerator) + "/" + std::to_string(t.denominator) + "@" + std::to_string(t.tick);
    }
    return s;
}

// The period of every window (method.md 10.1), from the piece's bars.
void storePeriods(ImportedFile& f, const PieceAnalysis& a)
{
    std::vector<int64_t> starts;
    for (const StoredWindow& w : f.windows)
        starts.push_back(w.startBar);
    const std::vector<int> periods = midiWindowPeriods(a, starts);
    for (size_t i = 0; i < f.windows.size(); ++i)
        f.windows[i].period = periods[i];
}

} // namespace

ImportedFile analyseMidiFile(const std::string& path, int64_t size, int64_t mtimeNs, bool keysInCorrelation)
{
    auto bytes = readFileBytes(path, MidiReadLimits().maxFileBytes);
    if (!bytes) {
        ImportedFile f;
        f.path = path;
        f.size = size;
        f.mtimeNs = mtimeNs;
        f.error = bytes.error().message;
        return f;
    }
    return analyseMidiBytes(bytes->data(), bytes->size(), path, mtimeNs, keysInCorrelation);
}

ImportedFile analyseMidiBytes(const uint8_t* data, size_t size, const std::string& path, int64_t mtimeNs,
                              bool keysInCorrelation)
{
    WindowOptions windowOptions;
    windowOptions.includeKeys = keysInCorrelation;
    ImportedFile f;
    f.path = path;
    f.size = int64_t(size);
    f.mtimeNs = mtimeNs;
    f.hash = contentHash(data, size);
    auto midi = parseMidi(data, size, path);
    if (!midi) {
        const Error& e = midi.error();
        f.error = (e.offset >= 0 ? "byte " + std::to_string(e.offset) + ": " : std::string()) + e.message;
        return f;
    }
    const PieceAnalysis a = analysePiece(*midi);
    StoredPiece p;
    p.tpq = a.ticksPerQuarter;
    p.tempoBpm = a.firstTempoBpm();
    p.tempoChanges = int(a.tempoChanges.size());
    p.timeSignatures = describeTimeSignatures(a.timeSignatures);
    p.assumedFourFour = a.assumedFourFour;
    p.bars = a.bars();
    p.steps = a.markedSteps;
    f.piece = p;
    f.status = a.usable ? FileStatus::Usable : FileStatus::Unusable;
    f.error = a.reason;
    for (const WindowInfo& w : computeWindows(a, windowOptions)) {
        f.windows.push_back(
            StoredWindow{w.startBar, w.drumCells, w.bassCells, w.kept, w.correlation, {}, w.noteDensity, w.uniquePitch, {}});
        f.windows.back().metre = std::to_string(w.numerator) + "/" + std::to_string(w.denominator);
        f.windows.back().barSteps = w.barSteps;
    }
    storePeriods(f, a);
    return f;
}

ImportedFile analyseAudioForLibrary(const std::string& path, int64_t size, int64_t mtimeNs, const TempoSetting& tempo,
                                    JobContext* job)
{
    ImportedFile f;
    f.path = path;
    f.size = size;
    f.mtimeNs = mtimeNs;
    f.kind = "audio";
    auto audio = readAudioMono(path, audioformat::kSampleRate, {}, job);
    if (!audio) {
        f.error = audio.error().message;
        return f;
    }
    // A cheap content fingerprint: size plus the decoded samples.
    f.hash = contentHash(reinterpret_cast<const uint8_t*>(audio->samples.data()), audio->samples.size() * sizeof(float));
    TempoOptions range;
    range.preferMinBpm = tempo.preferMinBpm;
    range.preferMaxBpm = tempo.preferMaxBpm;
    const AudioPiece a = analyseAudio(*audio, TempoOverride{tempo.bpm, tempo.downbeat}, range);
    StoredPiece p;
    p.tempoBpm = a.bpm;
    p.timeSignatures = "4/4";
    p.bars = a.bars();
    p.steps = a.bars() * format::kStepsPerBar;
    p.sampleRate = a.info.sampleRate;
    p.channels = a.info.channels;
    p.seconds = a.seconds;
    p.downbeat = a.downbeat;
    p.bpmConfidence = a.confidence;
    p.tempoFromUser = a.bpmFromUser || a.downbeatFromUser;
    p.matrix.assign(a.matrix.begin(), a.matrix.end());
    f.piece = p;
    f.error = unusableReason(a);
    if (!f.error.empty()) {
        f.status = FileStatus::Unusable;
        return f;
    }
    f.status = FileStatus::Usable;
    // Every audio window is a candidate: the drum/bass cell rule is MIDI's.
    for (const AudioWindow& w : audioWindows(a))
        f.windows.push_back(StoredWindow{w.startBar, 0, 0, true, w.correlation, {}, 0, 0, {}});
    const BarSimilarity sim = matrixSimilarity(a.matrix, a.bars()); // method.md 10.1, audio
    for (StoredWindow& w : f.windows)
        w.period = windowPeriod(sim, a.bars(), w.startBar);
    return f;
}

} // namespace lm
