// libFuzzer target: the Standard MIDI File reader, then the analysis of what it accepts.
#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/io/MidiReader.h"
#include "core/io/MidiWriter.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    auto midi = lm::parseMidi(data, size, "fuzz.mid");
    if (!midi.ok()) {
        if (midi.error().message.empty())
            std::abort(); // every error says what was wrong
        return 0;
    }
    const lm::PieceAnalysis a = lm::analysePiece(*midi);
    const auto windows = lm::computeWindows(a);
    if (!a.usable && !windows.empty())
        std::abort();
    // What the writer writes from an accepted file must read back.
    const auto bytes = lm::encodeMidi(*midi);
    if (!lm::parseMidi(bytes.data(), bytes.size(), "fuzz-rewritten.mid").ok())
        std::abort();
    return 0;
}
