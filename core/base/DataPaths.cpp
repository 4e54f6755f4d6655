#include "core/base/DataPaths.h"

#include <cstdlib>
#include <filesystem>

namespace lm {

std::string executableDir()
{
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : self.parent_path().string();
}

std::string dataDir()
{
    if (const char* env = std::getenv("LOOPMINER_DATA_DIR"); env && *env)
        return env;
    const std::string exe = executableDir();
    const std::filesystem::path dir = (exe.empty() ? std::filesystem::path(".") : std::filesystem::path(exe));
    return (dir.parent_path() / "share" / "loopminer").lexically_normal().string();
}

std::string defaultModelDir()
{
    return (std::filesystem::path(dataDir()) / "models" / "default").string();
}

std::string demoDir()
{
    return (std::filesystem::path(dataDir()) / "demo").string();
}

std::string translationsDir()
{
    return (std::filesystem::path(dataDir()) / "translations").string();
}

} // namespace lm
