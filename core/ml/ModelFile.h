#pragma once
// The one container for model and checkpoint files, and its checked loader.
//
//   "LMMODEL1"  uint32 LE header length  header (JSON, UTF-8)
//               uint64 LE payload length payload (a LibTorch archive)
//
// The header names the kind of network ("detector", "vqvae", "prior"), the
// format version, the settings that shape the network and the training state;
// the loader checks all of that, and the lengths against the file, before the
// payload reaches LibTorch. No Torch here: plain bytes and JSON.
#include "core/base/Result.h"

#include <QJsonObject>

#include <cstdint>
#include <string>
#include <vector>

namespace lm::ml {

constexpr int kModelFormatVersion = 1;

struct ModelFile {
    QJsonObject header;            // always has "kind" and "format"
    std::vector<char> payload;
};

std::vector<uint8_t> encodeModelFile(const ModelFile& file);
// `path` names the file in messages. `kind`: what the caller expects.
Result<ModelFile> decodeModelFile(const uint8_t* data, size_t size, const std::string& path, const std::string& kind);

// Whole-file helpers (the write goes through a temp file and a rename).
Result<bool> writeModelFile(const std::string& path, const ModelFile& file);
Result<ModelFile> readModelFile(const std::string& path, const std::string& kind);

} // namespace lm::ml
