#include "MidiOutput.h"

#include "core/playback/JackConnections.h"
#include "core/playback/LostServer.h"

#include <rtmidi/RtMidi.h>

#include <thread>

#include <algorithm>

namespace lm {

namespace {

// RtMidi reports through this callback once it is set, instead of throwing;
// every call is followed by a look at it.
struct ErrorTrap {
    bool caught = false;
    std::string text;
    static void callback(RtMidiError::Type, const std::string& text, void* self)
    {
        auto* trap = static_cast<ErrorTrap*>(self);
        trap->caught = true;
        trap->text = text;
    }
    bool take(std::string* text)
    {
        const bool was = caught;
        if (was && text)
            *text = this->text;
        caught = false;
        return was;
    }
};

std::string apiName(RtMidi::Api api) { return RtMidi::getApiDisplayName(api); }

// "ALSA sequencer not available (MidiOutAlsa::initialize: ...)"
std::string unavailable(RtMidi::Api api, const std::string& why)
{
    switch (api) {
    case RtMidi::LINUX_ALSA: return "ALSA sequencer not available (" + why + ")";
    case RtMidi::UNIX_JACK: return "JACK server not running (" + why + ")";
    default: return apiName(api) + " not available (" + why + ")";
    }
}

std::vector<RtMidi::Api> outputApis()
{
    std::vector<RtMidi::Api> apis;
    RtMidi::getCompiledApi(apis);
    apis.erase(std::remove(apis.begin(), apis.end(), RtMidi::RTMIDI_DUMMY), apis.end());
    return apis;
}

class RtMidiOutput final : public MidiOutput {
public:
    // The API's client, or why there is none. A JACK client without a server
    // only warns, and opening a port on it crashes: the port count (with the
    // trap set) is what tells.
    static Result<std::unique_ptr<RtMidiOutput>> connect(RtMidi::Api api, const std::string& clientName)
    {
        std::unique_ptr<RtMidiOutput> o(new RtMidiOutput(api));
        if (api == RtMidi::UNIX_JACK)
            surviveLostAudioServer();
        try {
            o->out_ = std::make_unique<RtMidiOut>(api, clientName);
        } catch (const RtMidiError& e) {
            return Error{"", -1, unavailable(api, e.getMessage())};
        }
        o->out_->setErrorCallback(&ErrorTrap::callback, &o->trap_);
        o->portCount_ = o->out_->getPortCount();
        std::string why;
        if (o->trap_.take(&why))
            return Error{"", -1, unavailable(api, why)};
        return {std::move(o)};
    }

    unsigned portCount() const { return portCount_; }
    RtMidi::Api api() const { return api_; }

    Result<std::string> portName(unsigned i)
    {
        std::string name = out_->getPortName(i), why;
        if (trap_.take(&why))
            return Error{"", -1, apiName(api_) + " port " + std::to_string(i) + ": " + why};
        return name;
    }

    Result<bool> open(unsigned i, const std::string& name)
    {
        if (i >= portCount_)
            return Error{"", -1, apiName(api_) + ": no port " + std::to_string(i)};
        out_->openPort(i, "loopminer out");
        return opened(name, true);
    }

    Result<bool> openVirtual(const std::string& name)
    {
        out_->openVirtualPort(name);
        virtual_ = true;
        return opened(name, false); // isPortOpen() says false for a virtual port
    }

    Result<bool> send(const std::vector<uint8_t>& message) override
    {
        out_->sendMessage(&message);
        std::string why;
        if (trap_.take(&why))
            return Error{"", -1, "MIDI output " + name() + ": " + why};
        return true;
    }

    std::string name() const override { return name_ + " (" + apiName(api_) + ")"; }
    const std::string& portName() const { return name_; }
    bool isVirtual() const { return virtual_; }

private:
    explicit RtMidiOutput(RtMidi::Api api) : api_(api) {}

    Result<bool> opened(const std::string& name, bool connected)
    {
        std::string why;
        if (trap_.take(&why) || (connected && !out_->isPortOpen()))
            return Error{"", -1, "cannot open MIDI output " + name + " (" + apiName(api_) + "): "
                                     + (why.empty() ? "the port did not open" : why)};
        name_ = name;
        return true;
    }

    const RtMidi::Api api_;
    ErrorTrap trap_; // declared before out_: RtMidi may report while out_ is destroyed
    std::unique_ptr<RtMidiOut> out_;
    unsigned portCount_ = 0;
    std::string name_;
    bool virtual_ = false;
};

constexpr const char* kClientName = "loopminer";

std::string joined(const std::vector<std::string>& parts)
{
    std::string s;
    for (const auto& p : parts)
        s += (s.empty() ? "" : "; ") + p;
    return s;
}

} // namespace

std::vector<MidiPort> listMidiOutputs(std::string* whyNone)
{
    std::vector<MidiPort> ports;
    std::vector<std::string> reasons;
    for (RtMidi::Api api : outputApis()) {
        auto client = RtMidiOutput::connect(api, kClientName);
        if (!client) {
            reasons.push_back(client.error().message);
            continue;
        }
        if (client.value()->portCount() == 0)
            reasons.push_back(apiName(api) + ": no ports to play into");
        for (unsigned i = 0; i < client.value()->portCount(); ++i) {
            auto name = client.value()->portName(i);
            if (name)
                ports.push_back({*name, apiName(api)});
            else
                reasons.push_back(name.error().message);
        }
    }
    if (whyNone)
        *whyNone = ports.empty() ? "no MIDI output: " + (reasons.empty() ? "RtMidi has no API" : joined(reasons)) : "";
    return ports;
}

Result<std::unique_ptr<MidiOutput>> openMidiOutput(const std::string& portName)
{
    std::vector<std::string> reasons, names;
    for (RtMidi::Api api : outputApis()) {
        auto client = RtMidiOutput::connect(api, kClientName);
        if (!client) {
            reasons.push_back(client.error().message);
            continue;
        }
        RtMidiOutput& c = *client.value();
        int exact = -1;
        std::vector<unsigned> containing;
        for (unsigned i = 0; i < c.portCount(); ++i) {
            auto name = c.portName(i);
            if (!name)
                continue;
            names.push_back(*name);
            if (*name == portName && exact < 0)
                exact = int(i);
            else if (name->find(portName) != std::string::npos)
                containing.push_back(i);
        }
        if (exact < 0 && containing.size() == 1)
            exact = int(containing.front());
        if (exact < 0)
            continue;
        auto name = c.portName(unsigned(exact));
        auto opened = c.open(unsigned(exact), name ? *name : portName);
        if (!opened)
            return opened.error();
        return std::unique_ptr<MidiOutput>(std::move(client.value()));
    }
    if (!names.empty())
        reasons.insert(reasons.begin(), "ports: " + [&] {
            std::string s;
            for (const auto& n : names)
                s += (s.empty() ? "" : ", ") + n;
            return s;
        }());
    return Error{"", -1, "no MIDI output named \"" + portName + "\"" + (reasons.empty() ? "" : " (" + joined(reasons) + ")")};
}

Result<std::unique_ptr<MidiOutput>> openVirtualMidiOutput(const std::string& clientName)
{
    std::vector<std::string> reasons;
    for (RtMidi::Api api : outputApis()) {
        if (api != RtMidi::LINUX_ALSA && api != RtMidi::UNIX_JACK && api != RtMidi::MACOSX_CORE)
            continue; // the others have no virtual ports
        auto client = RtMidiOutput::connect(api, clientName);
        if (!client) {
            reasons.push_back(client.error().message);
            continue;
        }
        auto opened = client.value()->openVirtual(clientName);
        if (!opened) {
            reasons.push_back(opened.error().message);
            continue;
        }
        return std::unique_ptr<MidiOutput>(std::move(client.value()));
    }
    return Error{"", -1, "no MIDI output: " + (reasons.empty() ? std::string("RtMidi has no API with virtual ports") : joined(reasons))};
}

ConnectionWait waitForConnection(const MidiOutput& port, std::chrono::milliseconds timeout)
{
    const auto* rt = dynamic_cast<const RtMidiOutput*>(&port);
    if (rt && rt->isVirtual() && rt->api() == RtMidi::UNIX_JACK) {
        // The client and its port both carry the name we gave (RtMidi's JACK API).
        const auto waited = waitForJackConnection(rt->portName(), rt->portName(), timeout);
        if (waited)
            return *waited ? ConnectionWait::Connected : ConnectionWait::TimedOut;
    }
    std::this_thread::sleep_for(timeout); // the API cannot say: give the other side its time
    return ConnectionWait::CannotTell;
}

} // namespace lm
