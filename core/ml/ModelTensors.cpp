#include "ModelTensors.h"

#include "TorchSupport.h"

#include <cmath>
#include <limits>

namespace lm::ml {

namespace {

void collect(torch::serialize::InputArchive& archive, const std::string& prefix, NamedTensors& out)
{
    for (const std::string& key : archive.keys()) {
        torch::Tensor t;
        if (archive.try_read(key, t)) {
            const torch::Tensor d = t.detach().to(torch::kFloat64).contiguous().reshape({-1});
            out[prefix + key] = std::vector<double>(d.data_ptr<double>(), d.data_ptr<double>() + d.numel());
            continue;
        }
        torch::serialize::InputArchive sub;
        if (archive.try_read(key, sub))
            collect(sub, prefix + key + ".", out);
    }
}

} // namespace

Result<NamedTensors> readModelTensors(const std::string& path, const std::string& kind)
{
    auto file = readModelFile(path, kind);
    if (!file)
        return file.error();
    torch::serialize::InputArchive archive;
    if (auto r = loadArchive(archive, file->payload, path); !r)
        return r.error();
    NamedTensors out;
    auto read = guardedLoad(path, [&] { collect(archive, "", out); });
    if (!read)
        return read.error();
    return out;
}

Result<TensorDifference> largestDifference(const NamedTensors& a, const NamedTensors& b)
{
    TensorDifference d;
    for (const auto& [name, values] : a) {
        const auto it = b.find(name);
        if (it == b.end() || it->second.size() != values.size())
            return Error{"", -1, "tensor " + name + (it == b.end() ? " is missing" : " has another size") + " in the second"};
        for (size_t i = 0; i < values.size(); ++i) {
            double diff = std::abs(values[i] - it->second[i]);
            if (std::isnan(diff))
                diff = std::numeric_limits<double>::infinity(); // a NaN on one side is as far as it gets
            if (diff > d.maxAbs || d.where.empty()) {
                d.maxAbs = std::max(d.maxAbs, diff);
                d.where = name;
            }
        }
    }
    if (a.size() != b.size())
        return Error{"", -1, "the second has " + std::to_string(b.size()) + " tensors, the first " + std::to_string(a.size())};
    return d;
}

} // namespace lm::ml
