#pragma once
// The user's models: every trained model is a folder under the data location
// ($XDG_DATA_HOME/loopminer/models/<name>, ~/.local/share by default;
// LOOPMINER_DATA_HOME replaces $XDG_DATA_HOME/loopminer, for tests and
// scripts), with its model files and a small model.json beside them (when
// it was made, what it learnt from, settings and metrics, the evaluation once
// run; written atomically). The bundled model is always listed as "default"
// and can be neither renamed nor deleted. One model is active (the name is
// kept in <root>/.active, so the CLI and the app agree); the bundled one when
// none is set or the set one is gone. No Torch: model headers are read as
// bytes and JSON.
#include "core/base/Result.h"

#include <QJsonObject>

#include <optional>
#include <string>
#include <vector>

namespace lm {

struct ModelInfo {
    std::string name;
    std::string dir;
    bool bundled = false;
    bool active = false;
    QJsonObject info;                 // model.json merged with the model files' headers (see below)
    std::vector<std::string> parts;   // finished networks: "detector", "vqvae", "prior"
    std::vector<std::string> pending; // networks with a checkpoint but no finished file (resumable)

    bool has(const std::string& part) const;
    bool resumable() const { return !pending.empty(); }
    // info["parts"][part][key] as a number, if present.
    std::optional<double> metric(const std::string& part, const std::string& key) const;
};
// info: {"created": ISO date, "loops": n, "selection": words, "data": fingerprint,
//        "parts": {"detector": {"settings", "data", "threshold", "windows", ...},
//                  "vqvae": {"settings", "hamming_error", "perplexity", "val_loss", ...},
//                  "prior": {"settings", "val_loss", ...}},
//        "plan": what a training of this folder was asked to do (for a resume),
//        "evaluation": the evaluation table, once run}

class ModelStore {
public:
    static constexpr const char* kBundledName = "default";
    static constexpr const char* kInfoFile = "model.json";

    // `root`: the folder of the user's models; `bundledDir`: the bundled model.
    ModelStore(std::string root, std::string bundledDir);
    // The user's store and this installation's bundled model.
    static ModelStore user();
    // LOOPMINER_DATA_HOME/models, else $XDG_DATA_HOME/loopminer/models, else ~/.local/share/loopminer/models.
    static std::string userRoot();

    const std::string& root() const { return root_; }
    // The bundled model first, then the user's by name.
    std::vector<ModelInfo> list() const;
    std::optional<ModelInfo> find(const std::string& name) const;
    std::string activeName() const; // the bundled one when none is set or the set one is gone
    std::string activeDir() const;
    Result<bool> activate(const std::string& name);
    Result<bool> rename(const std::string& from, const std::string& to);
    Result<bool> remove(const std::string& name);
    // Makes a new, empty model folder named after `base` (made unique: "base 2", ...); its name.
    Result<std::string> create(const std::string& base);
    // Merges `fields` into the model's model.json (atomically); not for the bundled model.
    Result<bool> updateInfo(const std::string& name, const QJsonObject& fields);
    // Sets info["parts"][part] (merged with what is there).
    Result<bool> updatePart(const std::string& name, const std::string& part, const QJsonObject& fields);
    // An error naming the problem when `name` cannot be a model's folder name.
    std::optional<std::string> badName(const std::string& name) const;

private:
    ModelInfo read(const std::string& name, const std::string& dir, bool bundled) const;

    std::string root_;
    std::string bundledDir_;
};

// The header of a model or checkpoint file (LMMODEL1 container), without its payload.
Result<QJsonObject> readModelHeader(const std::string& path);

} // namespace lm
