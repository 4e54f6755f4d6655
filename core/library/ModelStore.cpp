#include "ModelStore.h"

#include "core/base/DataPaths.h"
#include "core/base/FileBytes.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>

namespace lm {

namespace fs = std::filesystem;

namespace {

const char* const kParts[] = {"detector", "vqvae", "prior", "cnnvae"};
constexpr const char* kActiveFile = ".active";

QString q(const std::string& s) { return QString::fromStdString(s); }

// The header fields worth showing; the rest (history, first codes) stays in the file.
QJsonObject summaryOf(const QJsonObject& header)
{
    QJsonObject out;
    for (const char* key : {"settings", "data", "threshold", "windows", "loops", "parameters"})
        if (header.contains(QLatin1String(key)))
            out.insert(QLatin1String(key), header.value(QLatin1String(key)));
    return out;
}

QJsonObject readJson(const std::string& path)
{
    QFile f(q(path));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

Result<bool> writeJson(const std::string& path, const QJsonObject& o)
{
    const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Indented);
    return writeFileAtomically(path, std::vector<uint8_t>(bytes.begin(), bytes.end()));
}

std::string readText(const std::string& path)
{
    QFile f(q(path));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).trimmed().toStdString();
}

} // namespace

bool ModelInfo::has(const std::string& part) const { return std::find(parts.begin(), parts.end(), part) != parts.end(); }

std::optional<double> ModelInfo::metric(const std::string& part, const std::string& key) const
{
    const QJsonValue v = info.value(QStringLiteral("parts")).toObject().value(q(part)).toObject().value(q(key));
    if (!v.isDouble())
        return std::nullopt;
    return v.toDouble();
}

Result<QJsonObject> readModelHeader(const std::string& path)
{
    QFile f(q(path));
    if (!f.open(QIODevice::ReadOnly))
        return Error{path, -1, "cannot read: " + f.errorString().toStdString()};
    const QByteArray head = f.read(12);
    if (head.size() < 12 || !head.startsWith("LMMODEL1"))
        return Error{path, 0, "not a loopminer model file"};
    uint32_t len = 0;
    for (int i = 0; i < 4; ++i)
        len |= uint32_t(uint8_t(head[8 + i])) << (8 * i);
    if (len > 64u << 20 || qint64(len) > f.size() - 12)
        return Error{path, 8, "model file cut short (header length " + std::to_string(len) + ")"};
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(qint64(len)));
    if (!doc.isObject())
        return Error{path, 12, "model header is not valid JSON"};
    return doc.object();
}

ModelStore::ModelStore(std::string root, std::string bundledDir) : root_(std::move(root)), bundledDir_(std::move(bundledDir)) {}

std::string ModelStore::userRoot()
{
    if (const char* home = std::getenv("LOOPMINER_DATA_HOME"); home && *home)
        return (fs::path(home) / "models").string();
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg && fs::path(xdg).is_absolute())
        return (fs::path(xdg) / "loopminer" / "models").string();
    const char* home = std::getenv("HOME");
    return (fs::path(home && *home ? home : ".") / ".local" / "share" / "loopminer" / "models").string();
}

ModelStore ModelStore::user() { return ModelStore(userRoot(), defaultModelDir()); }

ModelInfo ModelStore::read(const std::string& name, const std::string& dir, bool bundled) const
{
    ModelInfo m;
    m.name = name;
    m.dir = dir;
    m.bundled = bundled;
    m.info = readJson((fs::path(dir) / kInfoFile).string());
    QJsonObject parts = m.info.value(QStringLiteral("parts")).toObject();
    for (const char* part : kParts) {
        const fs::path file = fs::path(dir) / (std::string(part) + ".lmm");
        std::error_code ec;
        if (fs::exists(file, ec)) {
            m.parts.push_back(part);
            if (auto header = readModelHeader(file.string())) {
                QJsonObject merged = summaryOf(*header);
                const QJsonObject written = parts.value(QLatin1String(part)).toObject();
                for (auto it = written.begin(); it != written.end(); ++it)
                    merged.insert(it.key(), it.value());
                parts.insert(QLatin1String(part), merged);
            }
        } else if (fs::exists(fs::path(dir) / (std::string(part) + ".ckpt"), ec)) {
            m.pending.push_back(part);
        }
    }
    // A plan that was not finished is pending too, even before its first checkpoint.
    for (const QJsonValue& v : m.info.value(QStringLiteral("plan")).toObject().value(QStringLiteral("parts")).toArray()) {
        const std::string part = v.toString().toStdString();
        if (!m.has(part) && std::find(m.pending.begin(), m.pending.end(), part) == m.pending.end())
            m.pending.push_back(part);
    }
    m.info.insert(QStringLiteral("parts"), parts);
    if (!m.info.contains(QStringLiteral("created"))) {
        std::error_code ec;
        const auto t = fs::last_write_time(dir, ec);
        if (!ec) {
            const auto sys = std::chrono::time_point_cast<std::chrono::seconds>(
                t - fs::file_time_type::clock::now() + std::chrono::system_clock::now());
            m.info.insert(QStringLiteral("created"), QDateTime::fromSecsSinceEpoch(sys.time_since_epoch().count(), Qt::UTC)
                                                         .toString(Qt::ISODate));
        }
    }
    return m;
}

std::vector<ModelInfo> ModelStore::list() const
{
    std::vector<ModelInfo> out;
    const std::string active = activeName();
    out.push_back(read(kBundledName, bundledDir_, true));
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(root_, ec)) {
        const std::string n = e.path().filename().string();
        if (e.is_directory(ec) && !badName(n))
            names.push_back(n);
    }
    std::sort(names.begin(), names.end());
    for (const std::string& n : names)
        out.push_back(read(n, (fs::path(root_) / n).string(), false));
    for (ModelInfo& m : out)
        m.active = m.name == active;
    return out;
}

std::optional<ModelInfo> ModelStore::find(const std::string& name) const
{
    if (name == kBundledName)
        return read(kBundledName, bundledDir_, true);
    std::error_code ec;
    if (badName(name) || !fs::is_directory(fs::path(root_) / name, ec))
        return std::nullopt;
    ModelInfo m = read(name, (fs::path(root_) / name).string(), false);
    m.active = activeName() == name;
    return m;
}

std::string ModelStore::activeName() const
{
    const std::string set = readText((fs::path(root_) / kActiveFile).string());
    std::error_code ec;
    if (set.empty() || set == kBundledName || badName(set) || !fs::is_directory(fs::path(root_) / set, ec))
        return kBundledName;
    return set;
}

std::string ModelStore::activeDir() const
{
    const std::string name = activeName();
    return name == kBundledName ? bundledDir_ : (fs::path(root_) / name).string();
}

Result<bool> ModelStore::activate(const std::string& name)
{
    if (!find(name))
        return Error{root_, -1, "no model named '" + name + "'"};
    std::error_code ec;
    fs::create_directories(root_, ec);
    const std::string text = name + "\n";
    return writeFileAtomically((fs::path(root_) / kActiveFile).string(), std::vector<uint8_t>(text.begin(), text.end()));
}

std::optional<std::string> ModelStore::badName(const std::string& name) const
{
    if (name.empty())
        return "a model needs a name";
    if (name == kBundledName)
        return "'default' is the bundled model's name";
    if (name.size() > 64)
        return "a model name has at most 64 characters";
    if (name[0] == '.' || name[0] == ' ')
        return "a model name cannot start with '" + name.substr(0, 1) + "'";
    for (const char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '-' || c == '_' || c == '.'))
            return "a model name has only letters, digits, spaces, '-', '_' and '.' (not '" + std::string(1, c) + "')";
    return std::nullopt;
}

Result<bool> ModelStore::rename(const std::string& from, const std::string& to)
{
    if (from == kBundledName)
        return Error{bundledDir_, -1, "the bundled model cannot be renamed"};
    if (!find(from))
        return Error{root_, -1, "no model named '" + from + "'"};
    if (auto bad = badName(to))
        return Error{root_, -1, *bad};
    std::error_code ec;
    const fs::path target = fs::path(root_) / to;
    if (fs::exists(target, ec))
        return Error{target.string(), -1, "a model named '" + to + "' exists already"};
    const bool wasActive = activeName() == from;
    fs::rename(fs::path(root_) / from, target, ec);
    if (ec)
        return Error{target.string(), -1, "cannot rename: " + ec.message()};
    if (wasActive)
        return activate(to);
    return true;
}

Result<bool> ModelStore::remove(const std::string& name)
{
    if (name == kBundledName)
        return Error{bundledDir_, -1, "the bundled model cannot be deleted"};
    if (!find(name))
        return Error{root_, -1, "no model named '" + name + "'"};
    std::error_code ec;
    const fs::path dir = fs::path(root_) / name;
    fs::remove_all(dir, ec);
    if (ec)
        return Error{dir.string(), -1, "cannot delete: " + ec.message()};
    return true; // the active model falls back to the bundled one by itself
}

Result<std::string> ModelStore::create(const std::string& base)
{
    if (auto bad = badName(base))
        return Error{root_, -1, *bad};
    std::error_code ec;
    fs::create_directories(root_, ec);
    if (ec)
        return Error{root_, -1, "cannot make the models folder: " + ec.message()};
    for (int i = 1; i < 10000; ++i) {
        const std::string name = i == 1 ? base : base + " " + std::to_string(i);
        if (fs::create_directory(fs::path(root_) / name, ec)) {
            QJsonObject info;
            info.insert(QStringLiteral("created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
            if (auto w = writeJson((fs::path(root_) / name / kInfoFile).string(), info); !w)
                return w.error();
            return name;
        }
        if (ec)
            return Error{(fs::path(root_) / name).string(), -1, "cannot make the model folder: " + ec.message()};
    }
    return Error{root_, -1, "no free name for '" + base + "'"};
}

Result<bool> ModelStore::updateInfo(const std::string& name, const QJsonObject& fields)
{
    if (name == kBundledName || badName(name))
        return Error{root_, -1, "cannot change the model '" + name + "'"};
    const std::string path = (fs::path(root_) / name / kInfoFile).string();
    QJsonObject info = readJson(path);
    for (auto it = fields.begin(); it != fields.end(); ++it)
        info.insert(it.key(), it.value());
    return writeJson(path, info);
}

Result<bool> ModelStore::updatePart(const std::string& name, const std::string& part, const QJsonObject& fields)
{
    const std::string path = (fs::path(root_) / name / kInfoFile).string();
    QJsonObject parts = readJson(path).value(QStringLiteral("parts")).toObject();
    QJsonObject p = parts.value(q(part)).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it)
        p.insert(it.key(), it.value());
    parts.insert(q(part), p);
    return updateInfo(name, QJsonObject{{QStringLiteral("parts"), parts}});
}

} // namespace lm
