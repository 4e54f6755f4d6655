// What the latent-space features share: the stamp of a model's VQ-VAE, and one
// loop file read as a 128-step roll.
#include "LatentLoops.h"

#include "core/analysis/PieceAnalysis.h"
#include "core/analysis/Windows.h"
#include "core/io/MidiReader.h"
#include "core/model/LoopFormat.h"

#include <filesystem>

namespace lm {

std::string latentStamp(const std::string& modelDir)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path file = fs::path(modelDir) / "vqvae.lmm";
    const auto size = fs::file_size(file, ec);
    if (ec)
        return {};
    const auto time = fs::last_write_time(file, ec);
    if (ec)
        return {};
    return std::to_string(size) + ":" + std::to_string(time.time_since_epoch().count());
}

Result<std::vector<uint64_t>> readLoopRoll(const std::string& path)
{
    auto midi = readMidiFile(path);
    if (!midi)
        return midi.error();
    const PieceAnalysis piece = analysePiece(*midi);
    if (!piece.usable)
        return Error{path, -1, piece.reason};
    const int64_t bars = piece.bars();
    if (bars >= format::kBarsPerWindow)
        return windowSteps(piece, 0);
    if (bars == 1 || bars == 2 || bars == 4)
        return repeatToWindow(piece.roll.stackedSteps(), bars);
    return Error{path, -1, std::to_string(bars) + " bars: a loop file needs 1, 2, 4, or at least 8 bars"};
}

} // namespace lm
