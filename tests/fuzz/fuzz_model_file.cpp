// libFuzzer target: the checked model/checkpoint loader's container and header
// checks (ModelFile), which run before any byte reaches LibTorch.
#include "core/ml/ModelFile.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    for (const char* kind : {"detector", "vqvae", "prior"}) {
        auto f = lm::ml::decodeModelFile(data, size, "fuzz.lmm", kind);
        if (!f.ok()) {
            if (f.error().message.empty())
                std::abort();
            continue;
        }
        // What decodes encodes back to the same bytes' meaning.
        const auto again = lm::ml::encodeModelFile(*f);
        auto g = lm::ml::decodeModelFile(again.data(), again.size(), "again.lmm", kind);
        if (!g.ok() || g->payload != f->payload || g->header != f->header)
            std::abort();
    }
    return 0;
}
