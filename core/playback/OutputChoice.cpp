#include "OutputChoice.h"

#include "core/playback/SynthOutput.h"

namespace lm {

std::string OutputChoice::key() const
{
    switch (kind) {
    case Kind::Automatic: return "auto";
    case Kind::Synth: return "synth";
    case Kind::Port: return "port:" + name;
    case Kind::Virtual: return "virtual:" + name;
    }
    return "auto";
}

OutputChoice OutputChoice::fromKey(const std::string& key)
{
    if (key == "synth")
        return {Kind::Synth, ""};
    if (key.rfind("port:", 0) == 0 && key.size() > 5)
        return {Kind::Port, key.substr(5)};
    if (key.rfind("virtual:", 0) == 0 && key.size() > 8)
        return {Kind::Virtual, key.substr(8)};
    return {};
}

bool isThroughPort(const std::string& name) { return name.find("Midi Through") != std::string::npos; }

OutputBackends realOutputBackends()
{
    OutputBackends b;
    b.synth = [] { return openSynthOutput(); };
    return b;
}

Result<std::unique_ptr<MidiOutput>> openOutput(const OutputChoice& choice, const OutputBackends& b)
{
    switch (choice.kind) {
    case OutputChoice::Kind::Port: return b.port(choice.name);
    case OutputChoice::Kind::Virtual: return b.virtualPort(choice.name);
    case OutputChoice::Kind::Synth: return b.synth();
    case OutputChoice::Kind::Automatic: break;
    }
    std::string whyNone;
    std::string portError;
    for (const MidiPort& p : b.list(&whyNone)) {
        if (isThroughPort(p.name))
            continue;
        auto opened = b.port(p.name);
        if (opened)
            return opened;
        portError = opened.error().message;
    }
    auto synth = b.synth();
    if (synth)
        return synth;
    const std::string midi = !portError.empty() ? portError : !whyNone.empty() ? whyNone : "no MIDI output: only Midi Through";
    return Error{"", -1, midi + "; " + synth.error().toString()};
}

} // namespace lm
