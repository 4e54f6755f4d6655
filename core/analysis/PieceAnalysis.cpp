#include "PieceAnalysis.h"

#include "core/analysis/Instruments.h"
#include "core/model/LoopFormat.h"

#include <algorithm>
#include <cmath>

namespace lm {

using namespace format;

int64_t fineOnset(uint64_t tick, int tpq)
{
    const unsigned __int128 num = (unsigned __int128)tick * kFineTicksPerQuarter;
    const uint64_t q = uint64_t(num / unsigned(tpq));
    const uint64_t r = uint64_t(num % unsigned(tpq));
    const uint64_t twice = 2 * r;
    if (twice > uint64_t(tpq) || (twice == uint64_t(tpq) && (q & 1u)))
        return int64_t(q + 1);
    return int64_t(q);
}

int64_t fineOffset(uint64_t tick, int tpq)
{
    const unsigned __int128 num = (unsigned __int128)tick * kFineTicksPerQuarter;
    return int64_t(num / unsigned(tpq));
}

namespace {

int64_t stepOfTick(uint64_t tick, int tpq) { return fineOnset(tick, tpq) / kFinePerStep; }

// Bar grid: 16-step bars from 0 when every metre is 4/4 (the method's grid);
// otherwise each time signature starts a bar and sets its length.
std::vector<int64_t> barGrid(const PieceAnalysis& a)
{
    std::vector<int64_t> starts;
    const int64_t n = a.markedSteps;
    if (a.allFourFour) {
        for (int64_t s = 0; s < n; s += kStepsPerBar)
            starts.push_back(s);
        return starts;
    }
    struct Metre { int64_t step; int64_t length; };
    std::vector<Metre> metres;
    for (const auto& ts : a.timeSignatures) {
        int64_t len = ts.denominator > 0
            ? std::llround(double(ts.numerator) * kStepsPerBar / double(ts.denominator))
            : kStepsPerBar;
        len = std::max<int64_t>(len, 1);
        const int64_t step = stepOfTick(ts.tick, a.ticksPerQuarter);
        if (!metres.empty() && metres.back().step == step)
            metres.back().length = len;
        else
            metres.push_back({step, len});
    }
    if (metres.empty() || metres.front().step > 0)
        metres.insert(metres.begin(), Metre{0, kStepsPerBar});
    size_t m = 0;
    int64_t s = 0;
    while (s < n) {
        starts.push_back(s);
        while (m + 1 < metres.size() && metres[m + 1].step <= s)
            ++m;
        int64_t next = s + metres[m].length;
        if (m + 1 < metres.size() && metres[m + 1].step < next)
            next = metres[m + 1].step; // a metre change cuts the bar short
        s = next;
    }
    return starts;
}

// n for one instrument: one past the last step any of its notes reaches.
int64_t reach(const Instrument& in, int tpq, bool drums)
{
    int64_t n = 0;
    for (const Note& note : in.notes) {
        const int64_t a = fineOnset(note.on, tpq);
        if (drums) {
            n = std::max(n, a / kFinePerStep + 1);
        } else {
            const int64_t e = fineOffset(note.off, tpq);
            if (e > a)
                n = std::max(n, (e - 1) / kFinePerStep + 1);
        }
    }
    return n;
}

// method.md 2: when the file's end of track (the largest end-of-track tick over
// its tracks) lies exactly on the bar line that closes the last of the ceil(n/16)
// bars, the piece extends to it: an 8-bar loop whose last notes end early still
// gives its window. The rule is the method's 16-step grid (tick = bars x 4 x tpq),
// so it applies only when every metre is 4/4 (or none is given); a file in another
// metre keeps n as its notes mark it (it is not usable anyway).
int64_t closeLastBar(int64_t n, const MidiFile& file, bool fourFour)
{
    if (!fourFour || n <= 0 || file.ticksPerQuarter <= 0)
        return n;
    uint64_t end = 0;
    for (const MidiTrack& t : file.tracks)
        end = std::max(end, t.endTick());
    const int64_t bars = (n + kStepsPerBar - 1) / kStepsPerBar;
    const unsigned __int128 closing = (unsigned __int128)bars * 4 * unsigned(file.ticksPerQuarter);
    return closing == end ? bars * kStepsPerBar : n;
}

Part emptyPart(PartKind kind, const char* name, int rows, const Instrument& in, int64_t steps)
{
    Part p;
    p.kind = kind;
    p.name = name;
    p.rowCount = rows;
    p.channel = in.channel;
    p.program = in.program;
    p.steps.assign(size_t(steps), 0);
    return p;
}

Part drumPart(const Instrument& in, int tpq, int64_t steps)
{
    Part p = emptyPart(PartKind::Drums, "Drums", kDrumRows, in, steps);
    for (const Note& note : in.notes) {
        const int row = kDrumMap[note.pitch];
        if (row < 0)
            continue;
        p.set(row, fineOnset(note.on, tpq) / kFinePerStep);
    }
    return p;
}

Part bassPart(const Instrument& in, int tpq, int64_t steps)
{
    Part p = emptyPart(PartKind::Pitched, "Bass", kBassRows, in, steps);
    p.lowestPitch = kBassLowestPitch;
    for (const Note& note : in.notes) {
        const int row = int(note.pitch) - kBassLowestPitch;
        if (row < 0 || row >= kBassRows)
            continue;
        const int64_t a = fineOnset(note.on, tpq);
        const int64_t e = fineOffset(note.off, tpq);
        if (e <= a)
            continue;
        const int64_t last = (e - 1) / kFinePerStep;
        for (int64_t s = a / kFinePerStep; s <= last; ++s)
            p.set(row, s);
    }
    for (auto& mask : p.steps)
        mask &= (~mask + 1); // monophonic: keep the lowest sounding pitch
    return p;
}

} // namespace

PieceAnalysis analysePiece(const MidiFile& file, const AnalysisLimits& limits)
{
    PieceAnalysis a;
    const int tpq = file.ticksPerQuarter;
    a.ticksPerQuarter = tpq;
    a.timeSignatures = file.timeSignatures();
    a.tempoChanges = file.tempoChanges();
    a.assumedFourFour = a.timeSignatures.empty();
    a.allFourFour = std::all_of(a.timeSignatures.begin(), a.timeSignatures.end(),
                                [](const TimeSignature& t) { return t.numerator == 4 && t.denominator == 4; });

    const std::vector<Instrument> instruments = extractInstruments(file);
    const Instrument* drums = nullptr;
    const Instrument* bass = nullptr;
    for (const auto& in : instruments) {
        if (!drums && in.isDrums())
            drums = &in;
        if (!bass && in.isBass())
            bass = &in;
    }
    int64_t n = 0;
    if (drums) {
        a.drumTrack = drums->track;
        a.drumChannel = drums->channel;
        n = std::max(n, reach(*drums, tpq, true));
    }
    if (bass) {
        a.bassTrack = bass->track;
        a.bassChannel = bass->channel;
        a.bassProgram = bass->program;
        n = std::max(n, reach(*bass, tpq, false));
    }
    n = closeLastBar(n, file, a.allFourFour);
    if (n > limits.maxBars * kStepsPerBar) {
        a.reason = "too long (" + std::to_string((n + kStepsPerBar - 1) / kStepsPerBar) + " bars, limit "
            + std::to_string(limits.maxBars) + ")";
        return a;
    }
    a.markedSteps = n;
    a.roll.steps = n;
    // Both parts are always there (empty when the file lacks the instrument),
    // so that the stacked roll has the method's 57-row layout.
    const Instrument none;
    a.roll.parts.push_back(drumPart(drums ? *drums : none, tpq, n));
    a.roll.parts.push_back(bassPart(bass ? *bass : none, tpq, n));
    if (!drums)
        a.roll.parts[0].channel = -1;
    if (!bass)
        a.roll.parts[1].channel = -1;
    a.barStarts = barGrid(a);

    if (!a.allFourFour)
        a.reason = "not 4/4";
    else if (!drums && !bass)
        a.reason = "no drums and no bass";
    else if (!drums)
        a.reason = "no drums";
    else if (!bass)
        a.reason = "no bass";
    else if (n == 0)
        a.reason = "no notes";
    a.usable = a.reason.empty();
    return a;
}

} // namespace lm
