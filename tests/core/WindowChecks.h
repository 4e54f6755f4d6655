#pragma once
// Outside checks of a piece's analysis and windows, for the mutation and fuzz
// tests: each is recomputed here from method.md's definitions on the stacked roll
// (windowSteps), not with the code that made the windows, and a MIDI file written
// back by the writer must read as the same piece.
#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/io/MidiReader.h"
#include "core/io/MidiWriter.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace lm::test {

// "" when the windows are what method.md section 2 says for this piece, else what is wrong.
inline std::string windowProblems(const PieceAnalysis& a, const std::vector<WindowInfo>& windows)
{
    if (!a.usable)
        return a.reason.empty() ? "not usable, with no reason" : windows.empty() ? "" : "windows of a piece not usable";
    if (!a.reason.empty())
        return "usable, with a reason: " + a.reason;
    // 4/4: a window at every bar b with 16 b + 128 <= n (n = marked steps). Other
    // metres (method.md 10.2): at every bar start s whose metre (the last time
    // signature at or before s, else 4/4) gives bars of L = 16 num / den steps,
    // when s + 8 L <= n and no time signature starts inside (s, s + 8 L).
    const int64_t n = a.markedSteps;
    struct Expected { int64_t bar, first; int length; };
    std::vector<Expected> expected;
    if (a.allFourFour) {
        for (int64_t b = 0; 16 * b + 128 <= n; ++b)
            expected.push_back({b, 16 * b, 16});
    } else {
        std::vector<std::pair<int64_t, int>> metres; // (step, bar length)
        for (const TimeSignature& t : a.timeSignatures)
            metres.push_back({fineOnset(t.tick, a.ticksPerQuarter) / 6,
                              t.denominator > 0 ? std::max(1, int(std::lround(16.0 * t.numerator / t.denominator))) : 16});
        for (size_t b = 0; b < a.barStarts.size(); ++b) {
            const int64_t s = a.barStarts[b];
            int length = 16;
            for (const auto& [step, len] : metres)
                if (step <= s)
                    length = len;
            bool inside = false;
            for (const auto& m : metres)
                inside = inside || (m.first > s && m.first < s + 8 * length);
            if (s + 8 * length <= n && !inside)
                expected.push_back({int64_t(b), s, length});
        }
    }
    if (windows.size() != expected.size())
        return std::to_string(windows.size()) + " windows for " + std::to_string(n) + " steps";
    const std::vector<uint64_t> stacked = a.roll.stackedSteps();
    for (size_t i = 0; i < windows.size(); ++i) {
        const WindowInfo& w = windows[i];
        const std::string at = "window " + std::to_string(i) + ": ";
        const int L = expected[i].length;
        if (w.startBar != expected[i].bar || w.firstStep != expected[i].first || w.barSteps != L)
            return at + "starts at bar " + std::to_string(w.startBar) + " (" + std::to_string(w.barSteps) + "-step bars)";
        // 57 rows: the 9 drum rows in the low bits, then the 48 bass rows.
        std::vector<uint64_t> steps(size_t(8 * L), 0);
        for (int64_t k = 0; k < 8 * L; ++k)
            if (expected[i].first + k < int64_t(stacked.size()))
                steps[size_t(k)] = stacked[size_t(expected[i].first + k)];
        int64_t drums = 0, bass = 0;
        for (uint64_t m : steps) {
            drums += __builtin_popcountll(m & 0x1FFull);
            bass += __builtin_popcountll(m >> 9);
        }
        if (w.drumCells != drums || w.bassCells != bass)
            return at + "cells " + std::to_string(w.drumCells) + "+" + std::to_string(w.bassCells) + ", counted "
                   + std::to_string(drums) + "+" + std::to_string(bass);
        if (w.kept != (drums >= 32 && bass >= 32))
            return at + "kept is wrong for " + std::to_string(drums) + "+" + std::to_string(bass) + " cells";
        // Bar correlations: in [0, 1], exactly 1 where the two bars are the same.
        size_t p = 0;
        for (int x = 0; x < 8; ++x)
            for (int y = x + 1; y < 8; ++y, ++p) {
                bool same = true;
                for (int s = 0; s < L; ++s)
                    same = same && steps[size_t(L * x + s)] == steps[size_t(L * y + s)];
                const double v = w.correlation[p];
                if (!(v >= 0 && v <= 1) || (v == 1.0) != same)
                    return at + "bars " + std::to_string(x) + "," + std::to_string(y) + (same ? " alike" : " differ")
                           + ", correlation " + std::to_string(v);
            }
    }
    return {};
}

// "" when `file`, written by the writer and read again, is the same piece with the
// same windows, else what differs.
inline std::string roundTripProblems(const MidiFile& file, const PieceAnalysis& a, const std::vector<WindowInfo>& windows)
{
    const std::vector<uint8_t> bytes = encodeMidi(file);
    auto again = parseMidi(bytes.data(), bytes.size(), "rewritten.mid");
    if (!again)
        return "written back, it does not read: " + again.error().toString();
    const PieceAnalysis b = analysePiece(*again);
    if (b.usable != a.usable || b.reason != a.reason || b.markedSteps != a.markedSteps || b.barStarts != a.barStarts
        || b.ticksPerQuarter != a.ticksPerQuarter)
        return "written back, it reads as another piece (" + b.reason + ")";
    const std::vector<WindowInfo> v = computeWindows(b);
    if (v.size() != windows.size())
        return "written back, it has " + std::to_string(v.size()) + " windows, not " + std::to_string(windows.size());
    for (size_t i = 0; i < v.size(); ++i)
        if (v[i].startBar != windows[i].startBar || v[i].drumCells != windows[i].drumCells
            || v[i].bassCells != windows[i].bassCells || v[i].kept != windows[i].kept
            || v[i].correlation != windows[i].correlation)
            return "written back, window " + std::to_string(i) + " differs";
    return {};
}

} // namespace lm::test
