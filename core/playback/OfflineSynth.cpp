#include "OfflineSynth.h"

#include "core/io/MidiReader.h"

#include <fluidsynth.h>
#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <unistd.h>

namespace lm {

std::string defaultSoundfontPath() { return "/usr/share/sounds/sf2/FluidR3_GM.sf2"; }

struct OfflineSynth::Impl {
    fluid_settings_t* settings = nullptr;
    fluid_synth_t* synth = nullptr;
    int sampleRate = 44100;
    ~Impl()
    {
        if (synth)
            delete_fluid_synth(synth);
        if (settings)
            delete_fluid_settings(settings);
    }
};

namespace {
void quietFluidSynth()
{
    static std::once_flag once;
    std::call_once(once, [] {
        for (int level : {FLUID_PANIC, FLUID_ERR, FLUID_WARN, FLUID_INFO, FLUID_DBG})
            fluid_set_log_function(level, nullptr, nullptr);
    });
}
} // namespace

Result<std::unique_ptr<OfflineSynth>> OfflineSynth::create(const std::string& soundfont, int sampleRate, double gain)
{
    quietFluidSynth();
    if (::access(soundfont.c_str(), R_OK) != 0)
        return Error{soundfont, -1, "soundfont not found (install fluid-soundfont-gm)"};
    std::unique_ptr<OfflineSynth> s(new OfflineSynth);
    s->d = std::make_unique<Impl>();
    s->d->sampleRate = sampleRate;
    s->d->settings = new_fluid_settings();
    fluid_settings_setnum(s->d->settings, "synth.sample-rate", sampleRate);
    fluid_settings_setnum(s->d->settings, "synth.gain", gain);
    fluid_settings_setstr(s->d->settings, "player.timing-source", "sample");
    fluid_settings_setint(s->d->settings, "synth.lock-memory", 0);
    fluid_settings_setint(s->d->settings, "synth.threadsafe-api", 0);
    s->d->synth = new_fluid_synth(s->d->settings);
    if (!s->d->synth)
        return Error{soundfont, -1, "FluidSynth could not start"};
    if (fluid_synth_sfload(s->d->synth, soundfont.c_str(), 1) == FLUID_FAILED)
        return Error{soundfont, -1, "FluidSynth could not load the soundfont"};
    return s;
}

OfflineSynth::~OfflineSynth() = default;

Result<RenderedAudio> OfflineSynth::render(const std::vector<uint8_t>& midiBytes, double tailSeconds)
{
    // Our reader checks the file first: FluidSynth's own parser is lenient.
    auto midi = parseMidi(midiBytes.data(), midiBytes.size(), "MIDI");
    if (!midi)
        return midi.error();
    fluid_synth_system_reset(d->synth);
    fluid_player_t* player = new_fluid_player(d->synth);
    if (!player || fluid_player_add_mem(player, midiBytes.data(), midiBytes.size()) != FLUID_OK) {
        if (player)
            delete_fluid_player(player);
        return Error{"MIDI", -1, "FluidSynth could not load the MIDI data"};
    }
    fluid_player_play(player);
    RenderedAudio out;
    out.sampleRate = d->sampleRate;
    const int block = 512;
    std::vector<float> buf(size_t(block) * 2);
    const int64_t maxFrames = int64_t(d->sampleRate) * 3600;
    while (fluid_player_get_status(player) == FLUID_PLAYER_PLAYING && out.frames() < maxFrames) {
        fluid_synth_write_float(d->synth, block, buf.data(), 0, 2, buf.data(), 1, 2);
        out.stereo.insert(out.stereo.end(), buf.begin(), buf.end());
    }
    fluid_player_stop(player);
    delete_fluid_player(player);
    // The end of the music is the MIDI's last event; FluidSynth plays on a little.
    const double endSeconds = midi->durationSeconds() + tailSeconds;
    const int64_t keep = std::min<int64_t>(out.frames(), int64_t(std::ceil(endSeconds * d->sampleRate)));
    out.stereo.resize(size_t(keep) * 2);
    return out;
}

Result<bool> writeWav16(const std::string& path, const std::vector<float>& interleaved, int channels, int sampleRate)
{
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    SF_INFO info{};
    info.samplerate = sampleRate;
    info.channels = channels;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    SNDFILE* f = sf_open(tmp.c_str(), SFM_WRITE, &info);
    if (!f)
        return Error{path, -1, std::string("cannot write: ") + sf_strerror(nullptr)};
    sf_command(f, SFC_SET_CLIPPING, nullptr, SF_TRUE);
    const sf_count_t frames = sf_count_t(interleaved.size() / size_t(channels));
    const bool ok = sf_writef_float(f, interleaved.data(), frames) == frames;
    sf_close(f);
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        return Error{path, -1, "write failed"};
    }
    return true;
}

} // namespace lm
