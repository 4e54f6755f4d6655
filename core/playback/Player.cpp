#include "Player.h"

#include <algorithm>
#include <cmath>

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

struct Player::Timeline {
    Schedule schedule;
    double bpm = 120;
    PlayerTime segmentStart{0}; // the time of segmentStep, where the tempo last changed
    int64_t segmentStep = 0;
    int64_t step = 0;           // steps since start
    int pos = 0;                // the next step of the schedule
    bool fresh = true;          // the schedule's setup is still to send
};

Player::Player(MidiOutput& output, std::shared_ptr<PlayerClock> clock)
    : output_(output), clock_(clock ? std::move(clock) : std::make_shared<SteadyPlayerClock>())
{
}

Player::~Player() { stop(); }

Result<bool> Player::start(Schedule schedule, double bpm)
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
    tempo_ = std::clamp(bpm, 1.0, 1000.0);
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
    // Explicit note-offs as well: some synths ignore CC 123 on the drum channel.
    for (const auto& [channel, note] : sounding_)
        output_.send({uint8_t(0x80 | channel), note, 0});
    sounding_.clear();
    for (int c = 0; c < 16; ++c)
        if (usedChannels_[size_t(c)])
            output_.send({uint8_t(0xB0 | c), 123, 0});
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
    Timeline t;
    t.schedule = std::move(first);
    t.bpm = bpm;
    t.segmentStart = start;
    for (;;) {
        const PlayerTime deadline = t.segmentStart + stepsToTime(t.step - t.segmentStep, t.bpm);
        while (!stopping_ && clock_->now() < deadline)
            clock_->sleepUntil(deadline);
        if (stopping_)
            break;
        if (t.pos == t.schedule.lengthSteps) {
            if (!sendStep(t.schedule, t.pos))
                break;
            t.pos = 0;
        }
        if (t.pos % format::kStepsPerBar == 0)
            atBarLine(t, deadline);
        if (t.fresh) {
            t.fresh = false;
            for (const auto& m : t.schedule.setup)
                if (!send(m))
                    return;
        }
        if (!sendStep(t.schedule, t.pos))
            break;
        position_ = t.pos;
        stepsPlayed_ = ++t.step;
        ++t.pos;
    }
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
        t.segmentStep = t.step;
        t.bpm = *bpm;
        tempo_ = std::clamp(*bpm, 1.0, 1000.0);
    }
    if (next) {
        const auto sounding = sounding_;
        for (const auto& [channel, note] : sounding)
            send({uint8_t(0x80 | channel), note, 0});
        t.schedule = std::move(*next);
        t.pos = 0;
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
