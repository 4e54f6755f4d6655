#pragma once
// Data-parallel training over several processes (plain types; no Torch):
// which process this is, how many train together and where they meet.
// Distributed.h (internal to core/ml) does the work with LibTorch's c10d.
#include <string>

namespace lm::ml {

struct DistributedOptions {
    int worldSize = 1;         // processes that train one model together; 1: alone
    int rank = 0;              // this process, 0 .. worldSize - 1; rank 0 writes the files
    std::string host;          // the master: where rank 0 keeps the rendezvous (a TCPStore)
    int port = 0;
    int timeoutSeconds = 300;  // meeting the others, and every exchange after, gives up after this

    bool active() const { return worldSize > 1; }
    bool writesFiles() const { return rank == 0; }
    std::string master() const { return host + ":" + std::to_string(port); }
};

} // namespace lm::ml
