#pragma once
// What LibTorch build loopminer runs on; the only door to Torch for now.
#include <string>

namespace lm::ml {

struct TorchInfo {
    std::string version;  // e.g. "1.13.1"
    int threads = 0;      // intra-op threads LibTorch will use
    bool cuda = false;
};

TorchInfo torchInfo();

// Sets LibTorch's intra-op threads (it uses one by default on this platform).
void setTorchThreads(int threads);

} // namespace lm::ml
