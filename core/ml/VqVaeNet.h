#pragma once
// Internal to core/ml: the VQ-VAE's LibTorch modules (method.md section 5).
#include "Distributed.h"
#include "TorchSupport.h"
#include "VqVae.h"

namespace lm::ml {

// Conv1d (no bias) + BatchNorm1d + LeakyReLU 0.2.
struct BlockImpl : torch::nn::Module {
    torch::nn::Conv1d conv{nullptr};
    torch::nn::BatchNorm1d bn{nullptr};
    BlockImpl(int in, int out, int stride = 1)
    {
        conv = register_module("conv", torch::nn::Conv1d(torch::nn::Conv1dOptions(in, out, 3).padding(1).stride(stride).bias(false)));
        bn = register_module("bn", torch::nn::BatchNorm1d(out));
    }
    torch::Tensor forward(const torch::Tensor& x) { return torch::leaky_relu(batchNorm(bn, conv(x)), 0.2); }
};
TORCH_MODULE(Block);

// Conv1d + BN + LeakyReLU 0.2 + Conv1d + BN, plus the input.
struct ResidualImpl : torch::nn::Module {
    torch::nn::Conv1d c1{nullptr}, c2{nullptr};
    torch::nn::BatchNorm1d b1{nullptr}, b2{nullptr};
    explicit ResidualImpl(int ch)
    {
        c1 = register_module("c1", torch::nn::Conv1d(torch::nn::Conv1dOptions(ch, ch, 3).padding(1).bias(false)));
        b1 = register_module("b1", torch::nn::BatchNorm1d(ch));
        c2 = register_module("c2", torch::nn::Conv1d(torch::nn::Conv1dOptions(ch, ch, 3).padding(1).bias(false)));
        b2 = register_module("b2", torch::nn::BatchNorm1d(ch));
    }
    torch::Tensor forward(const torch::Tensor& x) { return x + batchNorm(b2, c2(torch::leaky_relu(batchNorm(b1, c1(x)), 0.2))); }
};
TORCH_MODULE(Residual);

// The encoder and decoder of method.md 5, shared by the VQ-VAE and the CNN-VAE
// baseline (method.md 8: "same encoder and decoder"). The encoder's last
// convolution gives `encoderOut` channels: 16 for the VQ-VAE; 32 for the
// CNN-VAE (its mean and log-variance, 16 each). The decoder takes 16 x 32.
struct LoopCodecImpl : torch::nn::Module {
    Block e0{nullptr}, e1{nullptr}, e3{nullptr}, d0{nullptr}, d1{nullptr}, d3{nullptr};
    Residual e2{nullptr}, e4{nullptr}, d2{nullptr}, d4{nullptr};
    torch::nn::Conv1d eOut{nullptr}, dOut{nullptr};

    explicit LoopCodecImpl(int encoderOut = kLatentDim)
    {
        e0 = register_module("e0", Block(57, 128));
        e1 = register_module("e1", Block(128, 128, 2));
        e2 = register_module("e2", Residual(128));
        e3 = register_module("e3", Block(128, 128, 2));
        e4 = register_module("e4", Residual(128));
        eOut = register_module("eOut", torch::nn::Conv1d(torch::nn::Conv1dOptions(128, encoderOut, 3).padding(1)));
        d0 = register_module("d0", Block(kLatentDim, 128));
        d1 = register_module("d1", Block(128, 128));
        d2 = register_module("d2", Residual(128));
        d3 = register_module("d3", Block(128, 128));
        d4 = register_module("d4", Residual(128));
        dOut = register_module("dOut", torch::nn::Conv1d(torch::nn::Conv1dOptions(128, 57, 3).padding(1)));
    }
    torch::Tensor encode(const torch::Tensor& x) // B x 57 x 128 -> B x encoderOut x 32
    {
        return eOut(e4(e3(e2(e1(e0(x))))));
    }
    torch::Tensor decode(const torch::Tensor& zq) // B x 16 x 32 -> B x 57 x 128 probabilities
    {
        auto up = [](const torch::Tensor& t) {
            return torch::nn::functional::interpolate(
                t, torch::nn::functional::InterpolateFuncOptions().scale_factor(std::vector<double>{2.0}).mode(torch::kNearest));
        };
        auto h = torch::leaky_relu(d0(zq), 0.2);
        h = d2(d1(up(h)));
        h = d4(d3(up(h)));
        return torch::sigmoid(dOut(h));
    }
};

struct VqVaeNetImpl : LoopCodecImpl {
    torch::Tensor codebook, emaSum, counts; // buffers: K x 16, K x 16, K
    int codes;

    explicit VqVaeNetImpl(int k) : codes(k)
    {
        codebook = register_buffer("codebook", torch::randn({k, kLatentDim}));
        emaSum = register_buffer("emaSum", codebook.clone());
        counts = register_buffer("counts", torch::ones({k}));
    }
    // Nearest code of each latent vector: flat N x 16 -> N indices.
    torch::Tensor nearest(const torch::Tensor& flat)
    {
        const auto d = flat.pow(2).sum(1, true) - 2 * flat.matmul(codebook.t()) + codebook.pow(2).sum(1).unsqueeze(0);
        return d.argmin(1);
    }
    torch::Tensor lookup(const torch::Tensor& idx) // B x 32 -> B x 16 x 32
    {
        return codebook.index_select(0, idx.reshape({-1})).reshape({idx.size(0), kLatentSteps, kLatentDim}).permute({0, 2, 1});
    }
};
TORCH_MODULE(VqVaeNet);

// The EMA codebook update and dead-code restart on flat encoder outputs (N x D).
void emaStep(torch::Tensor& codebook, torch::Tensor& emaSum, torch::Tensor& counts, const torch::Tensor& flat,
             const torch::Tensor& idx, double decay, double epsilon);

torch::Tensor rollsToTensor(const std::vector<Roll>& rolls); // N x 57 x 128 float
std::vector<Roll> tensorToRolls(const torch::Tensor& probs);  // cells at p >= 0.5

} // namespace lm::ml
