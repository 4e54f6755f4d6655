#pragma once
// The constants of the loop representation (method.md section 1).
#include <array>
#include <cstdint>

namespace lm::format {

constexpr int kStepsPerQuarter = 4;
constexpr int kStepsPerBar = 16;           // a 4/4 bar on the 16th grid
constexpr int kBarsPerWindow = 8;
constexpr int kWindowSteps = kStepsPerBar * kBarsPerWindow; // 128
constexpr int kFineTicksPerQuarter = 24;   // the fine grid cells are placed through
constexpr int kFinePerStep = kFineTicksPerQuarter / kStepsPerQuarter; // 6

constexpr int kDrumRows = 9;
constexpr int kBassRows = 48;
constexpr int kRows = kDrumRows + kBassRows; // 57
constexpr int kBassLowestPitch = 24;       // row 9 is pitch 24, row 56 is pitch 71
constexpr int kDrumChannel = 9;            // MIDI channel 10
constexpr int kBassProgramFirst = 32;
constexpr int kBassProgramLast = 39;
constexpr int kMinCellsPerPart = 32;       // a window is kept when both parts reach this
constexpr int kCorrelationPairs = kBarsPerWindow * (kBarsPerWindow - 1) / 2; // 28
constexpr double kCorrelationEpsilon = 1e-5;

// GM drum note -> drum row, or -1 when the note is dropped.
constexpr std::array<int8_t, 128> makeDrumMap()
{
    std::array<int8_t, 128> m{};
    for (auto& v : m)
        v = -1;
    m[35] = m[36] = 0;                   // kick
    m[37] = m[38] = m[39] = m[40] = 1;   // snare
    m[42] = m[44] = 2;                   // closed hi-hat
    m[41] = m[43] = m[45] = 3;           // low tom
    m[46] = 4;                           // open hi-hat
    m[47] = m[48] = 5;                   // mid tom
    m[49] = m[55] = m[57] = 6;           // crash
    m[50] = 7;                           // high tom
    m[51] = m[59] = 8;                   // ride
    return m;
}
constexpr std::array<int8_t, 128> kDrumMap = makeDrumMap();

// The note each drum row plays when a roll is played or exported.
constexpr std::array<uint8_t, kDrumRows> kDrumOutputNote = {35, 38, 42, 45, 46, 48, 49, 50, 51};
constexpr std::array<const char*, kDrumRows> kDrumRowName = {
    "Kick", "Snare", "Closed hi-hat", "Low tom", "Open hi-hat", "Mid tom", "Crash", "High tom", "Ride"};

} // namespace lm::format
