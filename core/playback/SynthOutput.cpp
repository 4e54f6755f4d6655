#include "SynthOutput.h"

#include "core/playback/LostServer.h"
#include "core/playback/OfflineSynth.h"

#include <fluidsynth.h>

#include <cstdlib>
#include <mutex>
#include <unistd.h>

namespace lm {

namespace {

// FluidSynth says why a driver failed only in its log: the log is caught
// while a driver opens (one open at a time) and silenced again after.
std::mutex logMutex;
std::string caughtLog;

void catchLog(int, const char* message, void*)
{
    if (!caughtLog.empty())
        caughtLog += " ";
    caughtLog += message;
}

void setLog(fluid_log_function_t f)
{
    for (int level : {FLUID_PANIC, FLUID_ERR, FLUID_WARN})
        fluid_set_log_function(level, f, nullptr);
    fluid_set_log_function(FLUID_INFO, nullptr, nullptr);
    fluid_set_log_function(FLUID_DBG, nullptr, nullptr);
}

struct Engine {
    fluid_settings_t* settings = nullptr;
    fluid_synth_t* synth = nullptr;
    fluid_audio_driver_t* driver = nullptr;
    std::string driverName;
    Engine() = default;
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;
    ~Engine()
    {
        if (driver)
            delete_fluid_audio_driver(driver); // first: it calls into the synth
        if (synth)
            delete_fluid_synth(synth);
        if (settings)
            delete_fluid_settings(settings);
    }
};

// A synth (with the soundfont when one is given) playing through the first driver that opens.
Result<std::unique_ptr<Engine>> startEngine(const std::string& soundfont, const std::vector<std::string>& drivers)
{
    // libjack would otherwise try to start a JACK server of its own.
    ::setenv("JACK_NO_START_SERVER", "1", 0);
    surviveLostAudioServer(); // PulseAudio and JACK are sockets too
    auto e = std::make_unique<Engine>();
    e->settings = new_fluid_settings();
    fluid_settings_setnum(e->settings, "synth.gain", 0.6);
    fluid_settings_setint(e->settings, "synth.lock-memory", 0);
    fluid_settings_setstr(e->settings, "audio.jack.id", "loopminer");
    fluid_settings_setint(e->settings, "audio.jack.autoconnect", 1);
    e->synth = new_fluid_synth(e->settings);
    if (!e->synth)
        return Error{"", -1, "FluidSynth could not start"};
    if (!soundfont.empty() && fluid_synth_sfload(e->synth, soundfont.c_str(), 1) == FLUID_FAILED)
        return Error{soundfont, -1, "FluidSynth could not load the soundfont"};
    std::string reasons;
    std::lock_guard<std::mutex> lock(logMutex);
    for (const std::string& name : drivers) {
        caughtLog.clear();
        setLog(&catchLog);
        if (fluid_settings_setstr(e->settings, "audio.driver", name.c_str()) == FLUID_OK)
            e->driver = new_fluid_audio_driver(e->settings, e->synth);
        setLog(nullptr);
        if (e->driver) {
            e->driverName = name;
            return e;
        }
        reasons += (reasons.empty() ? "" : "; ") + name + ": "
                 + (caughtLog.empty() ? std::string("not available in this FluidSynth") : caughtLog);
    }
    return Error{"", -1, "no audio device: " + (reasons.empty() ? std::string("no driver to try") : reasons)};
}

class SynthOutput final : public MidiOutput {
public:
    explicit SynthOutput(std::unique_ptr<Engine> e) : e_(std::move(e)) {}
    Result<bool> send(const std::vector<uint8_t>& m) override
    {
        if (m.empty() || m[0] < 0x80 || m[0] >= 0xF0)
            return true; // clock, start, stop: nothing for a synth to play
        const int channel = m[0] & 0x0F;
        const int a = m.size() > 1 ? m[1] : 0, b = m.size() > 2 ? m[2] : 0;
        fluid_synth_t* s = e_->synth;
        switch (m[0] & 0xF0) {
        case 0x80: fluid_synth_noteoff(s, channel, a); break;
        case 0x90: b > 0 ? fluid_synth_noteon(s, channel, a, b) : fluid_synth_noteoff(s, channel, a); break;
        case 0xA0: fluid_synth_key_pressure(s, channel, a, b); break;
        case 0xB0: fluid_synth_cc(s, channel, a, b); break;
        case 0xC0: fluid_synth_program_change(s, channel, a); break;
        case 0xD0: fluid_synth_channel_pressure(s, channel, a); break;
        case 0xE0: fluid_synth_pitch_bend(s, channel, a | (b << 7)); break;
        }
        return true; // a note the synth has no sound for is not an error
    }
    std::string name() const override { return std::string(kBuiltInSynthName) + " (FluidSynth, " + e_->driverName + ")"; }

private:
    std::unique_ptr<Engine> e_;
};

} // namespace

std::vector<std::string> defaultAudioDrivers() { return {"pulseaudio", "pipewire", "alsa", "jack"}; }

Result<std::unique_ptr<MidiOutput>> openSynthOutput(const std::string& soundfont, const std::vector<std::string>& drivers)
{
    const std::string sf = soundfont.empty() ? defaultSoundfontPath() : soundfont;
    if (::access(sf.c_str(), R_OK) != 0)
        return Error{sf, -1, "soundfont not found (install fluid-soundfont-gm)"};
    auto engine = startEngine(sf, drivers);
    if (!engine)
        return engine.error();
    return std::unique_ptr<MidiOutput>(new SynthOutput(std::move(*engine)));
}

Result<std::string> probeAudioDriver(const std::vector<std::string>& drivers)
{
    auto engine = startEngine("", drivers);
    if (!engine)
        return engine.error();
    return engine.value()->driverName;
}

} // namespace lm
