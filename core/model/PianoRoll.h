#pragma once
// A piano roll on the 16th-note grid as a list of parts (drums, bass, and
// later further pitched parts). Each step of a part is a bit mask of its rows,
// so a part has at most 64 rows.
#include <cstdint>
#include <string>
#include <vector>

namespace lm {

enum class PartKind { Drums, Pitched };

struct Part {
    PartKind kind = PartKind::Pitched;
    std::string name;
    int rowCount = 0;
    int lowestPitch = 0;       // Pitched: MIDI pitch of row 0
    int program = 0;           // GM program the part came from (or plays with)
    int channel = 0;           // source / playback channel (0-based)
    std::vector<uint64_t> steps; // one mask per step; bit r = row r active

    bool cell(int row, int64_t step) const
    {
        return step >= 0 && step < int64_t(steps.size()) && (steps[size_t(step)] >> row) & 1u;
    }
    void set(int row, int64_t step) { steps[size_t(step)] |= uint64_t(1) << row; }
    int64_t activeCells(int64_t from, int64_t to) const; // cells in steps [from, to)
};

struct PianoRoll {
    int64_t steps = 0;
    std::vector<Part> parts;

    const Part* find(PartKind kind) const;
    // The parts' rows stacked in part order, as one mask per step, as long as
    // a whole part fits in the 64 bits: drums + bass give the method's 57 rows,
    // and a further part (keys, 48 rows) is left out, never cut, so that what
    // the models and the bar correlation read stays drums + bass.
    std::vector<uint64_t> stackedSteps() const;
    int totalRows() const;
};

} // namespace lm
