#include "AllPartsRoll.h"

#include "core/analysis/Instruments.h"
#include "core/model/LoopFormat.h"

#include <algorithm>
#include <array>
#include <cmath>
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define LM_X86_KERNELS 1
#endif

namespace lm {

using namespace format;

std::string AllPartsPart::family() const
{
    static constexpr std::array<const char*, 16> kFamilies = {
        "piano", "chromatic percussion", "organ", "guitar", "bass", "strings", "ensemble", "brass",
        "reed", "pipe", "synth lead", "synth pad", "synth effects", "ethnic", "percussive", "sound effects"};
    return drums ? "drums" : kFamilies[size_t(std::clamp(program, 0, 127) / 8)];
}

bool AllPartsRoll::cell(size_t part, int row, int64_t step) const
{
    if (part >= parts.size() || row < 0 || row >= kPitchRows || step < 0 || step >= steps)
        return false;
    const uint64_t w = words[size_t(step) * size_t(wordsPerStep()) + part * kWordsPerPart + size_t(row / 64)];
    return (w >> (row % 64)) & 1u;
}

int64_t AllPartsRoll::barCells(int64_t bar) const
{
    const int64_t from = std::min(barStarts[size_t(bar)], steps), to = std::min(barEnd(bar), steps);
    int64_t n = 0;
    for (size_t i = size_t(from) * size_t(wordsPerStep()); i < size_t(to) * size_t(wordsPerStep()); ++i)
        n += __builtin_popcountll(words[i]);
    return n;
}

namespace {

struct Metre {
    int64_t step;
    int64_t length;
};

// The metre rule of PieceAnalysis's bar grid: 16-step bars from 0 when every
// metre is 4/4; otherwise each time signature starts a bar and sets its length.
std::vector<Metre> metresOf(const PieceAnalysis& a)
{
    std::vector<Metre> metres;
    if (!a.allFourFour)
        for (const TimeSignature& ts : a.timeSignatures) {
            int64_t len = ts.denominator > 0
                ? std::llround(double(ts.numerator) * kStepsPerBar / double(ts.denominator))
                : kStepsPerBar;
            len = std::max<int64_t>(len, 1);
            const int64_t step = fineOnset(ts.tick, a.ticksPerQuarter) / kFinePerStep;
            if (!metres.empty() && metres.back().step == step)
                metres.back().length = len;
            else
                metres.push_back({step, len});
        }
    if (metres.empty() || metres.front().step > 0)
        metres.insert(metres.begin(), Metre{0, kStepsPerBar});
    return metres;
}

int64_t nextBarStart(const std::vector<Metre>& metres, int64_t s)
{
    size_t m = 0;
    while (m + 1 < metres.size() && metres[m + 1].step <= s)
        ++m;
    int64_t next = s + metres[m].length;
    if (m + 1 < metres.size() && metres[m + 1].step < next)
        next = metres[m + 1].step; // a metre change cuts the bar short
    return next;
}

// The steps a note marks: [first, last].
std::pair<int64_t, int64_t> noteSteps(const Note& note, int tpq, bool drums)
{
    const int64_t a = fineOnset(note.on, tpq);
    const int64_t first = a / kFinePerStep;
    if (drums)
        return {first, first};
    const int64_t e = fineOffset(note.off, tpq);
    return {first, e > a ? std::max(first, (e - 1) / kFinePerStep) : first};
}

// One instrument's cells, kWordsPerPart words a step.
std::vector<uint64_t> partWords(const Instrument& in, int tpq, int64_t steps, int64_t& cells)
{
    constexpr size_t W = AllPartsRoll::kWordsPerPart;
    std::vector<uint64_t> w(size_t(steps) * W, 0);
    const bool drums = in.isDrums();
    for (const Note& note : in.notes) {
        const int row = drums ? kDrumMap[note.pitch] : int(note.pitch);
        if (row < 0)
            continue;
        const auto [first, last] = noteSteps(note, tpq, drums);
        for (int64_t s = first; s <= last && s < steps; ++s)
            w[size_t(s) * W + size_t(row / 64)] |= uint64_t(1) << (row % 64);
    }
    cells = 0;
    for (uint64_t x : w)
        cells += __builtin_popcountll(x);
    return w;
}

// Cells where two runs of words differ (a shorter run is empty past its end).
// x86-64's baseline has no popcount instruction, and the software one made a
// 2,048-bar, 14-part matrix take 7 s; so the loop is compiled for AVX2 (a
// nibble-table popcount, 4 words at a time), for POPCNT, and plain, and the
// best one the CPU has is taken once.
#define LM_XOR_TAIL                                                              \
    for (; k < common; ++k)                                                      \
        v += __builtin_popcountll(a[k] ^ b[k]);                                  \
    const uint64_t* rest = na > nb ? a : b;                                      \
    for (int64_t r = common; r < std::max(na, nb); ++r)                          \
        v += __builtin_popcountll(rest[r]);                                      \
    return v;
#ifdef LM_X86_KERNELS
__attribute__((target("avx2,popcnt"))) int64_t xorCountAvx2(const uint64_t* a, int64_t na, const uint64_t* b, int64_t nb)
{
    const int64_t common = std::min(na, nb);
    const __m256i table = _mm256_setr_epi8(0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, //
                                           0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
    const __m256i nibble = _mm256_set1_epi8(0x0f);
    __m256i sum = _mm256_setzero_si256();
    int64_t k = 0;
    for (; k + 4 <= common; k += 4) {
        const __m256i x = _mm256_xor_si256(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(a + k)),
                                           _mm256_loadu_si256(reinterpret_cast<const __m256i*>(b + k)));
        const __m256i lo = _mm256_shuffle_epi8(table, _mm256_and_si256(x, nibble));
        const __m256i hi = _mm256_shuffle_epi8(table, _mm256_and_si256(_mm256_srli_epi16(x, 4), nibble));
        sum = _mm256_add_epi64(sum, _mm256_sad_epu8(_mm256_add_epi8(lo, hi), _mm256_setzero_si256()));
    }
    int64_t v = _mm256_extract_epi64(sum, 0) + _mm256_extract_epi64(sum, 1) + _mm256_extract_epi64(sum, 2)
        + _mm256_extract_epi64(sum, 3);
    LM_XOR_TAIL
}

__attribute__((target("popcnt"))) int64_t xorCountPopcnt(const uint64_t* a, int64_t na, const uint64_t* b, int64_t nb)
{
    const int64_t common = std::min(na, nb);
    int64_t v = 0, k = 0;
    LM_XOR_TAIL
}
#endif

int64_t xorCountPlain(const uint64_t* a, int64_t na, const uint64_t* b, int64_t nb)
{
    const int64_t common = std::min(na, nb);
    int64_t v = 0, k = 0;
    LM_XOR_TAIL
}
#undef LM_XOR_TAIL

using XorCount = int64_t (*)(const uint64_t*, int64_t, const uint64_t*, int64_t);

XorCount xorCount()
{
#ifdef LM_X86_KERNELS
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt"))
        return &xorCountAvx2;
    if (__builtin_cpu_supports("popcnt"))
        return &xorCountPopcnt;
#endif
    return &xorCountPlain;
}

} // namespace

int64_t xorCellCount(int kernel, const uint64_t* a, int64_t na, const uint64_t* b, int64_t nb)
{
    switch (kernel) {
    case 0: return xorCountPlain(a, na, b, nb);
#ifdef LM_X86_KERNELS
    case 1: return __builtin_cpu_supports("popcnt") ? xorCountPopcnt(a, na, b, nb) : -1;
    case 2: return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt") ? xorCountAvx2(a, na, b, nb) : -1;
#endif
    default: return -1;
    }
}

AllPartsRoll buildAllPartsRoll(const MidiFile& file, const PieceAnalysis& piece, const AllPartsLimits& limits)
{
    AllPartsRoll roll;
    const int tpq = file.ticksPerQuarter;
    if (tpq <= 0) {
        roll.reason = "no ticks per quarter note";
        return roll;
    }
    const std::vector<Instrument> instruments = extractInstruments(file);
    int64_t n = piece.markedSteps;
    for (const Instrument& in : instruments)
        for (const Note& note : in.notes)
            n = std::max(n, noteSteps(note, tpq, in.isDrums()).second + 1);
    if (n == 0) {
        roll.reason = "no notes";
        return roll;
    }
    // The method's bars first (so that windows and bar numbers agree), then the same rule on.
    const std::vector<Metre> metres = metresOf(piece);
    roll.barStarts = piece.barStarts;
    int64_t s = roll.barStarts.empty() ? 0 : nextBarStart(metres, roll.barStarts.back());
    for (; s < n; s = nextBarStart(metres, s)) {
        if (roll.bars() >= limits.maxBars) {
            roll.barStarts.clear();
            roll.reason = "too long (over " + std::to_string(limits.maxBars) + " bars)";
            return roll;
        }
        roll.barStarts.push_back(s);
    }
    roll.endStep = n;
    roll.steps = roll.bars() > limits.maxCellBars ? roll.barStarts[size_t(limits.maxCellBars)] : n;

    std::vector<std::vector<uint64_t>> cells;
    for (const Instrument& in : instruments) {
        AllPartsPart part{in.isDrums(), in.track, in.channel, in.program, 0};
        std::vector<uint64_t> w = partWords(in, tpq, roll.steps, part.cells);
        if (part.cells == 0)
            continue; // only drum notes outside the 9 classes, or notes past the kept bars
        roll.parts.push_back(part);
        cells.push_back(std::move(w));
    }
    const size_t wps = size_t(roll.wordsPerStep());
    roll.words.assign(size_t(roll.steps) * wps, 0);
    for (size_t p = 0; p < cells.size(); ++p)
        for (size_t st = 0; st < size_t(roll.steps); ++st)
            for (size_t k = 0; k < size_t(AllPartsRoll::kWordsPerPart); ++k)
                roll.words[st * wps + p * AllPartsRoll::kWordsPerPart + k] = cells[p][st * AllPartsRoll::kWordsPerPart + k];
    return roll;
}

std::vector<double> allPartsSimilarity(const AllPartsRoll& roll, int64_t bars)
{
    const size_t n = size_t(std::clamp<int64_t>(bars, 0, roll.bars()));
    const int64_t wps = roll.wordsPerStep();
    struct Span {
        const uint64_t* w;
        int64_t length; // in words
    };
    std::vector<Span> span(n);
    for (size_t i = 0; i < n; ++i) {
        const int64_t from = std::min(roll.barStarts[i], roll.steps);
        const int64_t to = std::min(roll.barEnd(int64_t(i)), roll.steps);
        span[i] = {roll.words.data() + from * wps, (to - from) * wps};
    }
    std::vector<int64_t> d(n * n, 0);
    int64_t maxD = 0;
    const XorCount count = xorCount();
    for (size_t i = 0; i < n; ++i)
        for (size_t j = i + 1; j < n; ++j) {
            const int64_t v = count(span[i].w, span[i].length, span[j].w, span[j].length);
            d[i * n + j] = d[j * n + i] = v;
            maxD = std::max(maxD, v);
        }
    std::vector<double> out(n * n);
    const double denom = double(maxD) + kCorrelationEpsilon;
    for (size_t i = 0; i < n * n; ++i)
        out[i] = 1.0 - double(d[i]) / denom;
    return out;
}

std::vector<bool> emptyBars(const AllPartsRoll& roll, int64_t bars)
{
    std::vector<bool> out(size_t(std::clamp<int64_t>(bars, 0, roll.bars())));
    for (size_t i = 0; i < out.size(); ++i)
        out[i] = roll.barCells(int64_t(i)) == 0;
    return out;
}

std::vector<bool> emptyBars(const std::vector<uint64_t>& stacked, const std::vector<int64_t>& barStarts, int64_t bars,
                            int64_t endStep)
{
    std::vector<bool> out(size_t(std::clamp<int64_t>(bars, 0, int64_t(barStarts.size()))), true);
    for (size_t i = 0; i < out.size(); ++i) {
        const int64_t to = std::min<int64_t>(i + 1 < barStarts.size() ? barStarts[i + 1] : endStep, int64_t(stacked.size()));
        for (int64_t s = barStarts[i]; s < to && out[i]; ++s)
            out[i] = stacked[size_t(s)] == 0;
    }
    return out;
}

} // namespace lm
