// play, ports: audition from the command line, through the window's player
// and the same choice of output.
#include "CliCommon.h"
#include "Commands.h"

#include "core/base/JsonWriter.h"
#include "core/io/MidiReader.h"
#include "core/playback/MidiSchedule.h"
#include "core/playback/OutputChoice.h"
#include "core/playback/OfflineSynth.h"
#include "core/playback/Player.h"
#include "core/playback/SynthOutput.h"

#include <iostream>

namespace lm::cli {

namespace {

constexpr auto kConnectionWait = std::chrono::milliseconds(2000);

// --port NAME | --virtual NAME | --synth, at most one; false after a usage message.
bool readOutputChoice(const Args& args, OutputChoice& choice)
{
    int given = 0;
    if (auto p = args.option("port")) {
        choice = {OutputChoice::Kind::Port, *p};
        ++given;
    }
    if (auto v = args.option("virtual")) {
        choice = {OutputChoice::Kind::Virtual, *v};
        ++given;
    }
    if (args.flag("synth")) {
        choice = {OutputChoice::Kind::Synth, ""};
        ++given;
    }
    if (given > 1) {
        usageError("play takes one of --port NAME, --virtual NAME, --synth");
        return false;
    }
    if ((choice.kind == OutputChoice::Kind::Port || choice.kind == OutputChoice::Kind::Virtual) && choice.name.empty()) {
        usageError("--port and --virtual need a name");
        return false;
    }
    return true;
}

void waitForListener(const MidiOutput& out, const std::string& client)
{
    std::cerr << "loopminer-cli: waiting up to 2 s for a connection to " << out.name() << "\n";
    switch (waitForConnection(out, kConnectionWait)) {
    case ConnectionWait::Connected: std::cerr << "loopminer-cli: " << client << " is connected\n"; break;
    case ConnectionWait::TimedOut: std::cerr << "loopminer-cli: nothing connected to " << client << "; playing anyway\n"; break;
    case ConnectionWait::CannotTell: std::cerr << "loopminer-cli: this MIDI system cannot say who listens; playing\n"; break;
    }
}

} // namespace

int runPlay(int argc, char** argv)
{
    Args args;
    if (!parseArgs(argc, argv, 2, {"tempo", "repeat", "port", "virtual"}, {"synth"}, args))
        return Usage;
    if (args.positional.size() != 1)
        return usageError("play needs exactly one FILE.mid");
    std::optional<double> tempo;
    int repeats = 1;
    OutputChoice choice;
    if (!numberOption(args, "tempo", tempo, 1.0, 1000.0) || !numberOption(args, "repeat", repeats, 1, 1000000)
        || !readOutputChoice(args, choice))
        return Usage;
    const std::string file = args.positional[0];
    auto midi = readMidiFile(file);
    if (!midi)
        return fail(midi.error());
    MidiSchedule ms = scheduleOfMidi(*midi);
    if (ms.schedule.events.empty())
        return fail(Error{file, -1, "nothing to play: the file has no notes"});
    const double bpm = tempo ? *tempo : ms.bpm;
    if (!tempo && ms.laterTempoChanges > 0)
        std::cerr << "loopminer-cli: " << file << ": " << ms.laterTempoChanges
                  << " later tempo change(s) not followed; playing at " << bpm << " BPM\n";

    auto out = openOutput(choice, realOutputBackends());
    if (!out)
        return fail(out.error());
    if (choice.kind == OutputChoice::Kind::Virtual)
        waitForListener(**out, choice.name);

    JobContext job;
    InterruptCancels interrupts(job);
    Player player(**out);
    PlayOptions options;
    options.repeats = repeats;
    std::cerr << "loopminer-cli: playing " << file << " into " << (*out)->name() << " at " << bpm << " BPM, "
              << repeats << (repeats == 1 ? " time\n" : " times\n");
    if (auto started = player.start(ms.schedule, bpm, options); !started)
        return fail(started.error());
    // Asleep until the player ends; woken every tenth of a second to see Ctrl-C.
    while (!player.waitUntilDone(std::chrono::milliseconds(100)))
        if (job.cancelled())
            break;
    const int64_t loops = player.loopsPlayed();
    const auto error = player.error();
    player.stop();
    if (error)
        return fail(*error);

    int64_t notes = 0;
    for (const auto& e : ms.schedule.events)
        notes += e.message.size() == 3 && (e.message[0] & 0xF0) == 0x90 && e.message[2] > 0;
    JsonWriter j;
    j.beginObject();
    j.key("file").value(file);
    j.key("output").value((*out)->name());
    j.key("bpm").value(bpm);
    j.key("loop_steps").value(ms.schedule.lengthSteps);
    j.key("steps_per_quarter").value(ms.schedule.stepsPerQuarter);
    j.key("notes_per_loop").value(notes);
    j.key("loops_played").value(loops);
    j.key("stopped").value(job.cancelled());
    j.endObject();
    printJson(j.str());
    return job.cancelled() ? BadInput : Done;
}

int runPorts(int argc, char** argv)
{
    Args args;
    if (!parseArgs(argc, argv, 2, {}, {}, args))
        return Usage;
    if (!args.positional.empty())
        return usageError("ports takes no arguments");
    std::string whyNone;
    const auto ports = listMidiOutputs(&whyNone);
    const auto audio = probeAudioDriver();
    JsonWriter j(true);
    j.beginObject();
    j.key("outputs").beginArray();
    for (const MidiPort& p : ports) {
        j.beginObject();
        j.key("kind").value("midi");
        j.key("name").value(p.name);
        j.key("api").value(p.api);
        j.endObject();
    }
    j.beginObject();
    j.key("kind").value("synth");
    j.key("name").value(kBuiltInSynthName);
    j.key("soundfont").value(defaultSoundfontPath());
    j.key("available").value(audio.ok());
    if (audio)
        j.key("audio_driver").value(*audio);
    else
        j.key("reason").value(audio.error().message);
    j.endObject();
    j.endArray();
    if (ports.empty())
        j.key("midi_why_none").value(whyNone);
    else
        j.key("midi_why_none").null();
    j.endObject();
    printJson(j.str());
    return Done;
}

} // namespace lm::cli
