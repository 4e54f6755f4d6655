// The entry point of the module loopminer-cli-models: loopminer-cli dlopens
// it for train, score, generate and evaluate, and only for those.
#include "ModelCommands.h"

namespace lm::cli {

extern "C" __attribute__((visibility("default"))) int loopminer_model_command(int argc, char** argv)
{
    const std::string cmd = argv[1];
    if (cmd == "train")
        return runTrain(argc, argv);
    if (cmd == "score")
        return runScore(argc, argv);
    if (cmd == "generate")
        return runGenerate(argc, argv);
    if (cmd == "evaluate")
        return runEvaluate(argc, argv);
    if (cmd == "interpolate")
        return runInterpolate(argc, argv);
    if (cmd == "similar")
        return runSimilar(argc, argv);
    if (cmd == "map")
        return runMap(argc, argv);
    return usageError("unknown model command '" + cmd + "'");
}

} // namespace lm::cli
