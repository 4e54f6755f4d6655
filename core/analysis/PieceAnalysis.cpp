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

struct Metre {
    int64_t step;
    int64_t length;
    int numerator, denominator;
};

// Where each time signature starts (in steps) and its bar length (method.md 10.2:
// 16 * numerator / denominator); a 4/4 default before the first one.
std::vector<Metre> metresOf(const std::vector<TimeSignature>& signatures, int tpq)
{
    std::vector<Metre> metres;
    for (const auto& ts : signatures) {
        int64_t len = ts.denominator > 0
            ? std::llround(double(ts.numerator) * kStepsPerBar / double(ts.denominator))
            : kStepsPerBar;
        len = std::max<int64_t>(len, 1);
        const int64_t step = stepOfTick(ts.tick, tpq);
        if (!metres.empty() && metres.back().step == step)
            metres.back() = {step, len, ts.numerator, ts.denominator};
        else
            metres.push_back({step, len, ts.numerator, ts.denominator});
    }
    if (metres.empty() || metres.front().step > 0)
        metres.insert(metres.begin(), Metre{0, kStepsPerBar, 4, 4});
    return metres;
}

// Walks the bar grid of `metres` up to step n: each time signature starts a
// bar and sets its length; a metre change cuts the bar before it short.
// `onBar(start, metreIndex)` hears every bar; returns the step that closes the last.
template <class OnBar>
int64_t walkBars(const std::vector<Metre>& metres, int64_t n, OnBar onBar)
{
    size_t m = 0;
    int64_t s = 0;
    while (s < n) {
        while (m + 1 < metres.size() && metres[m + 1].step <= s)
            ++m;
        onBar(s, m);
        int64_t next = s + metres[m].length;
        if (m + 1 < metres.size() && metres[m + 1].step < next)
            next = metres[m + 1].step;
        s = next;
    }
    return s;
}

// Bar grid: 16-step bars from 0 when every metre is 4/4 (the method's grid);
// otherwise the metres' own bars (method.md 10.2). Fills the bar starts and stretches.
void barGrid(PieceAnalysis& a)
{
    a.barStarts.clear();
    a.stretches.clear();
    const int64_t n = a.markedSteps;
    if (a.allFourFour) {
        for (int64_t s = 0; s < n; s += kStepsPerBar)
            a.barStarts.push_back(s);
        a.stretches.push_back(MetreStretch{4, 4, kStepsPerBar, 0, 0, n});
        return;
    }
    const std::vector<Metre> metres = metresOf(a.timeSignatures, a.ticksPerQuarter);
    size_t current = metres.size(); // the metre of the last stretch
    walkBars(metres, n, [&](int64_t s, size_t m) {
        if (m != current) {
            if (!a.stretches.empty())
                a.stretches.back().endStep = s;
            const Metre& me = metres[m];
            a.stretches.push_back(
                MetreStretch{me.numerator, me.denominator, int(me.length), int64_t(a.barStarts.size()), s, n});
            current = m;
        }
        a.barStarts.push_back(s);
    });
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
// gives its window. For 4/4 that is the method's 16-step grid (tick = bars x 4 x
// tpq); in another metre (method.md 10.2) it is the bar line of its own grid
// that closes the bar holding step n - 1.
int64_t closeLastBar(int64_t n, const MidiFile& file, bool fourFour, const std::vector<Metre>& metres)
{
    if (n <= 0 || file.ticksPerQuarter <= 0)
        return n;
    uint64_t end = 0;
    for (const MidiTrack& t : file.tracks)
        end = std::max(end, t.endTick());
    const int64_t closingStep = fourFour ? (n + kStepsPerBar - 1) / kStepsPerBar * kStepsPerBar
                                         : walkBars(metres, n, [](int64_t, size_t) {});
    const unsigned __int128 closing = (unsigned __int128)closingStep * unsigned(file.ticksPerQuarter);
    return closing == (unsigned __int128)end * kStepsPerQuarter ? closingStep : n;
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

// The keys voice: polyphonic, every sounding step of every pitch in C3..B6 (as
// the bass marks its steps, without the monophonic reduction).
Part keysPart(const Instrument& in, int tpq, int64_t steps)
{
    Part p = emptyPart(PartKind::Pitched, "Keys", kKeysRows, in, steps);
    p.lowestPitch = kKeysLowestPitch;
    for (const Note& note : in.notes) {
        const int row = int(note.pitch) - kKeysLowestPitch;
        if (row < 0 || row >= kKeysRows)
            continue;
        const int64_t a = fineOnset(note.on, tpq);
        const int64_t e = fineOffset(note.off, tpq);
        if (e <= a)
            continue;
        const int64_t last = std::min<int64_t>((e - 1) / kFinePerStep, steps - 1);
        for (int64_t s = a / kFinePerStep; s <= last; ++s)
            p.set(row, s);
    }
    return p;
}

} // namespace

bool isKeysProgram(int program)
{
    return (program >= 0 && program <= 7) || (program >= 16 && program <= 31) || (program >= 40 && program <= 55)
        || (program >= 80 && program <= 95);
}

const MetreStretch& PieceAnalysis::stretchOfBar(int64_t bar) const
{
    static const MetreStretch kFourFour{};
    if (stretches.empty())
        return kFourFour;
    size_t i = 0;
    while (i + 1 < stretches.size() && stretches[i + 1].firstBar <= bar)
        ++i;
    return stretches[i];
}

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
    const Instrument* keys = nullptr;
    for (const auto& in : instruments) {
        if (!drums && in.isDrums())
            drums = &in;
        if (!bass && in.isBass())
            bass = &in;
        if (!keys && !in.isDrums() && !in.isBass() && isKeysProgram(in.program))
            keys = &in;
    }
    if (keys) {
        a.keysTrack = keys->track;
        a.keysChannel = keys->channel;
        a.keysProgram = keys->program;
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
    n = closeLastBar(n, file, a.allFourFour, metresOf(a.timeSignatures, tpq));
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
    if (keys) // a third part, after the method's two (PianoRoll::stackedSteps leaves it out)
        a.roll.parts.push_back(keysPart(*keys, tpq, n));
    barGrid(a);

    // Every metre gives windows (method.md 10.2); allFourFour marks the pieces
    // of the models' own metre.
    if (!drums && !bass)
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
