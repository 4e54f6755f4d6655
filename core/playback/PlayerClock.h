#pragma once
// The player's time source. The player only asks now() and sleeps until
// absolute deadlines, so a test runs it on virtual time and checks every
// event's time exactly, without waiting on the wall clock.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace lm {

using PlayerTime = std::chrono::nanoseconds; // since the clock's own epoch

class PlayerClock {
public:
    virtual ~PlayerClock() = default;
    virtual PlayerTime now() const = 0;
    // Returns at t or later, or earlier after wake(): the caller checks now() again.
    virtual void sleepUntil(PlayerTime t) = 0;
    // Ends the current (or the next) sleepUntil early: how stop() reaches a sleeping player.
    virtual void wake() = 0;
};

class SteadyPlayerClock final : public PlayerClock {
public:
    PlayerTime now() const override;
    void sleepUntil(PlayerTime t) override;
    void wake() override;

private:
    std::mutex m_;
    std::condition_variable cv_;
    bool woken_ = false;
};

// Virtual time that moves only when the test says so. A sleeping thread stays
// asleep until advanceTo() passes its deadline; it then wakes with now() at
// the deadline plus `lateness` (a real OS wakes a little late; an absolute
// deadline must not carry that lateness into the next step).
class VirtualPlayerClock final : public PlayerClock {
public:
    explicit VirtualPlayerClock(PlayerTime lateness = PlayerTime{0});
    PlayerTime now() const override;
    void sleepUntil(PlayerTime t) override;
    void wake() override;

    // Runs time up to t: every deadline at or before t is reached in turn, and
    // each time advanceTo waits until the woken thread sleeps again, so that
    // everything due by t has happened when it returns. False when no thread
    // came to sleep within realTimeout (a player that stopped or hangs).
    bool advanceTo(PlayerTime t, std::chrono::milliseconds realTimeout = std::chrono::milliseconds(5000));

private:
    const PlayerTime lateness_;
    mutable std::mutex m_;
    std::condition_variable cv_;
    PlayerTime now_{0};
    bool sleeping_ = false;
    PlayerTime target_{0};
    uint64_t sleeps_ = 0; // counts the sleeps, to tell a new one from the one just woken
    bool woken_ = false;
};

} // namespace lm
