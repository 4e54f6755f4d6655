#include "TorchInfo.h"

#include <torch/torch.h>

namespace lm::ml {

TorchInfo torchInfo()
{
    TorchInfo info;
    info.version = TORCH_VERSION;
    info.threads = torch::get_num_threads();
    info.cuda = torch::cuda::is_available();
    return info;
}

void setTorchThreads(int threads)
{
    if (threads > 0)
        torch::set_num_threads(threads);
}

} // namespace lm::ml
