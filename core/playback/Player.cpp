#include "Player.h"

#include <algorithm>
#include <cmath>
#include <pthread.h>
#include <sched.h>

namespace lm {

PlayerTime stepsToTime(int64_t steps, double bpm)
{
    // A 16th lasts 15e9 / bpm ns; in integers with the tempo in milli-BPM,
    // floor(steps * 15e12 / milli) split so that it cannot overflow.
    const int64_t milli = std::llround(std::clamp(bpm, 1.0, 1000.0) * 1000.0);
    constexpr int64_t kNanosPerStepAtOneMilliBpm = 15'000'000'000'000;
    const int64_t q = kNanosPerStepAtOneMilliBpm / milli;
    const int64_t r = kNanosPerStepAtOneMilliBpm % milli;
    return PlayerTime(steps * q + steps * r / milli);
}

PlayerTime pulsesToTime(int64_t pulses, double bpm)
{
    // A pulse lasts 60e9 / (24 bpm) = 2.5e9 / bpm ns: 6 pulses are stepsToTime(1) exactly.
    const int64_t milli = std::llround(std::clamp(bpm, 1.0, 1000.0) * 1000.0);
    constexpr int64_t kNanosPerPulseAtOneMilliBpm = 2'500'000'000'000;
    const int64_t q = kNanosPerPulseAtOneMilliBpm / milli;
    const int64_t r = kNanosPerPulseAtOneMilliBpm % milli;
    return PlayerTime(pulses * q + pulses * r / milli);
}

namespace {
int pulsesPerStep(const Schedule& s)
{
    const int spq = s.stepsPerQuarter;
    return spq > 0 && spq <= kPulsesPerQuarter && kPulsesPerQuarter % spq == 0 ? kPulsesPerQuarter / spq
                                                                                : kPulsesPerQuarter / 4;
}
} // namespace

struct Player::Timeline {
    Schedule schedule;
    double bpm = 120;
    PlayerTime segmentStart{0}; // the time of segmentPulse, where the tempo last changed
    int64_t segmentPulse = 0;
    int64_t pulse = 0;          // pulses since start
    int64_t loopPulse = 0;      // the next pulse of the schedule
    bool fresh = true;          // the schedule's setup is still to send
};

Player::Player(MidiOutput& output, std::shared_ptr<PlayerClock> clock)
    : output_(output), clock_(clock ? std::move(clock) : std::make_shared<SteadyPlayerClock>())
{
}

Player::~Player() { stop(); }

Result<bool> Player::start(Schedule schedule, double bpm, PlayOptions options)
{
    if (playing_)
        return Error{"", -1, "the player is already playing"};
    stop(); // a thread that ended on a failed send
    if (schedule.lengthSteps <= 0)
        return Error{"", -1, "nothing to play: the loop has no steps"};
    {
        std::lock_guard<std::mutex> lock(pendingMutex_);
        pendingSchedule_.reset();
        pendingTempo_.reset();
        error_.reset();
    }
    sounding_.clear();
    usedChannels_.reset();
    stopping_ = false;
    position_ = -1;
    stepsPlayed_ = 0;
    loopsPlayed_ = 0;
    options_ = options;
    tempo_ = std::clamp(bpm, 1.0, 1000.0);
    {
        std::lock_guard<std::mutex> lock(doneMutex_);
        done_ = false;
    }
    playing_ = true;
    thread_ = std::thread(&Player::run, this, std::move(schedule), bpm, clock_->now());
    return true;
}

void Player::stop()
{
    if (!thread_.joinable())
        return;
    stopping_ = true;
    clock_->wake();
    thread_.join();
    playing_ = false;
    position_ = -1;
    if (options_.midiClock)
        output_.send({0xFC});
    // Explicit note-offs as well: some synths ignore CC 123 on the drum channel.
    for (const auto& [channel, note] : sounding_)
        output_.send({uint8_t(0x80 | channel), note, 0});
    sounding_.clear();
    for (int c = 0; c < 16; ++c)
        if (usedChannels_[size_t(c)])
            output_.send({uint8_t(0xB0 | c), 123, 0});
    finished();
}

bool Player::waitUntilDone(std::chrono::milliseconds timeout)
{
    std::unique_lock<std::mutex> lock(doneMutex_);
    return doneCv_.wait_for(lock, timeout, [this] { return done_; });
}

void Player::finished()
{
    playing_ = false;
    {
        std::lock_guard<std::mutex> lock(doneMutex_);
        done_ = true;
    }
    doneCv_.notify_all();
}

void Player::switchTo(Schedule schedule)
{
    if (schedule.lengthSteps <= 0)
        return;
    std::lock_guard<std::mutex> lock(pendingMutex_);
    pendingSchedule_ = std::move(schedule);
}

void Player::setTempo(double bpm)
{
    std::lock_guard<std::mutex> lock(pendingMutex_);
    pendingTempo_ = bpm;
}

std::optional<Error> Player::error() const
{
    std::lock_guard<std::mutex> lock(pendingMutex_);
    return error_;
}

void Player::run(Schedule first, double bpm, PlayerTime start)
{
    // Real-time scheduling where the system grants it (root, rtprio limits),
    // as audio threads ask: a busy machine then still wakes the player on time.
    sched_param priority{};
    priority.sched_priority = 20;
    pthread_setschedparam(pthread_self(), SCHED_FIFO, &priority);
    Timeline t;
    t.schedule = std::move(first);
    t.bpm = bpm;
    t.segmentStart = start;
    if (!options_.midiClock || send({0xFA}))
        for (;;) {
            const PlayerTime deadline = t.segmentStart + pulsesToTime(t.pulse - t.segmentPulse, t.bpm);
            while (!stopping_ && clock_->now() < deadline)
                clock_->sleepUntil(deadline);
            if (stopping_ || !atPulse(t, deadline))
                break;
        }
    finished();
}

bool Player::atPulse(Timeline& t, PlayerTime deadline)
{
    if (t.loopPulse == int64_t(t.schedule.lengthSteps) * pulsesPerStep(t.schedule)) {
        if (!sendStep(t.schedule, t.schedule.lengthSteps))
            return false;
        t.loopPulse = 0;
        if (++loopsPlayed_ >= options_.repeats && options_.repeats > 0)
            return false; // played as often as asked
    }
    const int64_t barPulses = int64_t(std::max(1, t.schedule.barSteps)) * pulsesPerStep(t.schedule);
    if (t.loopPulse % barPulses == 0)
        atBarLine(t, deadline);
    if (t.fresh) {
        t.fresh = false;
        for (const auto& m : t.schedule.setup)
            if (!send(m))
                return false;
    }
    if (options_.midiClock && !send({0xF8}))
        return false;
    const int pps = pulsesPerStep(t.schedule);
    if (t.loopPulse % pps == 0) {
        const int step = int(t.loopPulse / pps);
        if (!sendStep(t.schedule, step))
            return false;
        position_ = step;
        ++stepsPlayed_;
    }
    // Without the clock only the steps' pulses are woken for.
    const int64_t advance = options_.midiClock ? 1 : pps - t.loopPulse % pps;
    t.pulse += advance;
    t.loopPulse += advance;
    return true;
}

void Player::atBarLine(Timeline& t, PlayerTime deadline)
{
    std::optional<Schedule> next;
    std::optional<double> bpm;
    {
        std::lock_guard<std::mutex> lock(pendingMutex_);
        next.swap(pendingSchedule_);
        bpm.swap(pendingTempo_);
    }
    if (bpm) {
        t.segmentStart = deadline;
        t.segmentPulse = t.pulse;
        t.bpm = *bpm;
        tempo_ = std::clamp(*bpm, 1.0, 1000.0);
    }
    if (next) {
        const auto sounding = sounding_;
        for (const auto& [channel, note] : sounding)
            send({uint8_t(0x80 | channel), note, 0});
        t.schedule = std::move(*next);
        t.loopPulse = 0;
        t.fresh = true;
    }
}

bool Player::sendStep(const Schedule& s, int step)
{
    const auto first = std::lower_bound(s.events.begin(), s.events.end(), step,
                                        [](const ScheduledEvent& e, int v) { return e.step < v; });
    for (auto e = first; e != s.events.end() && e->step == step; ++e)
        if (!send(e->message))
            return false;
    return true;
}

bool Player::send(const std::vector<uint8_t>& m)
{
    if (!m.empty() && m[0] >= 0x80 && m[0] < 0xF0) {
        const uint8_t channel = m[0] & 0x0F, type = m[0] & 0xF0;
        usedChannels_.set(channel);
        if (m.size() == 3 && type == 0x90 && m[2] > 0)
            sounding_.insert({channel, m[1]});
        else if (m.size() == 3 && (type == 0x80 || type == 0x90))
            sounding_.erase({channel, m[1]});
    }
    Result<bool> sent = output_.send(m);
    if (sent)
        return true;
    std::lock_guard<std::mutex> lock(pendingMutex_);
    error_ = sent.error();
    playing_ = false;
    return false;
}

} // namespace lm
