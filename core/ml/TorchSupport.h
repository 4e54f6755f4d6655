#pragma once
// Internal to core/ml (.cpp files only): LibTorch helpers shared by the
// networks, the trainer and the model files. Never include outside core/ml.
#include "ModelFile.h"
#include "core/base/Fnv.h"

#include <torch/torch.h>

#include <functional>
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
    const uint64_t h = fnv1a64(p, size_t(c.numel()) * 4);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx-%lld", static_cast<unsigned long long>(h), static_cast<long long>(c.size(0)));
    return buf;
}

// The fixed train/validation split of a data set: a permutation from `seed`,
// `validationShare` of the rows (at least one) for validation.
inline void splitRows(const torch::Tensor& data, double validationShare, uint64_t seed, torch::Tensor& train,
                      torch::Tensor& val)
{
    torch::manual_seed(seed);
    const auto perm = torch::randperm(data.size(0), torch::kLong);
    const int64_t nVal = std::max<int64_t>(1, int64_t(std::llround(double(data.size(0)) * validationShare)));
    const int64_t nTrain = std::max<int64_t>(1, data.size(0) - nVal);
    train = data.index_select(0, perm.slice(0, 0, nTrain));
    val = data.size(0) > 1 ? data.index_select(0, perm.slice(0, nTrain)) : train;
}

// Writes a trained network: its weights under "model" (plus what `extra`
// adds) as the payload of a model file with `header`.
inline Result<bool> saveNetwork(const std::string& path, torch::nn::Module& net, QJsonObject header,
                                const std::function<void(torch::serialize::OutputArchive&)>& extra = {})
{
    torch::serialize::OutputArchive archive, model;
    net.save(model);
    archive.write("model", model);
    if (extra)
        extra(archive);
    ModelFile f;
    f.header = std::move(header);
    f.payload = archiveBytes(archive);
    return writeModelFile(path, f);
}

// Reads a network's weights (and what `extra` reads) from a checked model file.
inline Result<bool> loadNetwork(const std::string& path, const ModelFile& file, torch::nn::Module& net,
                                const std::function<void(torch::serialize::InputArchive&)>& extra = {})
{
    torch::serialize::InputArchive archive;
    if (auto r = loadArchive(archive, file.payload, path); !r)
        return r;
    return guardedLoad(path, [&] {
        torch::serialize::InputArchive model;
        archive.read("model", model);
        net.load(model);
        if (extra)
            extra(archive);
        net.eval();
    });
}

inline int64_t parameterCount(torch::nn::Module& m)
{
    int64_t n = 0;
    for (const auto& p : m.parameters())
        n += p.numel();
    return n;
}

} // namespace lm::ml
