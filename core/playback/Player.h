#pragma once
// The audition player: plays a Schedule in a loop into a MidiOutput from its
// own timing thread. Each step's deadline is absolute, start + the time of k
// steps at the tempo (in integer nanoseconds), so lateness never adds up.
// A new schedule and a new tempo take effect at the next bar line.
#include "core/base/Result.h"
#include "core/playback/MidiOutput.h"
#include "core/playback/PlayerClock.h"
#include "core/playback/Schedule.h"

#include <atomic>
#include <bitset>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <utility>

namespace lm {

// The time of `steps` 16ths at `bpm` (clamped to 1..1000), exactly
// floor(steps * 15e9 / bpm) ns with the tempo in thousandths of a BPM.
PlayerTime stepsToTime(int64_t steps, double bpm);
// The player's own grid: the MIDI clock's 24 pulses a quarter. pulsesToTime(6k)
// equals stepsToTime(k): a 16th is 6 pulses.
constexpr int kPulsesPerQuarter = 24;
PlayerTime pulsesToTime(int64_t pulses, double bpm);

struct PlayOptions {
    int repeats = 0;        // plays the loop this many times, then stops by itself; 0: until stop()
    bool midiClock = false; // 24 ppqn clock (0xF8) on the same deadlines, Start (0xFA) first, Stop (0xFC) at the end
};

class Player {
public:
    // clock: a SteadyPlayerClock when null. The output must outlive the player.
    explicit Player(MidiOutput& output, std::shared_ptr<PlayerClock> clock = nullptr);
    ~Player(); // stops
    Player(const Player&) = delete;
    Player& operator=(const Player&) = delete;

    // Step 0 plays now (the schedule's setup first). Refused while playing or
    // for an empty schedule; a switchTo or setTempo made while stopped is dropped.
    Result<bool> start(Schedule schedule, double bpm, PlayOptions options = {});
    // Joins the thread, then turns off the notes still sounding and sends
    // all-notes-off (CC 123) on every channel that was used. Safe to call twice.
    void stop();
    // At the next bar line (every 16 steps of the loop, and its start) the
    // notes still sounding are turned off and `schedule` starts at its step 0.
    void switchTo(Schedule schedule);
    // Takes effect at the next bar line, which stays where the old tempo put it.
    void setTempo(double bpm);

    // Until the player has stopped by itself (repeats done, a failed send) or
    // stop() was called; false after `timeout`. For the CLI, which waits on it.
    bool waitUntilDone(std::chrono::milliseconds timeout);

    bool playing() const { return playing_; }
    int64_t loopsPlayed() const { return loopsPlayed_; } // whole repeats ended since start
    int position() const { return position_; }        // the playhead: the loop's step last played, -1 before
    int64_t stepsPlayed() const { return stepsPlayed_; } // steps since start
    double tempo() const { return tempo_; }             // the tempo in effect
    std::optional<Error> error() const;                 // the send that failed and stopped playing (start clears it)

private:
    struct Timeline; // the timing thread's own state
    void run(Schedule first, double bpm, PlayerTime start);
    void atBarLine(Timeline& t, PlayerTime deadline);
    bool sendStep(const Schedule& s, int step);
    bool send(const std::vector<uint8_t>& message);
    bool atPulse(Timeline& t, PlayerTime deadline); // false: the thread ends
    void finished();

    MidiOutput& output_;
    std::shared_ptr<PlayerClock> clock_;
    std::thread thread_;
    std::atomic<bool> stopping_{false};
    std::atomic<bool> playing_{false};
    std::atomic<int> position_{-1};
    std::atomic<int64_t> stepsPlayed_{0};
    std::atomic<double> tempo_{0};
    std::atomic<int64_t> loopsPlayed_{0};
    PlayOptions options_;

    std::mutex doneMutex_;
    std::condition_variable doneCv_;
    bool done_ = true;

    mutable std::mutex pendingMutex_;
    std::optional<Schedule> pendingSchedule_;
    std::optional<double> pendingTempo_;
    std::optional<Error> error_;

    // Written by the timing thread only, read by stop() after the join.
    std::set<std::pair<uint8_t, uint8_t>> sounding_; // (channel, note)
    std::bitset<16> usedChannels_;
};

} // namespace lm
