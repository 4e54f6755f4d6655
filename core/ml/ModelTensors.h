#pragma once
// Every tensor a model or checkpoint file holds, by name ("model.e1.weight",
// "model.e0.bn.running_mean", "centre"), as float values: what a comparison of
// two trainings needs (the data-parallel tests, a notebook). Plain types.
#include "core/base/Result.h"

#include <map>
#include <string>
#include <vector>

namespace lm::ml {

using NamedTensors = std::map<std::string, std::vector<double>>;

// `kind`: the model file's kind ("detector", "vqvae", "prior").
Result<NamedTensors> readModelTensors(const std::string& path, const std::string& kind);

// The largest absolute difference between the same tensors of a and b, with
// the tensor's name; an error when their names or sizes differ.
struct TensorDifference {
    double maxAbs = 0;
    std::string where;
};
Result<TensorDifference> largestDifference(const NamedTensors& a, const NamedTensors& b);

} // namespace lm::ml
