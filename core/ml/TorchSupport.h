#pragma once
// Internal to core/ml (.cpp files only): LibTorch helpers shared by the
// networks, the trainer and the model files. Never include outside core/ml.
#include "ModelFile.h"

#include <torch/torch.h>

#include <string>

namespace lm::ml {

// Cosine annealing from lr to lrMin over `epochs` (method.md 4-6), epoch 0-based.
inline double cosineLr(int epoch, int epochs, double lr, double lrMin)
{
    if (epochs <= 1)
        return lr;
    return lrMin + (lr - lrMin) * 0.5 * (1.0 + std::cos(M_PI * double(epoch) / double(epochs)));
}

inline std::vector<char> archiveBytes(torch::serialize::OutputArchive& archive)
{
    std::vector<char> out;
    archive.save_to([&out](const void* data, size_t n) {
        const char* p = static_cast<const char*>(data);
        out.insert(out.end(), p, p + n);
        return n;
    });
    return out;
}

// Loads an archive from bytes; LibTorch's exceptions become an Error naming the file.
inline Result<bool> loadArchive(torch::serialize::InputArchive& archive, const std::vector<char>& bytes,
                                const std::string& path)
{
    try {
        archive.load_from(bytes.data(), bytes.size());
    } catch (const std::exception& e) {
        std::string m = e.what();
        m = m.substr(0, m.find('\n'));
        return Error{path, -1, "model data unreadable: " + m};
    }
    return true;
}

// Runs `f` (which reads tensors out of an archive into modules); a shape or
// key mismatch becomes an Error instead of an exception.
template <typename F>
Result<bool> guardedLoad(const std::string& path, F&& f)
{
    try {
        f();
    } catch (const std::exception& e) {
        std::string m = e.what();
        m = m.substr(0, m.find('\n'));
        return Error{path, -1, "model does not match its network: " + m};
    }
    return true;
}

// FNV-1a over the bytes of a float tensor (contiguous, CPU): a fingerprint of training data.
inline std::string fingerprint(const torch::Tensor& t)
{
    const torch::Tensor c = t.contiguous().to(torch::kFloat32);
    const auto* p = reinterpret_cast<const uint8_t*>(c.data_ptr<float>());
    uint64_t h = 1469598103934665603ull;
    for (int64_t i = 0; i < c.numel() * 4; ++i) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx-%lld", static_cast<unsigned long long>(h), static_cast<long long>(c.size(0)));
    return buf;
}

inline int64_t parameterCount(torch::nn::Module& m)
{
    int64_t n = 0;
    for (const auto& p : m.parameters())
        n += p.numel();
    return n;
}

} // namespace lm::ml
