#include "ModelFile.h"

#include "core/base/FileBytes.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cstring>

namespace lm::ml {

namespace {
constexpr char kMagic[8] = {'L', 'M', 'M', 'O', 'D', 'E', 'L', '1'};
constexpr uint64_t kMaxModelBytes = 1ull << 31; // 2 GiB: far above any model here

void putLe(std::vector<uint8_t>& out, uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.push_back(uint8_t(v >> (8 * i)));
}
uint64_t getLe(const uint8_t* p, int bytes)
{
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v |= uint64_t(p[i]) << (8 * i);
    return v;
}
} // namespace

std::vector<uint8_t> encodeModelFile(const ModelFile& file)
{
    QJsonObject header = file.header;
    header.insert(QStringLiteral("format"), kModelFormatVersion);
    const QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    std::vector<uint8_t> out(kMagic, kMagic + 8);
    putLe(out, uint64_t(json.size()), 4);
    out.insert(out.end(), json.begin(), json.end());
    putLe(out, uint64_t(file.payload.size()), 8);
    out.insert(out.end(), file.payload.begin(), file.payload.end());
    return out;
}

Result<ModelFile> decodeModelFile(const uint8_t* data, size_t size, const std::string& path, const std::string& kind)
{
    if (size < 8 || std::memcmp(data, kMagic, 8) != 0)
        return Error{path, 0, "not a loopminer model file"};
    if (size < 12)
        return Error{path, 8, "model file cut short in its header"};
    const uint64_t headerLen = getLe(data + 8, 4);
    if (headerLen > size - 12 || size - 12 - headerLen < 8)
        return Error{path, 8, "model file cut short (header length " + std::to_string(headerLen) + ")"};
    QJsonParseError perr{};
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char*>(data + 12), int(headerLen)), &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return Error{path, 12, "model header is not valid JSON: " + perr.errorString().toStdString()};
    ModelFile f;
    f.header = doc.object();
    if (f.header.value(QStringLiteral("format")).toInt() != kModelFormatVersion)
        return Error{path, 12, "model format " + std::to_string(f.header.value(QStringLiteral("format")).toInt())
                                   + " is not the supported " + std::to_string(kModelFormatVersion)};
    const std::string got = f.header.value(QStringLiteral("kind")).toString().toStdString();
    if (got != kind)
        return Error{path, 12, "expected a " + kind + " model, found " + (got.empty() ? "none" : "a " + got)};
    const size_t at = 12 + size_t(headerLen);
    const uint64_t payloadLen = getLe(data + at, 8);
    if (payloadLen != size - at - 8)
        return Error{path, static_cast<long long>(at), "model payload length " + std::to_string(payloadLen) + " does not match the file ("
                                              + std::to_string(size - at - 8) + " bytes follow)"};
    f.payload.assign(reinterpret_cast<const char*>(data + at + 8), reinterpret_cast<const char*>(data + size));
    return f;
}

Result<bool> writeModelFile(const std::string& path, const ModelFile& file)
{
    return writeFileAtomically(path, encodeModelFile(file));
}

Result<ModelFile> readModelFile(const std::string& path, const std::string& kind)
{
    auto bytes = readFileBytes(path, kMaxModelBytes);
    if (!bytes)
        return bytes.error();
    return decodeModelFile(bytes->data(), bytes->size(), path, kind);
}

} // namespace lm::ml
