// --world-size W --rank R --master HOST:PORT [--dist-timeout S]: the train
// commands' data-parallel options (core/ml/DistributedOptions.h). Every
// mistake here is a usage error (exit 2), found before any data is read.
#include "ModelCommands.h"

#include <netdb.h>
#include <sys/socket.h>

namespace lm::cli {

const std::vector<std::string> kDistributedOptions{"world-size", "rank", "master", "dist-timeout"};

namespace {

bool resolves(const std::string& host)
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const int rc = getaddrinfo(host.c_str(), nullptr, &hints, &found);
    if (found)
        freeaddrinfo(found);
    return rc == 0;
}

bool masterOption(const std::string& text, ml::DistributedOptions& o)
{
    const size_t colon = text.rfind(':');
    const std::string host = colon == std::string::npos ? text : text.substr(0, colon);
    const auto port = colon == std::string::npos ? std::nullopt : parseNumber<int>(text.substr(colon + 1), 1, 65535);
    if (host.empty() || !port) {
        usageError("--master needs HOST:PORT with a port from 1 to 65535 (where rank 0 meets the others), not '" + text + "'");
        return false;
    }
    if (!resolves(host)) {
        usageError("--master " + text + ": no such host '" + host + "'");
        return false;
    }
    o.host = host;
    o.port = *port;
    return true;
}

} // namespace

bool distributedOptions(const Args& args, ml::DistributedOptions& o)
{
    if (!numberOption(args, "world-size", o.worldSize, 1, 4096) || !numberOption(args, "rank", o.rank, 0, 4095)
        || !numberOption(args, "dist-timeout", o.timeoutSeconds, 1, 86400))
        return false;
    const bool any = args.option("world-size") || args.option("rank") || args.option("master");
    if (!any)
        return true;
    if (!args.option("world-size") || !args.option("rank") || !args.option("master")) {
        usageError("data-parallel training needs all of --world-size W, --rank R and --master HOST:PORT");
        return false;
    }
    if (o.rank >= o.worldSize) {
        usageError("--rank " + std::to_string(o.rank) + " is not below --world-size " + std::to_string(o.worldSize)
                   + " (ranks count from 0)");
        return false;
    }
    return masterOption(*args.option("master"), o);
}

} // namespace lm::cli
