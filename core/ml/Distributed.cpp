// The process group of a data-parallel training (Distributed.h): c10d's
// TCPStore and ProcessGroupGloo from Debian's libtorch_cpu (the Gloo headers
// come from libgloo-dev; this file alone is compiled with USE_C10D_GLOO).
#include "Distributed.h"

#include "Trainer.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <QJsonDocument>

#include <algorithm>
#include <atomic>
#include <cstdlib>

namespace lm::ml {

namespace {

std::atomic<DataParallel*> g_current{nullptr};

std::string firstLine(const std::exception& e)
{
    std::string m = e.what();
    m = m.substr(0, m.find('\n'));
    // c10d's messages start with the source line that threw: "[../gloo/transport/tcp/pair.cc:598] ..."
    if (!m.empty() && m.front() == '[')
        if (const size_t end = m.find("] "); end != std::string::npos)
            m = m.substr(end + 2);
    return m;
}

bool isLoopback(const std::string& host)
{
    return host == "localhost" || host.rfind("127.", 0) == 0 || host == "::1";
}

// The network device Gloo's pairs listen on: the loopback for a master on
// this machine, GLOO_SOCKET_IFNAME when set (as PyTorch reads it), else the
// address this host's name resolves to.
std::shared_ptr<gloo::transport::Device> glooDevice(const std::string& masterHost)
{
    if (isLoopback(masterHost))
        return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
    if (const char* iface = std::getenv("GLOO_SOCKET_IFNAME"); iface && *iface)
        return c10d::ProcessGroupGloo::createDeviceForInterface(iface);
    return c10d::ProcessGroupGloo::createDefaultDevice();
}

std::string compact(const QJsonValue& v)
{
    if (v.isObject())
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact).toStdString();
    if (v.isDouble())
        return std::to_string(v.toDouble());
    return v.toString().toStdString();
}

// "seed: rank 0 has 1, rank 1 has 2": the first part of the agreement that differs.
std::string differenceOf(const QJsonObject& mine, const QJsonObject& theirs, int myRank, int theirRank)
{
    for (auto it = mine.begin(); it != mine.end(); ++it)
        if (theirs.value(it.key()) != it.value())
            return it.key().toStdString() + ": rank " + std::to_string(theirRank) + " has "
                + compact(theirs.value(it.key())) + ", rank " + std::to_string(myRank) + " has " + compact(it.value());
    return "rank " + std::to_string(theirRank) + " sent a different agreement";
}

} // namespace

struct DataParallel::Impl {
    DistributedOptions options;
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
    std::vector<int64_t> parts; // rows of the batch now on each rank

    std::string who() const { return "rank " + std::to_string(options.rank) + " of " + std::to_string(options.worldSize); }
    Error error(const std::string& message) const { return Error{options.master(), -1, who() + ": " + message}; }

    std::optional<Error> agree(const QJsonObject& agreement)
    {
        const QByteArray mine = QJsonDocument(agreement).toJson(QJsonDocument::Compact);
        store->set("loopminer/agreement/" + std::to_string(options.rank), std::vector<uint8_t>(mine.begin(), mine.end()));
        for (int r = 0; r < options.worldSize; ++r) {
            const std::vector<uint8_t> theirs = store->get("loopminer/agreement/" + std::to_string(r));
            const QJsonObject o = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char*>(theirs.data()), int(theirs.size()))).object();
            if (o != agreement)
                return error("the ranks do not train the same thing (" + differenceOf(agreement, o, options.rank, r)
                             + "): every rank needs the same data, settings and --seed");
        }
        return std::nullopt;
    }
};

DataParallel::DataParallel() : d_(std::make_unique<Impl>()) {}
DataParallel::~DataParallel() = default;

Result<std::unique_ptr<DataParallel>> DataParallel::connect(const DistributedOptions& options, const QJsonObject& agreement)
{
    std::unique_ptr<DataParallel> p(new DataParallel);
    Impl& d = *p->d_;
    d.options = options;
    const auto timeout = std::chrono::milliseconds(int64_t(options.timeoutSeconds) * 1000);
    try {
        c10d::TCPStoreOptions so;
        so.port = uint16_t(options.port);
        so.isServer = options.rank == 0;
        so.numWorkers = options.worldSize;
        so.waitWorkers = false; // Gloo's own rendezvous below waits for everyone
        so.timeout = timeout;
        d.store = c10::make_intrusive<c10d::TCPStore>(options.host, so);
        auto gloo = c10d::ProcessGroupGloo::Options::create(timeout);
        gloo->devices.push_back(glooDevice(options.host));
        d.group = c10::make_intrusive<c10d::ProcessGroupGloo>(d.store, options.rank, options.worldSize, gloo);
        if (auto e = d.agree(agreement))
            return *e;
    } catch (const std::exception& e) {
        return d.error("could not meet the other ranks at the master within " + std::to_string(options.timeoutSeconds)
                       + " s (--dist-timeout): " + firstLine(e));
    }
    return p;
}

int DataParallel::rank() const { return d_->options.rank; }
int DataParallel::worldSize() const { return d_->options.worldSize; }

int64_t DataParallel::batchesOf(int64_t n, int64_t batch) const
{
    return n / batch + (n % batch >= worldSize() ? 1 : 0);
}

std::optional<Error> DataParallel::startTogether(int epoch, torch::nn::Module& module)
{
    try {
        torch::Tensor mine = torch::full({1}, int64_t(epoch), torch::kLong);
        std::vector<std::vector<at::Tensor>> all(1);
        for (int r = 0; r < worldSize(); ++r)
            all[0].push_back(torch::empty_like(mine));
        std::vector<at::Tensor> in{mine};
        d_->group->allgather(all, in)->wait();
        std::string epochs;
        bool same = true;
        for (int r = 0; r < worldSize(); ++r) {
            const int64_t e = all[0][size_t(r)].item<int64_t>();
            same = same && e == epoch;
            epochs += (r ? ", rank " : "rank ") + std::to_string(r) + " at epoch " + std::to_string(e);
        }
        if (!same)
            return d_->error("the ranks would start from different epochs (" + epochs
                             + "): --resume needs the model folder's checkpoint on every rank (a shared folder)");
        torch::NoGradGuard noGrad;
        std::vector<at::Tensor> tensors;
        for (const auto& t : module.parameters())
            tensors.push_back(t.detach());
        for (const auto& t : module.buffers())
            tensors.push_back(t.detach());
        for (auto& t : tensors) {
            std::vector<at::Tensor> one{t};
            d_->group->broadcast(one)->wait(); // root 0
        }
    } catch (const std::exception& e) {
        return d_->error("lost the other ranks before the first epoch: " + firstLine(e));
    }
    return std::nullopt;
}

std::optional<Error> DataParallel::trainBatch(TrainTask& task, int phase, const torch::Tensor& rows,
                                              const std::vector<torch::Tensor>& params, double& loss, const std::string& when)
{
    const int64_t n = rows.size(0), w = worldSize(), r = rank();
    d_->parts.clear();
    for (int64_t i = 0; i < w; ++i)
        d_->parts.push_back((i + 1) * n / w - i * n / w);
    const int64_t from = r * n / w, to = (r + 1) * n / w;
    const double share = double(to - from) / double(n);
    try {
        const double local = task.trainBatch(phase, rows.slice(0, from, to));
        // A mean loss: the batch's gradient is the ranks' weighted by their
        // share of the rows; a sum loss (the VQ-VAE's): their plain sum.
        std::vector<torch::Tensor> flat;
        for (const auto& p : params)
            flat.push_back(p.grad().defined() ? p.grad().reshape({-1}) : torch::zeros({p.numel()}, p.options()));
        torch::Tensor all = torch::cat(flat);
        if (task.lossIsMean())
            all.mul_(share);
        allreduceSum(all);
        int64_t at = 0;
        for (const auto& p : params) {
            const torch::Tensor g = all.slice(0, at, at + p.numel()).view_as(p);
            if (p.grad().defined())
                p.mutable_grad().copy_(g);
            else
                p.mutable_grad() = g.clone();
            at += p.numel();
        }
        torch::Tensor l = torch::full({1}, local * share, torch::kFloat64);
        allreduceSum(l);
        loss = l.item<double>();
    } catch (const std::exception& e) {
        return d_->error("lost contact with the other ranks in " + when + " (" + firstLine(e)
                         + "): a rank stopped, was killed or lost its network; the last checkpoint stands");
    }
    return std::nullopt;
}

void DataParallel::allreduceSum(torch::Tensor& t)
{
    std::vector<at::Tensor> one{t};
    d_->group->allreduce(one)->wait();
}

torch::Tensor DataParallel::gatherRows(const torch::Tensor& local)
{
    const auto& parts = d_->parts;
    const int64_t mine = parts[size_t(rank())];
    const int64_t per = mine > 0 ? local.size(0) / mine : 1; // tensor rows per batch row (the VQ-VAE's 32 latent steps)
    const int64_t most = *std::max_element(parts.begin(), parts.end()) * per;
    std::vector<int64_t> shape = local.sizes().vec();
    shape[0] = most;
    torch::Tensor padded = torch::zeros(shape, local.options());
    padded.slice(0, 0, local.size(0)).copy_(local);
    std::vector<std::vector<at::Tensor>> all(1);
    for (int r = 0; r < worldSize(); ++r)
        all[0].push_back(torch::empty_like(padded));
    std::vector<at::Tensor> in{padded};
    d_->group->allgather(all, in)->wait();
    std::vector<torch::Tensor> pieces;
    for (int r = 0; r < worldSize(); ++r)
        pieces.push_back(all[0][size_t(r)].slice(0, 0, parts[size_t(r)] * per));
    return torch::cat(pieces);
}

DataParallel* currentDataParallel() { return g_current.load(); }

DataParallelScope::DataParallelScope(DataParallel* group) { g_current.store(group); }
DataParallelScope::~DataParallelScope() { g_current.store(nullptr); }

} // namespace lm::ml
