// Timing of the audition over the JACK loopback (issue 14): a jackd1 dummy
// server (-p 32 -r 48000, started and ended here), a MIDI file played by the
// player into a virtual port, an RtMidi input of ours connected to it. Each
// note-on's arrival (steady clock in the input's callback) against the file's
// grid at the asked tempo, after removing the constant latency (the median
// offset): median and max deviation. Also the same at the moment the player
// sends, to tell the player's own timing from JACK's period.
//   jack_timing [--bpm 120] [--repeats 8] [--period 32]
#include "core/io/MidiReader.h"
#include "core/io/MidiWriter.h"
#include "core/model/LoopFormat.h"
#include "core/model/RollToMidi.h"
#include "core/playback/MidiOutput.h"
#include "core/playback/MidiSchedule.h"
#include "core/playback/Player.h"

#include <rtmidi/RtMidi.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

using namespace lm;
using Clock = std::chrono::steady_clock;

namespace {

struct Arrivals {
    std::mutex m;
    std::vector<Clock::time_point> noteOns;
    static void callback(double, std::vector<unsigned char>* msg, void* self)
    {
        const auto now = Clock::now();
        if (msg->size() == 3 && ((*msg)[0] & 0xF0) == 0x90 && (*msg)[2] > 0) {
            auto* a = static_cast<Arrivals*>(self);
            std::lock_guard<std::mutex> lock(a->m);
            a->noteOns.push_back(now);
        }
    }
};

// Passes messages on and notes when each note-on left the player.
class TimedTee final : public MidiOutput {
public:
    explicit TimedTee(MidiOutput& to) : to_(to) {}
    Result<bool> send(const std::vector<uint8_t>& m) override
    {
        if (m.size() == 3 && (m[0] & 0xF0) == 0x90 && m[2] > 0)
            sent.push_back(Clock::now());
        return to_.send(m);
    }
    std::string name() const override { return to_.name(); }
    std::vector<Clock::time_point> sent; // the player's thread only, read after stop

private:
    MidiOutput& to_;
};

// Deviations (ms) of times from the expected ones after removing the median offset.
void report(const char* what, const std::vector<Clock::time_point>& got, const std::vector<double>& expectedNs)
{
    if (got.size() != expectedNs.size()) {
        std::printf("%s: %zu note-ons, expected %zu\n", what, got.size(), expectedNs.size());
        if (got.empty())
            return;
    }
    const size_t n = std::min(got.size(), expectedNs.size());
    std::vector<double> offset(n);
    for (size_t i = 0; i < n; ++i)
        offset[i] = double(std::chrono::duration_cast<std::chrono::nanoseconds>(got[i] - got[0]).count()) - expectedNs[i];
    std::vector<double> sorted = offset;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted[n / 2];
    std::vector<double> dev(n);
    for (size_t i = 0; i < n; ++i)
        dev[i] = std::abs(offset[i] - median) / 1e6;
    std::sort(dev.begin(), dev.end());
    std::printf("%s: %zu note-ons, deviation from the grid after the constant latency: median %.3f ms, "
                "p99 %.3f ms, max %.3f ms\n",
                what, n, dev[n / 2], dev[std::min(n - 1, size_t(double(n) * 0.99))], dev.back());
}

std::vector<uint64_t> groove()
{
    std::vector<uint64_t> roll(32, 0);
    for (int s = 0; s < 32; ++s) {
        if (s % 2 == 0)
            roll[size_t(s)] |= 1u << 2; // hats on 8ths
        if (s % 8 == 0)
            roll[size_t(s)] |= 1u << 0; // kick
        if (s % 8 == 4)
            roll[size_t(s)] |= 1u << 1; // snare
        if (s % 4 == 3)
            roll[size_t(s)] |= uint64_t(1) << (format::kDrumRows + 40 - format::kBassLowestPitch);
    }
    return roll;
}

bool jackUp()
{
    for (int i = 0; i < 100; ++i) {
        std::string why;
        listMidiOutputs(&why);
        if (why.find("JACK server not running") == std::string::npos)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100)); // a benchmark's start-up, not a test
    }
    return false;
}

double arg(int argc, char** argv, const char* name, double fallback)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0)
            return std::atof(argv[i + 1]);
    return fallback;
}

} // namespace

int main(int argc, char** argv)
{
    const double bpm = arg(argc, argv, "--bpm", 120);
    const int repeats = int(arg(argc, argv, "--repeats", 8));
    const int period = int(arg(argc, argv, "--period", 32));
    const std::string server = "loopminer-bench-" + std::to_string(::getpid());
    ::setenv("JACK_DEFAULT_SERVER", server.c_str(), 1);
    const std::string periodText = std::to_string(period);
    const char* jackArgs[] = {"jackd", "-t", "10000", "-d", "dummy", "-r", "48000", "-p", periodText.c_str(), nullptr};
    pid_t jackd = 0;
    if (posix_spawnp(&jackd, "jackd", nullptr, nullptr, const_cast<char**>(jackArgs), environ) != 0) {
        std::fprintf(stderr, "jack_timing: cannot start jackd (apt-get install jackd1)\n");
        return 1;
    }
    auto endJack = [&] {
        ::kill(jackd, SIGTERM);
        ::waitpid(jackd, nullptr, 0);
    };
    if (!jackUp()) {
        std::fprintf(stderr, "jack_timing: jackd -d dummy did not come up\n");
        endJack();
        return 1;
    }

    // The groove as a real file: written, read back, scheduled as `play` does.
    RollExportOptions exportOptions;
    exportOptions.bpm = bpm;
    const std::string file = "/tmp/loopminer-jack-timing-" + std::to_string(::getpid()) + ".mid";
    writeMidiFile(file, rollToMidi(groove(), exportOptions));
    auto midi = readMidiFile(file);
    std::remove(file.c_str());
    if (!midi) {
        std::fprintf(stderr, "jack_timing: %s\n", midi.error().toString().c_str());
        endJack();
        return 1;
    }
    const MidiSchedule ms = scheduleOfMidi(*midi);

    int rc = 0;
    {
        auto out = openVirtualMidiOutput("lm-bench-out");
        if (!out) {
            std::fprintf(stderr, "jack_timing: %s\n", out.error().message.c_str());
            endJack();
            return 1;
        }
        Arrivals arrivals;
        RtMidiIn in(RtMidi::UNIX_JACK, "lm-bench-in");
        int port = -1;
        for (unsigned i = 0; i < in.getPortCount(); ++i)
            if (in.getPortName(i).find("lm-bench-out") != std::string::npos)
                port = int(i);
        if (port < 0) {
            std::fprintf(stderr, "jack_timing: our port is not among JACK's\n");
            endJack();
            return 1;
        }
        in.setCallback(&Arrivals::callback, &arrivals);
        in.openPort(unsigned(port), "in");
        waitForConnection(**out, std::chrono::milliseconds(2000));

        TimedTee tee(**out);
        Player player(tee);
        PlayOptions options;
        options.repeats = repeats;
        std::vector<double> expected;
        for (int r = 0; r < repeats; ++r)
            for (const auto& e : ms.schedule.events)
                if (e.message.size() == 3 && (e.message[0] & 0xF0) == 0x90 && e.message[2] > 0)
                    expected.push_back(double(pulsesToTime(int64_t(r) * ms.schedule.lengthSteps + e.step, bpm).count()));
        std::printf("jackd -d dummy -r 48000 -p %d (period %.3f ms); %d repeats of a 2-bar groove at %.1f BPM, %zu note-ons\n",
                    period, period * 1000.0 / 48000.0, repeats, bpm, expected.size());
        player.start(ms.schedule, bpm, options);
        player.waitUntilDone(std::chrono::hours(1));
        player.stop();
        if (player.error()) {
            std::fprintf(stderr, "jack_timing: %s\n", player.error()->message.c_str());
            rc = 1;
        }
        // The last messages reach the input within a few periods.
        for (int i = 0; i < 100; ++i) {
            {
                std::lock_guard<std::mutex> lock(arrivals.m);
                if (arrivals.noteOns.size() >= expected.size())
                    break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        in.closePort();
        report("sent by the player  ", tee.sent, expected);
        std::lock_guard<std::mutex> lock(arrivals.m);
        report("arrived at RtMidiIn ", arrivals.noteOns, expected);
    }
    endJack();
    return rc;
}
