#pragma once
// The settings a first model set is trained with when the user changes none
// (the Training view's defaults): a detector, a VQ-VAE and a prior from a
// library of about 2,000 mined loops in under 10 minutes on a 2-core machine
// (bench/train_bench measures it). The paper's own settings (VqVaeSettings{},
// PriorSettings{}: 500 and 100 epochs at batch 2048, a 4 x 512 prior) are
// for a server; these are for a laptop. Plain types only.
#include "CodePrior.h"
#include "LoopDetector.h"
#include "VqVae.h"

namespace lm::ml {

struct ModelSetSettings {
    DetectorSettings detector;
    VqVaeSettings vqvae;
    PriorSettings prior;
};

inline ModelSetSettings firstModelSetSettings()
{
    ModelSetSettings s;
    s.detector.autoencoderEpochs = 60;
    s.detector.svddEpochs = 60;
    s.vqvae.codes = 512;
    s.vqvae.epochs = 40;
    s.vqvae.batch = 64;
    s.prior.layers = 2;
    s.prior.hidden = 256;
    s.prior.epochs = 40;
    s.prior.batch = 64;
    return s;
}

} // namespace lm::ml
