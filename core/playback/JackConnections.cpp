#include "JackConnections.h"

#include "core/playback/LostServer.h"

#include <jack/jack.h>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <mutex>

namespace lm {

namespace {

struct Probe {
    jack_client_t* client = nullptr;
    std::mutex m;
    std::condition_variable cv;
    uint64_t changes = 0;
    ~Probe()
    {
        if (client) {
            jack_deactivate(client);
            jack_client_close(client);
        }
    }
    static void onConnect(jack_port_id_t, jack_port_id_t, int, void* self)
    {
        auto* p = static_cast<Probe*>(self);
        {
            std::lock_guard<std::mutex> lock(p->m);
            ++p->changes;
        }
        p->cv.notify_all();
    }
};

bool matches(const std::string& full, const std::string& client, const std::string& port)
{
    const auto colon = full.rfind(':');
    if (colon == std::string::npos || full.substr(colon + 1) != port)
        return false;
    const std::string c = full.substr(0, colon);
    return c == client || (c.rfind(client + "-", 0) == 0 && c.size() > client.size() + 1);
}

// Connections of the matching port, or -1 when there is no such port.
int connections(jack_client_t* client, const std::string& clientName, const std::string& portName)
{
    const char** ports = jack_get_ports(client, nullptr, JACK_DEFAULT_MIDI_TYPE, JackPortIsOutput);
    int best = -1;
    for (const char** p = ports; p && *p; ++p) {
        if (!matches(*p, clientName, portName))
            continue;
        jack_port_t* port = jack_port_by_name(client, *p);
        const char** linked = port ? jack_port_get_all_connections(client, port) : nullptr;
        int n = 0;
        for (const char** l = linked; l && *l; ++l)
            ++n;
        if (linked)
            jack_free(linked);
        best = std::max(best, n);
    }
    if (ports)
        jack_free(ports);
    return best;
}

} // namespace

std::optional<bool> waitForJackConnection(const std::string& clientName, const std::string& portName,
                                          std::chrono::milliseconds timeout)
{
    Probe probe;
    jack_status_t status{};
    surviveLostAudioServer();
    probe.client = jack_client_open("loopminer-probe", JackNoStartServer, &status);
    if (!probe.client)
        return std::nullopt;
    jack_set_port_connect_callback(probe.client, &Probe::onConnect, &probe);
    if (jack_activate(probe.client) != 0)
        return std::nullopt;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::unique_lock<std::mutex> lock(probe.m);
    for (;;) {
        const uint64_t seen = probe.changes;
        lock.unlock();
        const int n = connections(probe.client, clientName, portName);
        lock.lock();
        if (n < 0)
            return std::nullopt;
        if (n > 0)
            return true;
        // Asleep until a connection changes somewhere in the graph, or the time is up.
        if (!probe.cv.wait_until(lock, deadline, [&] { return probe.changes != seen; }))
            return false;
    }
}

} // namespace lm
